import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { documentId, documentIdFields } from '../../descriptions/document';
import { deleteDocument } from '../../transport/documents';

const properties: INodeProperties[] = [...documentIdFields()];

export const description = forOperation('document', 'delete', properties);

const schema = z.object({ documentId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
	});
	const answer = await deleteDocument(api, params.documentId, i);
	return toItems({ id: params.documentId, deleted: true, status: answer.status }, i);
};
