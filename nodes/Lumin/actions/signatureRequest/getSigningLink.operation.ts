import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { email } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { signingLinkAnswer } from '../answers';
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
		description: 'Signer the link is for. The link opens Lumin in a new page (not in an iframe).',
	},
];

export const description = forOperation('signatureRequest', 'getSigningLink', properties);

const schema = z.object({ signatureRequestId, signerEmail: email });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		signatureRequestId: this.getNodeParameter('signatureRequestId', i),
		signerEmail: this.getNodeParameter('signerEmail', i),
	});
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
};
