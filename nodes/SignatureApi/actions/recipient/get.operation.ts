import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { recipientAnswer } from '../answers';
import { recipientId, recipientIdField } from '../fields';

const properties: INodeProperties[] = [recipientIdField];

export const description = forOperation('recipient', 'get', properties);

const schema = z.object({ recipientId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		recipientId: this.getNodeParameter('recipientId', i),
	});
	const recipient = await api.requestChecked(
		{ method: 'GET', path: `/recipients/${encodeURIComponent(params.recipientId)}` },
		recipientAnswer,
		i,
	);
	return toItems(recipient as IDataObject, i);
};
