import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute } from '../../../shared/router';
import { oneOf } from '../../../shared/schemas';
import { binaryItem, outputBinaryField } from '../../../shared/binary';
import { checkParameters } from '../../../shared/validation';
import { fileAnswer, fileSummary } from '../answers';
import { documentIdFields, documentIdSchema } from '../fields';

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
	documentId: documentIdSchema,
	fileType: oneOf(fileTypeOptions),
	binaryPropertyName: z.string().trim().min(1, 'Name the binary field, for example "data".'),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		fileType: this.getNodeParameter('fileType', i),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
	});
	// v3.1 answers with the file itself, but with Leegality's JSON envelope when it has none to give.
	const answer = await api.requestFull<Buffer>(
		{
			method: 'GET',
			path: '/v3.1/document/fetchDocument',
			qs: { documentId: params.documentId, documentDownloadType: params.fileType },
			headers: { Accept: 'application/pdf, application/json' },
			expect: 'binary',
		},
		i,
	);
	const data = Buffer.from(answer.body);
	// A failure envelope already failed the item in the shared client; anything else that is not a PDF is not the file.
	await api.checkAnswer(
		fileSummary(data, String(answer.headers['content-type'] ?? '')),
		fileAnswer,
		i,
	);
	// DOCUMENT → document, AUDIT_TRAIL → audit-trail
	const fileName = `${params.documentId}-${params.fileType.toLowerCase().replace(/_/g, '-')}.pdf`;
	return [
		await binaryItem(
			this,
			i,
			params.binaryPropertyName,
			{ data, fileName, mimeType: 'application/pdf' },
			{
				documentId: params.documentId,
				fileType: params.fileType,
				fileName,
				sizeBytes: data.length,
			},
		),
	];
};
