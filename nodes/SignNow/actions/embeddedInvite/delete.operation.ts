import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { deletedAnswer, isEmbedded, readDocument } from '../answers';
import { documentId, documentIdFields } from '../fields';

const properties: INodeProperties[] = [
	...documentIdFields('Every embedded invite of this document is deleted'),
];

export const description = forOperation('embeddedInvite', 'delete', properties);

const schema = z.object({ documentId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
	});
	const answer = await api.requestChecked(
		{
			method: 'DELETE',
			path: `/v2/documents/${encodeURIComponent(params.documentId)}/embedded-invites`,
			ifUnknown: {
				happened: 'the embedded invites were deleted',
				advice: 'Check with Document → Get: its field_invites list the invites left.',
				settle: async () => {
					const document = await readDocument(api, params.documentId, i);
					return document.field_invites.some(isEmbedded) ? undefined : { status: 'success' };
				},
			},
		},
		deletedAnswer,
		i,
	);
	return toItems({ document_id: params.documentId, deleted: true, status: answer.status }, i);
};
