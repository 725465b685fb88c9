import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { binaryItem, outputBinaryField } from '../../../shared/binary';
import type { ApiClient } from '../../../shared/transport/request';
import { validateParameters } from '../../../shared/validation';
import { fileAnswer, fileSummary } from '../answers';
import { documentIdField, documentIdSchema } from './shared';

const properties: INodeProperties[] = [
	documentIdField,
	{
		displayName: 'File',
		name: 'fileType',
		type: 'options',
		options: [
			{ name: 'Document', value: 'DOCUMENT', description: 'The document, signed as far as signing has got' },
			{ name: 'Audit Trail', value: 'AUDIT_TRAIL', description: 'The signing record; only once the document is completed' },
		],
		default: 'DOCUMENT',
	},
	outputBinaryField,
];

export const description = updateDisplayOptions({ show: { resource: ['signRequest'], operation: ['download'] } }, properties);

const schema = z.object({
	documentId: documentIdSchema,
	fileType: z.enum(['DOCUMENT', 'AUDIT_TRAIL'], { errorMap: () => ({ message: 'Must be DOCUMENT or AUDIT_TRAIL.' }) }),
	binaryPropertyName: z.string().trim().min(1, 'Name the binary field, for example "data".'),
});

const FILE_SUFFIX = { DOCUMENT: 'document', AUDIT_TRAIL: 'audit-trail' } as const;

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const params = validateParameters(
		this.getNode(),
		schema,
		{
			documentId: this.getNodeParameter('documentId', i),
			fileType: this.getNodeParameter('fileType', i),
			binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
		},
		i,
		{ documentId: 'Document ID', fileType: 'File', binaryPropertyName: 'Put Output File in Field' },
	);
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
	await api.checkAnswer(fileSummary(data, String(answer.headers['content-type'] ?? '')), fileAnswer, i);
	const fileName = `${params.documentId}-${FILE_SUFFIX[params.fileType]}.pdf`;
	return [
		await binaryItem(this, i, params.binaryPropertyName, { data, fileName, mimeType: 'application/pdf' }, {
			documentId: params.documentId,
			fileType: params.fileType,
			fileName,
			sizeBytes: data.length,
		}),
	];
}
