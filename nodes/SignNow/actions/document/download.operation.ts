import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { binaryFieldName, outputBinaryField } from '../../../shared/binary';
import { forOperation, type OperationExecute } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { documentId, documentIdFields } from '../../descriptions/document';
import { downloadDocument } from '../../transport/documents';

const properties: INodeProperties[] = [...documentIdFields(), outputBinaryField];

export const description = forOperation('document', 'download', properties);

const schema = z.object({
	documentId,
	binaryPropertyName: binaryFieldName,
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
	});
	const file = await downloadDocument(api, params.documentId, i);
	const fileName = `${params.documentId}.pdf`;
	return await file.toPdfItem(this, i, params.binaryPropertyName, fileName, (bytes) => ({
		document_id: params.documentId,
		file_name: fileName,
		size_bytes: bytes,
	}));
};
