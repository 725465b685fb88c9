import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import { email, intInRange, pathId } from '../../../shared/schemas';
import type { ApiClient } from '../../../shared/transport/request';
import { labelsFrom, validateParameters } from '../../../shared/validation';
import { signingSessionAnswer } from '../answers';
import { signatureRequestIdField } from '../fields';

const properties: INodeProperties[] = [
	signatureRequestIdField,
	{
		displayName: 'Signer Email',
		name: 'signerEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Recipient the session is for. Must already be a signer or viewer of the signature request.',
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

export const description = updateDisplayOptions(
	{ show: { resource: ['signatureRequest'], operation: ['createSigningSession'] } },
	properties,
);

const schema = z.object({
	signatureRequestId: pathId('signature request ID'),
	signerEmail: email,
	expiry: intInRange(300000, 3600000, ' milliseconds (5 to 60 minutes)'),
});


export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const params = validateParameters(
		this.getNode(),
		schema,
		{
			signatureRequestId: this.getNodeParameter('signatureRequestId', i),
			signerEmail: this.getNodeParameter('signerEmail', i),
			expiry: this.getNodeParameter('expiry', i),
		},
		i,
		labelsFrom(properties),
	);
	const session = await api.requestChecked(
		{
			method: 'POST',
			path: `/signature_request/${encodeURIComponent(params.signatureRequestId)}/signing-session`,
			body: { signer_email: params.signerEmail, expiry: params.expiry },
			ifUnknown: {
				happened: 'a signing session was created',
				advice: 'Run the item again for a new session: a session that was created and not used only expires.',
			},
		},
		signingSessionAnswer,
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
}
