import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { email } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { getSigningLink } from '../../transport/signing';
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
	const body = await getSigningLink(api, params.signatureRequestId, params.signerEmail, i);
	return toItems({ signature_request_id: params.signatureRequestId, ...body }, i);
};
