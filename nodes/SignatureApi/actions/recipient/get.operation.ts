import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import type { ApiClient } from '../../../shared/transport/request';
import { labelsFrom, validateParameters } from '../../../shared/validation';
import { recipientAnswer } from '../answers';
import { recipientId, recipientIdField } from '../fields';

const properties: INodeProperties[] = [recipientIdField];

export const description = updateDisplayOptions({ show: { resource: ['recipient'], operation: ['get'] } }, properties);

const schema = z.object({ recipientId });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const params = validateParameters(this.getNode(), schema, { recipientId: this.getNodeParameter('recipientId', i) }, i, labelsFrom(properties));
	const recipient = await api.requestChecked({ method: 'GET', path: `/recipients/${encodeURIComponent(params.recipientId)}` }, recipientAnswer, i);
	return toItems(recipient as IDataObject, i);
}
