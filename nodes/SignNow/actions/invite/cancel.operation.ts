import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { documentId, documentIdFields } from '../../descriptions/document';
import { cancelEmailInvites } from '../../transport/invites';

const properties: INodeProperties[] = [
	...documentIdFields('Every email invite of this document that waits for a signer is cancelled'),
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		placeholder: 'The offer has changed',
		description: 'Why the invites are cancelled; signNow keeps it with the document',
	},
];

export const description = forOperation('invite', 'cancel', properties);

const schema = z.object({
	documentId,
	reason: z.preprocess(
		(v) => (v === null || v === undefined ? '' : v),
		z
			.string({ invalid_type_error: 'Must be text, up to 1000 characters.' })
			.trim()
			.max(1000, 'Must be at most 1000 characters.'),
	),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		reason: this.getNodeParameter('reason', i, ''),
	});
	const answer = await cancelEmailInvites(api, params.documentId, params.reason || undefined, i);
	return toItems(
		{
			document_id: params.documentId,
			cancelled: true,
			status: answer.status,
			reason: params.reason || null,
		},
		i,
	);
};
