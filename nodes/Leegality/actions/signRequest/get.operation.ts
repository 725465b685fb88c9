import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { getSignRequest } from '../../transport/signRequests';
import { documentId, documentIdFields } from '../fields';

const properties: INodeProperties[] = [...documentIdFields];

export const description = forOperation('signRequest', 'get', properties);

const schema = z.object({ documentId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
	});
	const { details, status } = await getSignRequest(api, params.documentId, i);
	return toItems({ documentId: params.documentId, status, ...details }, i);
};
