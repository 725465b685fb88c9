import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { email, intInRange } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { createSigningSession } from '../../transport/signing';
import { signatureRequestId, signatureRequestIdField } from '../fields';

const properties: INodeProperties[] = [
	signatureRequestIdField,
	{
		displayName: 'Signer Email',
		name: 'signerEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description:
			'Recipient the session is for. Must already be a signer or viewer of the signature request.',
	},
	{
		displayName: 'Expiry (Milliseconds)',
		name: 'expiry',
		type: 'number',
		typeOptions: { minValue: 300000, maxValue: 3600000 },
		default: 900000,
		description:
			'How long the sign URL stays valid after it is issued: 300000 (5 minutes) to 3600000 (1 hour). Shorter is safer for sensitive apps.',
	},
];

export const description = forOperation('signatureRequest', 'createSigningSession', properties);

const schema = z.object({
	signatureRequestId,
	signerEmail: email,
	expiry: intInRange(300000, 3600000, ' milliseconds (5 to 60 minutes)'),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		signatureRequestId: this.getNodeParameter('signatureRequestId', i),
		signerEmail: this.getNodeParameter('signerEmail', i),
		expiry: this.getNodeParameter('expiry', i),
	});
	const session = await createSigningSession(
		api,
		params.signatureRequestId,
		params.signerEmail,
		params.expiry,
		i,
	);
	return toItems(
		{
			signature_request_id: params.signatureRequestId,
			sign_url: session.sign_url,
			signer_email: session.signer_email,
			expires_at: session.expires_at,
			expires_at_iso: new Date(session.expires_at).toISOString(),
			status: session.status,
		},
		i,
	);
};
