import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { email } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { replaceRecipient } from '../../transport/recipients';
import { recipientId, recipientIdField } from '../fields';

const properties: INodeProperties[] = [
	recipientIdField,
	{ displayName: 'New Name', name: 'name', type: 'string', required: true, default: '' },
	{
		displayName: 'New Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
];

export const description = forOperation('recipient', 'replace', properties);

const schema = z.object({
	recipientId,
	name: z.string().trim().min(1, 'A name is required.'),
	email,
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		recipientId: this.getNodeParameter('recipientId', i),
		name: this.getNodeParameter('name', i),
		email: this.getNodeParameter('email', i),
	});
	const replacement = await replaceRecipient(api, params.recipientId, params, i);
	return toItems(
		{
			replaced_recipient_id: params.recipientId,
			...replacement,
			note: 'The replacement has a new recipient ID. Create a new ceremony for it (Ceremony → Create) if it is signed in your app.',
		},
		i,
	);
};
