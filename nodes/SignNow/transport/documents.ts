import { fileStart } from '../../shared/pdf';
import type { ApiClient } from '../../shared/transport/client';
import { IncomingFile } from '../../shared/transport/incomingFile';
import {
	deletedAnswer,
	documentAnswer,
	documentListAnswer,
	pdfFile,
	type PolledDocument,
	polledDocument,
	polledDocumentList,
	type SignNowDocument,
	uploadedAnswer,
	uploadedFromUrlAnswer,
} from './answers';

/** signNow's calls on documents: reading, listing, uploading, downloading and deleting them. */

const documentPath = (id: string) => `/document/${encodeURIComponent(id)}`;

const ifUploadUnknown = {
	happened: 'the document was uploaded',
	advice: 'Look for it in signNow (Documents) before uploading again, or it is there twice.',
};

/** The one read of a document: its roles and invites, which every operation on it relies on. */
export async function readDocument(
	api: ApiClient,
	id: string,
	itemIndex?: number,
): Promise<SignNowDocument> {
	return await api.requestChecked(
		{ method: 'GET', path: documentPath(id) },
		documentAnswer,
		itemIndex,
	);
}

/** The signed-in user's documents, as one list. */
export async function listDocuments(api: ApiClient) {
	return await api.requestChecked({ method: 'GET', path: '/user/documentsv2' }, documentListAnswer);
}

/** The user's documents, each checked to carry what the polling trigger reads: times and invites. */
export async function listDocumentsWithInvites(api: ApiClient): Promise<PolledDocument[]> {
	return await api.checkAnswer(await listDocuments(api), polledDocumentList);
}

/** One document, checked to carry what the polling trigger reads (see polledDocument). */
export async function readDocumentWithInvites(api: ApiClient, id: string): Promise<PolledDocument> {
	return await api.checkAnswer(await readDocument(api, id), polledDocument);
}

/** Uploads a file (multipart `form`); the answer is the new document's ID. */
export async function uploadDocument(api: ApiClient, form: FormData, itemIndex: number) {
	return await api.requestChecked(
		{ method: 'POST', path: '/document', body: form, ifUnknown: ifUploadUnknown },
		uploadedAnswer,
		itemIndex,
	);
}

/**
 * Has signNow fetch a PDF from a public URL. POST /v2/documents/url and its {url, check_fields}
 * body come from signNow's own MCP client, not from a reference page; the answer's id key is read
 * both ways (unconfirmed).
 */
export async function uploadDocumentFromUrl(
	api: ApiClient,
	url: string,
	checkFields: boolean,
	itemIndex: number,
): Promise<string> {
	const answer = await api.requestChecked(
		{
			method: 'POST',
			path: '/v2/documents/url',
			body: { url, check_fields: checkFields },
			ifUnknown: ifUploadUnknown,
		},
		uploadedFromUrlAnswer,
		itemIndex,
	);
	return answer.id ?? answer.document_id!;
}

/**
 * Deletes a document. The {"status": "success"} answer is signNow's usual one for deletions; for
 * this endpoint it is not in the reference material (unconfirmed).
 */
export async function deleteDocument(api: ApiClient, id: string, itemIndex: number) {
	const path = documentPath(id);
	return await api.requestChecked(
		{
			method: 'DELETE',
			path,
			ifUnknown: {
				happened: 'the document was deleted',
				advice: 'Check with Document → Get: a deleted document is not found.',
				settle: async () =>
					(await api.requestUnlessNotFound({ method: 'GET', path }, itemIndex)) === undefined
						? { status: 'success' }
						: undefined,
			},
		},
		deletedAnswer,
		itemIndex,
	);
}

/**
 * The document as a PDF, signatures and fields flattened into the pages ("collapsed"), checked to
 * be a PDF before anything is stored.
 */
export async function downloadDocument(
	api: ApiClient,
	id: string,
	itemIndex: number,
): Promise<IncomingFile> {
	const answer = await api.requestFull<Buffer>(
		{
			method: 'GET',
			path: `${documentPath(id)}/download`,
			qs: { type: 'collapsed' },
			headers: { Accept: 'application/pdf' },
			expect: 'stream',
		},
		itemIndex,
	);
	const file = await IncomingFile.from(answer.body);
	const { head } = file;
	await file.checked(() =>
		api.checkAnswer({ file: { size: head.length, start: fileStart(head) } }, pdfFile, itemIndex),
	);
	return file;
}
