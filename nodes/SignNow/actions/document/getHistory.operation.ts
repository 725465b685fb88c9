import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { documentId, documentIdFields } from '../../descriptions/document';
import { documentHistory } from '../../transport/documents';

const properties: INodeProperties[] = [...documentIdFields()];

export const description = forOperation('document', 'getHistory', properties);

const schema = z.object({ documentId });

/** One item per event of the document's history (its audit trail), as signNow lists them. */
export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
	});
	const events = await documentHistory(api, params.documentId, i);
	return toItems(
		events.map((event) => ({ document_id: params.documentId, ...event })),
		i,
	);
};
