import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute } from '../../../shared/router';
import { oneOf } from '../../../shared/schemas';
import { outputBinaryField } from '../../../shared/binary';
import { IncomingFile } from '../../../shared/transport/incomingFile';
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
			expect: 'stream',
		},
		i,
	);
	const file = await IncomingFile.from(answer.body);
	// A failure envelope already failed the item in the shared client; anything else that is not a PDF is not the file.
	const contentType = String(answer.headers['content-type'] ?? '');
	if (!fileSummary(file.head, contentType).startsWith.startsWith('%PDF-')) {
		// Not the file: small, read whole to describe it.
		await api.checkAnswer(fileSummary(await file.whole(), contentType), fileAnswer, i);
	}
	await file.checked(() => api.checkAnswer(fileSummary(file.head, contentType), fileAnswer, i));
	// DOCUMENT → document, AUDIT_TRAIL → audit-trail
	const fileName = `${params.documentId}-${params.fileType.toLowerCase().replace(/_/g, '-')}.pdf`;
	return [
		await file.toItem(
			this,
			i,
			params.binaryPropertyName,
			{ fileName, mimeType: 'application/pdf' },
			(stored) => ({
				documentId: params.documentId,
				fileType: params.fileType,
				fileName,
				sizeBytes: stored.bytes(),
			}),
		),
	];
};
