import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import type { ApiClient } from '../../../shared/transport/request';
import { labelsFrom, validateParameters } from '../../../shared/validation';
import { detailsAnswer } from '../answers';
import { documentIdField, documentIdSchema } from '../fields';

const properties: INodeProperties[] = [documentIdField];

export const description = updateDisplayOptions({ show: { resource: ['signRequest'], operation: ['get'] } }, properties);

const schema = z.object({ documentId: documentIdSchema });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const { documentId } = validateParameters(
		this.getNode(),
		schema,
		{ documentId: this.getNodeParameter('documentId', i) },
		i,
		labelsFrom(properties),
	);
	const { details, status } = await api.requestChecked(
		{ method: 'GET', path: '/v3.3/document/details', qs: { documentId } },
		detailsAnswer,
		i,
	);
	return toItems({ documentId, status, ...details }, i);
}
