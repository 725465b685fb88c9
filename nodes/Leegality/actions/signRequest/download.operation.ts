import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { binaryFieldName, outputBinaryField } from '../../../shared/binary';
import { forOperation, type OperationExecute } from '../../../shared/router';
import { oneOf } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { downloadFile } from '../../transport/signRequests';
import { documentId, documentIdFields } from '../fields';

const fileTypeOptions: INodePropertyOptions[] = [
	{
		name: 'Document',
		value: 'DOCUMENT',
		description: 'The document, signed as far as signing has got',
	},
	{
		name: 'Audit Trail',
		value: 'AUDIT_TRAIL',
		description: 'The signing record; only once the document is completed',
	},
];

const properties: INodeProperties[] = [
	...documentIdFields,
	{
		displayName: 'File',
		name: 'fileType',
		type: 'options',
		options: fileTypeOptions,
		default: 'DOCUMENT',
	},
	outputBinaryField,
];

export const description = forOperation('signRequest', 'download', properties);

const schema = z.object({
	documentId,
	fileType: oneOf(fileTypeOptions),
	binaryPropertyName: binaryFieldName,
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		fileType: this.getNodeParameter('fileType', i),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
	});
	const file = await downloadFile(api, params.documentId, params.fileType, i);
	// DOCUMENT → document, AUDIT_TRAIL → audit-trail
	const fileName = `${params.documentId}-${params.fileType.toLowerCase().replace(/_/g, '-')}.pdf`;
	return await file.toPdfItem(this, i, params.binaryPropertyName, fileName, (bytes) => ({
		documentId: params.documentId,
		fileType: params.fileType,
		fileName,
		sizeBytes: bytes,
	}));
};
