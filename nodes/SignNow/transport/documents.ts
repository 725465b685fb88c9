import type { IDataObject } from 'n8n-workflow';

import { fileStart } from '../../shared/pdf';
import type { ApiClient } from '../../shared/transport/client';
import { IncomingFile } from '../../shared/transport/incomingFile';
import {
	deletedAnswer,
	documentAnswer,
	documentListAnswer,
	historyAnswer,
	pdfFile,
	type SignNowDocument,
	uploadedAnswer,
	uploadedFromUrlAnswer,
	zipFile,
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
 * What Document → Download fetches: the PDF with signatures and fields flattened into the pages
 * ("collapsed"), the same with signNow's history report appended (with_history=1), or signNow's
 * ZIP archive (type=zip; what signNow packs into it besides the document is unconfirmed).
 */
export type DownloadKind = 'collapsed' | 'withHistory' | 'zip';

const DOWNLOAD_QUERY: Record<DownloadKind, IDataObject> = {
	collapsed: { type: 'collapsed' },
	withHistory: { type: 'collapsed', with_history: 1 },
	zip: { type: 'zip' },
};

/** The document as a file of `kind`, checked to be a PDF (or a ZIP) before anything is stored. */
export async function downloadDocument(
	api: ApiClient,
	id: string,
	itemIndex: number,
	kind: DownloadKind = 'collapsed',
): Promise<IncomingFile> {
	const answer = await api.requestFull<Buffer>(
		{
			method: 'GET',
			path: `${documentPath(id)}/download`,
			qs: DOWNLOAD_QUERY[kind],
			headers: { Accept: kind === 'zip' ? 'application/zip' : 'application/pdf' },
			expect: 'stream',
		},
		itemIndex,
	);
	const file = await IncomingFile.from(answer.body);
	const { head } = file;
	const start = kind === 'zip' ? head.subarray(0, 4).toString('latin1') : fileStart(head);
	await file.checked(() =>
		api.checkAnswer(
			{ file: { size: head.length, start } },
			kind === 'zip' ? zipFile : pdfFile,
			itemIndex,
		),
	);
	return file;
}

/** The document's history: every event signNow recorded on it, oldest first as signNow lists them. */
export async function documentHistory(api: ApiClient, id: string, itemIndex: number) {
	return await api.requestChecked(
		{ method: 'GET', path: `${documentPath(id)}/historyfull` },
		historyAnswer,
		itemIndex,
	);
}
