import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import { IncomingFile } from '../../shared/transport/incomingFile';
import {
	createAnswer,
	detailsAnswer,
	dispositionFileName,
	fileAnswer,
	fileSummary,
	listAnswer,
	otherFileAnswer,
	reportedMessages,
} from './answers';

/** Leegality's calls on sign requests: creating, reading, listing, downloading and deleting them. */

/**
 * Sends a PDF to its invitees through a published workflow, once. Leegality takes no idempotency
 * key and the IRN is not unique, so no read can tell whether a lost request created a document:
 * the outcome is reported as unknown.
 */
export async function createSignRequest(api: ApiClient, body: IDataObject, itemIndex: number) {
	return await api.requestChecked(
		{
			method: 'POST',
			path: '/v3.0/sign/request',
			body,
			ifUnknown: {
				happened: 'the sign request was created and sent',
				advice:
					'Look for it with Sign Request → Get Many (search by its IRN or document name) before sending again, or the invitees get it twice.',
			},
		},
		createAnswer,
		itemIndex,
	);
}

/** The document's details, with its status. */
export async function getSignRequest(api: ApiClient, documentId: string, itemIndex: number) {
	return await api.requestChecked(
		{ method: 'GET', path: '/v3.3/document/details', qs: { documentId } },
		detailsAnswer,
		itemIndex,
	);
}

/** Leegality's largest page; a bigger `max` is silently turned into 20. */
export const DOCUMENT_PAGE_SIZE = 40;

/**
 * One page of the account's documents, `max` (at most DOCUMENT_PAGE_SIZE) from `offset`, found by
 * Leegality's own search `q` (a whole name, document ID or IRN) and `status`; `next` is the offset
 * of the next page, undefined after a page that was not full.
 */
export async function documentPage(
	api: ApiClient,
	page: { offset: number; max?: number; q?: string; status?: string },
	itemIndex?: number,
): Promise<{ documents: IDataObject[]; next?: number }> {
	const max = page.max ?? DOCUMENT_PAGE_SIZE;
	const documents = await api.requestChecked(
		{
			method: 'GET',
			path: '/v3.0/sign/request/list',
			qs: {
				max,
				offset: page.offset,
				...(page.q ? { q: page.q } : {}),
				// The status values the list accepts are not published; the document statuses are used (unconfirmed).
				...(page.status ? { status: page.status } : {}),
			},
		},
		listAnswer,
		itemIndex,
	);
	return {
		documents,
		next: documents.length === max ? page.offset + documents.length : undefined,
	};
}

/** Which of a document's files to fetch: one of Leegality's download types, and what picks it. */
export interface FileWanted {
	type: 'DOCUMENT' | 'AUDIT_TRAIL' | 'ATTACHMENT' | 'SUPPORTING_DOCUMENT';
	/** ATTACHMENT: the sender's attachment by its position (first is 0, unconfirmed). */
	index?: number;
	/** SUPPORTING_DOCUMENT: an invitee's upload, by the URL Leegality lists it under. */
	supportDocumentUrl?: string;
}

/** A fetched file, with the type and name Leegality sent it under (attachments can be any type). */
export interface FetchedFile {
	file: IncomingFile;
	contentType: string;
	fileName?: string;
}

/**
 * A file of the document. v3.1 answers with the file itself, but with Leegality's JSON envelope
 * when it has none to give: a failure envelope already failed the request in the shared client.
 * The document and its audit trail must be PDFs; attachments and supporting documents are what
 * was uploaded, so they only must not be an envelope or empty.
 */
export async function downloadFile(
	api: ApiClient,
	documentId: string,
	wanted: FileWanted,
	itemIndex: number,
): Promise<FetchedFile> {
	const answer = await api.requestFull<Buffer>(
		{
			method: 'GET',
			path: '/v3.1/document/fetchDocument',
			qs: {
				documentId,
				documentDownloadType: wanted.type,
				...(wanted.index !== undefined ? { index: wanted.index } : {}),
				...(wanted.supportDocumentUrl ? { supportDocumentUrl: wanted.supportDocumentUrl } : {}),
			},
			headers: { Accept: 'application/pdf, application/json, */*' },
			expect: 'stream',
		},
		itemIndex,
	);
	const file = await IncomingFile.from(answer.body);
	const contentType = String(answer.headers['content-type'] ?? '');
	const fileName = dispositionFileName(answer.headers['content-disposition']);
	if (wanted.type === 'ATTACHMENT' || wanted.type === 'SUPPORTING_DOCUMENT') {
		const summary = { contentType, sizeBytes: file.head.length };
		// JSON is small: read whole, so the error shows what Leegality said.
		if (contentType.includes('json'))
			await api.checkAnswer(
				{ ...summary, answer: (await file.whole()).subarray(0, 300).toString('utf8') },
				otherFileAnswer,
				itemIndex,
			);
		await file.checked(() => api.checkAnswer(summary, otherFileAnswer, itemIndex));
		return { file, contentType, fileName };
	}
	// Not the file: small, read whole to describe it.
	const head = fileSummary(file.head, contentType);
	if (head.answer !== undefined)
		await api.checkAnswer(fileSummary(await file.whole(), contentType), fileAnswer, itemIndex);
	await file.checked(() => api.checkAnswer(head, fileAnswer, itemIndex));
	return { file, contentType: 'application/pdf', fileName };
}

/** Deletes the whole document, for good; the answer's messages are Leegality's words on it. */
export async function deleteSignRequest(api: ApiClient, documentId: string, itemIndex: number) {
	const answer = await api.request<unknown>(
		{
			method: 'DELETE',
			path: '/v3.0/sign/request',
			qs: { documentId },
			ifUnknown: {
				happened: 'the document was deleted',
				advice: 'Check with Sign Request → Get before deleting again.',
			},
		},
		itemIndex,
	);
	return reportedMessages(answer);
}

/** Withdraws one invitee's invitation (by its sign URL or the UUID at its end), if it is not signed yet. */
export async function deleteInvitation(api: ApiClient, signUrl: string, itemIndex: number) {
	const answer = await api.request<unknown>(
		{
			method: 'DELETE',
			path: '/v3.0/sign/request/invitation',
			qs: { signUrl },
			ifUnknown: {
				happened: 'the invitation was deleted',
				advice: 'Check the document’s invitations with Sign Request → Get before deleting again.',
			},
		},
		itemIndex,
	);
	return reportedMessages(answer);
}
