import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import { email, pathId } from '../../../shared/schemas';
import type { ApiClient } from '../../../shared/transport/request';
import { labelsFrom, validateParameters } from '../../../shared/validation';
import { signingLinkAnswer } from '../answers';
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
		description: 'Signer the link is for. The link opens Lumin in a new page (not in an iframe).',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['signatureRequest'], operation: ['getSigningLink'] } },
	properties,
);

const schema = z.object({ signatureRequestId: pathId('signature request ID'), signerEmail: email });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const params = validateParameters(
		this.getNode(),
		schema,
		{
			signatureRequestId: this.getNodeParameter('signatureRequestId', i),
			signerEmail: this.getNodeParameter('signerEmail', i),
		},
		i,
		labelsFrom(properties),
	);
	const body = await api.requestChecked(
		{
			method: 'POST',
			path: `/signature_request/${encodeURIComponent(params.signatureRequestId)}/signing-link`,
			body: { signer_email: params.signerEmail },
			ifUnknown: {
				happened: 'a signing link was created',
				advice: 'Run the item again for a new link; it opens the same signing.',
			},
		},
		signingLinkAnswer,
		i,
	);
	return toItems({ signature_request_id: params.signatureRequestId, ...body }, i);
}
