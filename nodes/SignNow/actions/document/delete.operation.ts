import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import type { ApiClient } from '../../../shared/transport/request';
import { labelsFrom, validateParameters } from '../../../shared/validation';
import { deletedAnswer } from '../answers';
import { documentId, documentIdField } from '../fields';

const properties: INodeProperties[] = [documentIdField];

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['delete'] } }, properties);

const schema = z.object({ documentId });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const params = validateParameters(this.getNode(), schema, { documentId: this.getNodeParameter('documentId', i) }, i, labelsFrom(properties));
	const path = `/document/${encodeURIComponent(params.documentId)}`;
	// The {"status": "success"} answer is signNow's usual one for deletions; for this endpoint it is not in the reference material (unconfirmed).
	const answer = await api.requestChecked(
		{
			method: 'DELETE',
			path,
			ifUnknown: {
				happened: 'the document was deleted',
				advice: 'Check with Document → Get: a deleted document is not found.',
				settle: async () => ((await api.requestUnlessNotFound({ method: 'GET', path }, i)) === undefined ? { status: 'success' } : undefined),
			},
		},
		deletedAnswer,
		i,
	);
	return toItems({ id: params.documentId, deleted: true, status: answer.status }, i);
}
