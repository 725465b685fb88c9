import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { cancelAnswer } from '../answers';
import { signatureRequestId, signatureRequestIdField } from '../fields';

const properties: INodeProperties[] = [signatureRequestIdField];

export const description = forOperation('signatureRequest', 'cancel', properties);

const schema = z.object({ signatureRequestId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		signatureRequestId: this.getNodeParameter('signatureRequestId', i),
	});
	// Lumin also emits signature_request_canceled / _cancel_failed webhooks, so cancelling may
	// finish after this answer (unconfirmed): only an answer saying CANCELLED counts as done.
	const body = await api.requestChecked(
		{
			method: 'PUT',
			path: `/signature_request/cancel/${encodeURIComponent(params.signatureRequestId)}`,
			ifUnknown: {
				happened: 'the signature request was cancelled',
				advice: 'Check its status with Signature Request → Get.',
				// Lumin may finish a cancellation later (it has a cancel_failed event), so only a
				// CANCELLED status settles it; any other status leaves the outcome open.
				settle: async () => {
					const read = await api.request<{ signature_request?: { status?: unknown } }>(
						{
							method: 'GET',
							path: `/signature_request/${encodeURIComponent(params.signatureRequestId)}`,
						},
						i,
					);
					return read.signature_request?.status === 'CANCELLED'
						? { signature_request_id: params.signatureRequestId, status: 'CANCELLED' }
						: undefined;
				},
			},
		},
		cancelAnswer,
		i,
	);
	return toItems({ signature_request_id: params.signatureRequestId, ...body }, i);
};
