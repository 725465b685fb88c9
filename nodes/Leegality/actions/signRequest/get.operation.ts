import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { detailsAnswer } from '../answers';
import { documentIdFields, documentIdSchema } from '../fields';

const properties: INodeProperties[] = [...documentIdFields];

export const description = forOperation('signRequest', 'get', properties);

const schema = z.object({ documentId: documentIdSchema });

export const execute: OperationExecute = async function (i, api) {
	const { documentId } = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
	});
	const { details, status } = await api.requestChecked(
		{ method: 'GET', path: '/v3.3/document/details', qs: { documentId } },
		detailsAnswer,
		i,
	);
	return toItems({ documentId, status, ...details }, i);
};
