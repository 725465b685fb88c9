import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { deletedAnswer } from '../answers';
import { documentId, documentIdFields } from '../fields';

const properties: INodeProperties[] = [...documentIdFields()];

export const description = forOperation('document', 'delete', properties);

const schema = z.object({ documentId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
	});
	const path = `/document/${encodeURIComponent(params.documentId)}`;
	// The {"status": "success"} answer is signNow's usual one for deletions; for this endpoint it is not in the reference material (unconfirmed).
	const answer = await api.requestChecked(
		{
			method: 'DELETE',
			path,
			ifUnknown: {
				happened: 'the document was deleted',
				advice: 'Check with Document → Get: a deleted document is not found.',
				settle: async () =>
					(await api.requestUnlessNotFound({ method: 'GET', path }, i)) === undefined
						? { status: 'success' }
						: undefined,
			},
		},
		deletedAnswer,
		i,
	);
	return toItems({ id: params.documentId, deleted: true, status: answer.status }, i);
};
