import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { entryName } from '../../shared/listSearch';
import { ApiClient } from '../../shared/transport/client';
import { LEEGALITY } from '../transport';
import { documentPage } from '../transport/signRequests';

/**
 * The account's documents for the Document picker, 40 a page; the page token is the next offset.
 * What is typed goes to Leegality's own search, which finds a document by its whole name,
 * document ID or IRN (ignoring case), not by a part of it.
 */
export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const token = Number(paginationToken ?? 0);
	const offset = Number.isInteger(token) && token > 0 ? token : 0;
	const page = await documentPage(new ApiClient(this, LEEGALITY), {
		offset,
		q: filter?.trim(),
	});
	return {
		results: page.documents.map((d) => ({
			name: entryName(d.name ?? d.documentId, d.irn, d.status),
			value: String(d.documentId),
		})),
		paginationToken: page.next !== undefined ? String(page.next) : undefined,
	};
}
