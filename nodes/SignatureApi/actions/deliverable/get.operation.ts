import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { deliverableAnswer } from '../answers';
import { deliverableId, deliverableIdField } from '../fields';

const properties: INodeProperties[] = [deliverableIdField];

export const description = forOperation('deliverable', 'get', properties);

const schema = z.object({ deliverableId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		deliverableId: this.getNodeParameter('deliverableId', i),
	});
	const deliverable = await api.requestChecked(
		{ method: 'GET', path: `/deliverables/${encodeURIComponent(params.deliverableId)}` },
		deliverableAnswer,
		i,
	);
	return toItems(deliverable as IDataObject, i);
};
