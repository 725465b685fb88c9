import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import { pathId } from '../../../shared/schemas';
import type { ApiClient } from '../../../shared/transport/request';
import { labelsFrom, validateParameters } from '../../../shared/validation';
import { cancelAnswer } from '../answers';
import { signatureRequestIdField } from '../fields';

const properties: INodeProperties[] = [signatureRequestIdField];

export const description = updateDisplayOptions({ show: { resource: ['signatureRequest'], operation: ['cancel'] } }, properties);

const schema = z.object({ signatureRequestId: pathId('signature request ID') });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const { signatureRequestId } = validateParameters(
		this.getNode(),
		schema,
		{ signatureRequestId: this.getNodeParameter('signatureRequestId', i) },
		i,
		labelsFrom(properties),
	);
	// Lumin also emits signature_request_canceled / _cancel_failed webhooks, so cancelling may
	// finish after this answer (unconfirmed): only an answer saying CANCELLED counts as done.
	const body = await api.requestChecked(
		{
			method: 'PUT',
			path: `/signature_request/cancel/${encodeURIComponent(signatureRequestId)}`,
			ifUnknown: {
				happened: 'the signature request was cancelled',
				advice: 'Check its status with Signature Request → Get.',
				// Lumin may finish a cancellation later (it has a cancel_failed event), so only a
				// CANCELLED status settles it; any other status leaves the outcome open.
				settle: async () => {
					const read = await api.request<{ signature_request?: { status?: unknown } }>(
						{ method: 'GET', path: `/signature_request/${encodeURIComponent(signatureRequestId)}` },
						i,
					);
					return read.signature_request?.status === 'CANCELLED' ? { signature_request_id: signatureRequestId, status: 'CANCELLED' } : undefined;
				},
			},
		},
		cancelAnswer,
		i,
	);
	return toItems({ signature_request_id: signatureRequestId, ...body }, i);
}
