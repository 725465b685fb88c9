import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute } from '../../../shared/router';
import { outputBinaryField } from '../../../shared/binary';
import { IncomingFile } from '../../../shared/transport/incomingFile';
import { oneOf } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { fileLinkAnswer, pdfFile } from '../answers';
import { signatureRequestId, signatureRequestIdField } from '../fields';

const fileTypeOptions: INodePropertyOptions[] = [
	{ name: 'Agreement', value: 'agreement', description: 'The signed document' },
	{
		name: 'Certificate of Completion',
		value: 'coc',
		description: 'The audit certificate; only once every signer has signed',
	},
	{
		name: 'Agreement and Certificate',
		value: 'merged',
		description: 'Both in one PDF; only once every signer has signed',
	},
];

const properties: INodeProperties[] = [
	signatureRequestIdField,
	{
		displayName: 'File',
		name: 'fileType',
		type: 'options',
		options: fileTypeOptions,
		default: 'agreement',
	},
	outputBinaryField,
];

export const description = forOperation('signatureRequest', 'download', properties);

const schema = z.object({
	signatureRequestId,
	fileType: oneOf(fileTypeOptions),
	binaryPropertyName: z.string().trim().min(1, 'Name the binary field, for example "data".'),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		signatureRequestId: this.getNodeParameter('signatureRequestId', i),
		fileType: this.getNodeParameter('fileType', i),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
	});
	// Lumin answers either {signed_url, expires_at} or the PDF itself, probably depending on the
	// Accept header (unconfirmed), so both are handled. The signed URL is valid for 30 minutes.
	const answer = await api.requestFull<Buffer>(
		{
			method: 'GET',
			path: `/signature_request/${encodeURIComponent(params.signatureRequestId)}/file`,
			qs: { type: params.fileType },
			headers: { Accept: 'application/json, application/pdf' },
			expect: 'stream',
		},
		i,
	);
	let pdf = await IncomingFile.from(answer.body);
	let linkExpiresAt: number | undefined;
	if (String(answer.headers['content-type'] ?? '').includes('json')) {
		// A JSON answer arrives whole (see the shared client).
		const link = await api.checkAnswer(parseJson(pdf.head), fileLinkAnswer, i);
		linkExpiresAt = link.expires_at;
		pdf = (await api.downloadSigned(link.signed_url, i)).file;
	}
	// The file is named and typed as a PDF: anything else (an empty body, a proxy's HTML page) is no download.
	const { head } = pdf;
	await pdf.checked(() =>
		api.checkAnswer({ file: head.subarray(0, 5).toString('latin1') }, pdfFile, i),
	);
	const fileName = `${params.signatureRequestId}-${params.fileType}.pdf`;
	return [
		await pdf.toItem(
			this,
			i,
			params.binaryPropertyName,
			{ fileName, mimeType: 'application/pdf' },
			(stored) => ({
				signature_request_id: params.signatureRequestId,
				file_type: params.fileType,
				file_name: fileName,
				size_bytes: stored.bytes(),
				...(linkExpiresAt
					? { signed_url_expires_at: new Date(linkExpiresAt * 1000).toISOString() }
					: {}),
			}),
		),
	];
};

/** The JSON answer as text; what is not JSON is left as text, which the answer check then names. */
function parseJson(data: Buffer): unknown {
	const text = data.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
