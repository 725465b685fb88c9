import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute } from '../../../shared/router';
import { outputBinaryField } from '../../../shared/binary';
import { IncomingFile } from '../../../shared/transport/incomingFile';
import { checkParameters } from '../../../shared/validation';
import { pdfFile } from '../answers';
import { documentId, documentIdFields } from '../fields';

const properties: INodeProperties[] = [...documentIdFields(), outputBinaryField];

export const description = forOperation('document', 'download', properties);

const schema = z.object({
	documentId,
	binaryPropertyName: z.string().trim().min(1, 'Name the binary field, for example "data".'),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
	});
	// "collapsed" flattens the signatures and fields into the PDF pages.
	const answer = await api.requestFull<Buffer>(
		{
			method: 'GET',
			path: `/document/${encodeURIComponent(params.documentId)}/download`,
			qs: { type: 'collapsed' },
			headers: { Accept: 'application/pdf' },
			expect: 'stream',
		},
		i,
	);
	const file = await IncomingFile.from(answer.body);
	const { head } = file;
	await file.checked(() =>
		api.checkAnswer(
			{ file: { size: head.length, start: head.subarray(0, 5).toString('latin1') } },
			pdfFile,
			i,
		),
	);
	const fileName = `${params.documentId}.pdf`;
	return [
		await file.toItem(
			this,
			i,
			params.binaryPropertyName,
			{ fileName, mimeType: 'application/pdf' },
			(stored) => ({
				document_id: params.documentId,
				file_name: fileName,
				size_bytes: stored.bytes(),
			}),
		),
	];
};
