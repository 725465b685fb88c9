import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import { pathId } from '../../../shared/schemas';
import type { ApiClient } from '../../../shared/transport/request';
import { validateParameters } from '../../../shared/validation';
import { requestAnswer } from './answers';
import { signatureRequestIdField } from './shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['signatureRequest'], operation: ['get'] } },
	[signatureRequestIdField],
);

const schema = z.object({ signatureRequestId: pathId('signature request ID') });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const { signatureRequestId } = validateParameters(
		this.getNode(),
		schema,
		{ signatureRequestId: this.getNodeParameter('signatureRequestId', i) },
		i,
		{ signatureRequestId: 'Signature Request ID' },
	);
	const body = await api.requestChecked(
		{ method: 'GET', path: `/signature_request/${encodeURIComponent(signatureRequestId)}` },
		requestAnswer,
		i,
	);
	return toItems(body.signature_request as IDataObject, i);
}
