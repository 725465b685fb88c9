import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import { pathId } from '../../../shared/schemas';
import type { ApiClient } from '../../../shared/transport/request';
import { labelsFrom, validateParameters } from '../../../shared/validation';
import { requestAnswer } from '../answers';
import { signatureRequestIdField } from '../fields';

const properties: INodeProperties[] = [signatureRequestIdField];

export const description = updateDisplayOptions({ show: { resource: ['signatureRequest'], operation: ['get'] } }, properties);

const schema = z.object({ signatureRequestId: pathId('signature request ID') });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const { signatureRequestId } = validateParameters(
		this.getNode(),
		schema,
		{ signatureRequestId: this.getNodeParameter('signatureRequestId', i) },
		i,
		labelsFrom(properties),
	);
	const body = await api.requestChecked(
		{ method: 'GET', path: `/signature_request/${encodeURIComponent(signatureRequestId)}` },
		requestAnswer,
		i,
	);
	return toItems(body.signature_request as IDataObject, i);
}
