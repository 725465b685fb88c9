import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { documentId, documentIdFields } from '../../descriptions/document';
import { type FieldInvite, isEmbedded } from '../../transport/answers';
import { readDocument } from '../../transport/documents';

const properties: INodeProperties[] = [
	...documentIdFields(),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only the status, roles and invites instead of the full document with its fields',
	},
];

export const description = forOperation('document', 'get', properties);

const schema = z.object({ documentId, simplify: z.boolean() });

const SIGNED = new Set(['fulfilled', 'signed', 'completed']);

/** One word for where the document stands, from its invites: signNow keeps a status per invite only. */
export function documentStatus(invites: FieldInvite[]): string {
	if (!invites.length) return 'draft';
	const statuses = invites.map((inv) => String(inv.status ?? '').toLowerCase());
	if (statuses.some((s) => s === 'declined')) return 'declined';
	if (statuses.every((s) => SIGNED.has(s))) return 'completed';
	return 'pending';
}

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		simplify: this.getNodeParameter('simplify', i),
	});
	const document = await readDocument(api, params.documentId, i);
	const invites = document.field_invites;
	if (!params.simplify)
		return toItems({ ...document, status: documentStatus(invites) } as IDataObject, i);
	return toItems(
		{
			id: document.id,
			document_name: document.document_name ?? null,
			status: documentStatus(invites),
			owner: typeof document.owner === 'string' ? document.owner : null,
			created: document.created ?? null,
			updated: document.updated ?? null,
			roles: document.roles.map((r) => ({
				id: r.unique_id,
				name: r.name,
				signing_order: Number(r.signing_order ?? 1),
			})),
			invites: invites.map((inv) => ({
				id: inv.id,
				email: inv.email ?? null,
				role: inv.role ?? null,
				role_id: inv.role_id ?? null,
				status: inv.status,
				embedded: isEmbedded(inv),
			})),
		},
		i,
	);
};
