import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { email, splitList } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { remindSigners } from '../../transport/signatureRequests';
import { signatureRequestId, signatureRequestIdField } from '../fields';

const properties: INodeProperties[] = [
	signatureRequestIdField,
	{
		displayName: 'Signer Emails',
		name: 'emails',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ana@example.com, ben@example.com',
		description:
			'Signers to remind, separated by commas. Lumin sends at most 10 reminders per signer per day.',
	},
];

export const description = forOperation('signatureRequest', 'remind', properties);

const schema = z.object({
	signatureRequestId,
	emails: z.array(email).min(1, 'Give at least one signer email.'),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		signatureRequestId: this.getNodeParameter('signatureRequestId', i),
		emails: splitList(this.getNodeParameter('emails', i)),
	});
	const body = await remindSigners(api, params.signatureRequestId, params.emails, i);
	const { reminders } = body;
	return toItems(
		{
			...(body.signature_request ? { signature_request: body.signature_request } : {}),
			reminders,
			sent: reminders.filter((r) => r.email_status === 'SENT').map((r) => r.email),
			not_sent: reminders
				.filter((r) => r.email_status !== 'SENT')
				.map((r) => ({ email: r.email, reason: r.email_status })),
		},
		i,
	);
};
