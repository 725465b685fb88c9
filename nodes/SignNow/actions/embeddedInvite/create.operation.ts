import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fixedCollectionRows } from '../../../shared/parameters';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { email, httpUrl } from '../../../shared/schemas';
import { checkParameters, failValidation } from '../../../shared/validation';
import { documentId, documentIdFields } from '../../descriptions/document';
import { sameEmail } from '../../transport/answers';
import { readDocument } from '../../transport/documents';
import { createEmbeddedInvites } from '../../transport/embeddedInvites';
import { authMethod, authMethodField } from '../fields';
import { checkAgainstDocument, order, repeatedSigners, roleId, signerFields } from '../roles';

const properties: INodeProperties[] = [
	...documentIdFields(),
	{
		displayName: 'Invites',
		name: 'invites',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Invite',
		required: true,
		default: {},
		description: 'One invite per role of the document: every role must be covered',
		options: [
			{
				name: 'invite',
				displayName: 'Invite',
				values: [
					...signerFields({
						email:
							'Signer’s email, up to 150 characters, different for each invite and not the document owner’s',
						order: 'Signing step, starting at 1. Signers with the same order sign in parallel.',
					}),
					authMethodField('How the signer is authenticated before signing'),
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Decline Redirect URI',
				name: 'declineRedirectUri',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/declined',
				description: 'Where signers are sent after declining to sign',
			},
			{
				displayName: 'Redirect URI',
				name: 'redirectUri',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/signed',
				description: 'Where signers are sent after signing',
			},
		],
	},
];

export const description = forOperation('embeddedInvite', 'create', properties);

const invite = z.object({
	email: email.max(150, 'Must be at most 150 characters.'),
	roleId,
	order,
	authMethod,
});

const optionalUrl = z.preprocess(
	(v) => (v === '' || v === null ? undefined : v),
	httpUrl.optional(),
);

const schema = z.object({
	documentId,
	invites: z.array(invite).min(1, 'Add at least one invite.'),
	redirectUri: optionalUrl,
	declineRedirectUri: optionalUrl,
});

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		invites: fixedCollectionRows(this, 'invites.invite', i),
		redirectUri: options.redirectUri,
		declineRedirectUri: options.declineRedirectUri,
	});
	// Repeats the form itself shows are refused before any request; role names need the document.
	const repeats = repeatedSigners(properties, 'invites', params.invites);
	if (repeats.length) failValidation(this.getNode(), repeats, i);

	// One read of the document lets every rule signNow would reject be named before anything is created.
	const document = await readDocument(api, params.documentId, i);
	const roles = checkAgainstDocument(this.getNode(), properties, document, params.invites, i);
	const answer = await createEmbeddedInvites(
		api,
		params.documentId,
		document,
		params.invites.map((inv, n) => ({
			email: inv.email,
			role_id: roles[n].unique_id,
			order: inv.order,
			auth_method: inv.authMethod,
			...(params.redirectUri ? { redirect_uri: params.redirectUri } : {}),
			...(params.declineRedirectUri ? { decline_redirect_uri: params.declineRedirectUri } : {}),
		})),
		i,
	);
	const names = new Map(roles.map((r) => [r.unique_id, r.name]));
	return toItems(
		params.invites.map((inv, n) => {
			const created = answer.data.find((c) => sameEmail(c.email, inv.email))!;
			const roleId = created.role_id ?? roles[n].unique_id;
			return {
				document_id: params.documentId,
				id: created.id,
				email: created.email,
				role: names.get(roleId) ?? null,
				role_id: roleId,
				order: Number(created.order ?? inv.order),
				status: created.status ?? null,
			};
		}),
		i,
	);
};
