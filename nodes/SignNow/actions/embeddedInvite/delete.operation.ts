import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { documentId, documentIdFields } from '../../descriptions/document';
import { deleteEmbeddedInvites } from '../../transport/embeddedInvites';

const properties: INodeProperties[] = [
	...documentIdFields('Every embedded invite of this document is deleted'),
];

export const description = forOperation('embeddedInvite', 'delete', properties);

const schema = z.object({ documentId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
	});
	const answer = await deleteEmbeddedInvites(api, params.documentId, i);
	return toItems({ document_id: params.documentId, deleted: true, status: answer.status }, i);
};
