import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import type { ApiClient } from '../../../shared/transport/request';
import { labelsFrom, validateParameters } from '../../../shared/validation';
import { deliverableAnswer } from '../answers';
import { deliverableId, deliverableIdField } from '../fields';

const properties: INodeProperties[] = [deliverableIdField];

export const description = updateDisplayOptions({ show: { resource: ['deliverable'], operation: ['get'] } }, properties);

const schema = z.object({ deliverableId });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const params = validateParameters(this.getNode(), schema, { deliverableId: this.getNodeParameter('deliverableId', i) }, i, labelsFrom(properties));
	const deliverable = await api.requestChecked(
		{ method: 'GET', path: `/deliverables/${encodeURIComponent(params.deliverableId)}` },
		deliverableAnswer,
		i,
	);
	return toItems(deliverable as IDataObject, i);
}
