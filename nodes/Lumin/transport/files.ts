import { fileStart } from '../../shared/pdf';
import { type ApiClient, isJson } from '../../shared/transport/client';
import { decodeBody } from '../../shared/transport/failure';
import { IncomingFile } from '../../shared/transport/incomingFile';
import { fileLinkAnswer, pdfFile } from './answers';

/**
 * A signed file of a request (`fileType`: agreement, coc or merged), checked to be a PDF before
 * anything is stored. Lumin answers either {signed_url, expires_at} or the PDF itself, probably
 * depending on the Accept header (unconfirmed), so both are handled; `linkExpiresAt` (Unix
 * seconds) is the expiry of the signed URL, which is valid for 30 minutes, when one was used.
 */
export async function downloadFile(
	api: ApiClient,
	id: string,
	fileType: string,
	itemIndex: number,
): Promise<{ file: IncomingFile; linkExpiresAt?: number }> {
	const answer = await api.requestFull<Buffer>(
		{
			method: 'GET',
			path: `/signature_request/${encodeURIComponent(id)}/file`,
			qs: { type: fileType },
			headers: { Accept: 'application/json, application/pdf' },
			expect: 'stream',
		},
		itemIndex,
	);
	let file = await IncomingFile.from(answer.body);
	let linkExpiresAt: number | undefined;
	if (isJson(answer.headers)) {
		// A JSON answer arrives whole (see the shared client); what is not JSON stays text, which the check names.
		const link = await api.checkAnswer(decodeBody(file.head), fileLinkAnswer, itemIndex);
		linkExpiresAt = link.expires_at;
		file = (await api.downloadSigned(link.signed_url, itemIndex)).file;
	}
	// The file is named and typed as a PDF: anything else (an empty body, a proxy's HTML page) is no download.
	const { head } = file;
	await file.checked(() => api.checkAnswer({ file: fileStart(head) }, pdfFile, itemIndex));
	return { file, linkExpiresAt };
}
