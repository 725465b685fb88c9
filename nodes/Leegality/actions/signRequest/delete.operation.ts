import { type INodeProperties, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { deleteInvitation, deleteSignRequest } from '../../transport/signRequests';
import { documentId, documentIdFields, signUrlField } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Delete',
		name: 'deleteTarget',
		type: 'options',
		options: [
			{
				name: 'Whole Sign Request',
				value: 'document',
				description:
					'Permanently deletes the document and everything about it; download what you need first',
			},
			{
				name: 'One Invitation',
				value: 'invitation',
				description: 'Withdraws one invitee’s invitation, if it is not signed yet',
			},
		],
		default: 'document',
	},
	...updateDisplayOptions({ show: { deleteTarget: ['document'] } }, documentIdFields),
	{
		...signUrlField,
		description:
			'The signUrl of the invitation to withdraw: the full URL, or only its last part (the UUID)',
		displayOptions: { show: { deleteTarget: ['invitation'] } },
	},
];

export const description = forOperation('signRequest', 'delete', properties);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invitationRef = z
	.string()
	.trim()
	.refine(
		(v) => UUID.test(v) || /^https:\/\/\S+$/.test(v),
		'Must be a sign URL starting with https:// or the UUID at its end.',
	);

const schema = z.discriminatedUnion('deleteTarget', [
	z.object({ deleteTarget: z.literal('document'), documentId }),
	z.object({ deleteTarget: z.literal('invitation'), signUrl: invitationRef }),
]);

export const execute: OperationExecute = async function (i, api) {
	const deleteTarget = this.getNodeParameter('deleteTarget', i) as string;
	const params = checkParameters(
		this,
		i,
		properties,
		schema,
		deleteTarget === 'invitation'
			? { deleteTarget, signUrl: this.getNodeParameter('signUrl', i) }
			: { deleteTarget, documentId: this.getNodeParameter('documentId', i) },
	);
	const said =
		params.deleteTarget === 'document'
			? await deleteSignRequest(api, params.documentId, i)
			: await deleteInvitation(api, params.signUrl, i);
	return toItems(
		{
			deleted: true,
			...(params.deleteTarget === 'document'
				? { documentId: params.documentId }
				: { signUrl: params.signUrl }),
			...said,
		},
		i,
	);
};
