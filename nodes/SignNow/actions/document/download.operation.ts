import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { binaryItem, outputBinaryField } from '../../../shared/binary';
import type { ApiClient } from '../../../shared/transport/request';
import { validateParameters } from '../../../shared/validation';
import { documentId, documentIdField } from '../shared';

const properties: INodeProperties[] = [
	documentIdField,
	outputBinaryField,
];

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['download'] } }, properties);

const schema = z.object({
	documentId,
	binaryPropertyName: z.string().trim().min(1, 'Name the binary field, for example "data".'),
});

/** A download that is empty or not a PDF (an error page from a proxy, say) is not the document. */
const pdfFile = z.object({
	file: z.object({
		size: z.number().positive('is empty (0 bytes)'),
		start: z.literal('%PDF-', { errorMap: () => ({ message: 'is not a PDF (it does not start with %PDF-)' }) }),
	}),
});

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const params = validateParameters(
		this.getNode(),
		schema,
		{ documentId: this.getNodeParameter('documentId', i), binaryPropertyName: this.getNodeParameter('binaryPropertyName', i) },
		i,
		{ documentId: 'Document ID', binaryPropertyName: 'Put Output File in Field' },
	);
	// "collapsed" flattens the signatures and fields into the PDF pages.
	const answer = await api.requestFull<Buffer>(
		{
			method: 'GET',
			path: `/document/${encodeURIComponent(params.documentId)}/download`,
			qs: { type: 'collapsed' },
			headers: { Accept: 'application/pdf' },
			expect: 'binary',
		},
		i,
	);
	const data = Buffer.from(answer.body);
	await api.checkAnswer({ file: { size: data.length, start: data.subarray(0, 5).toString('latin1') } }, pdfFile, i);
	const fileName = `${params.documentId}.pdf`;
	return [
		await binaryItem(this, i, params.binaryPropertyName, { data, fileName, mimeType: 'application/pdf' }, {
			document_id: params.documentId,
			file_name: fileName,
			size_bytes: data.length,
		}),
	];
}
