import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { cancelSignatureRequest } from '../../transport/signatureRequests';
import { signatureRequestId, signatureRequestIdField } from '../fields';

const properties: INodeProperties[] = [signatureRequestIdField];

export const description = forOperation('signatureRequest', 'cancel', properties);

const schema = z.object({ signatureRequestId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		signatureRequestId: this.getNodeParameter('signatureRequestId', i),
	});
	const body = await cancelSignatureRequest(api, params.signatureRequestId, i);
	return toItems({ signature_request_id: params.signatureRequestId, ...body }, i);
};
