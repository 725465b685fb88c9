import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { entryName } from '../../shared/listSearch';
import { ApiClient } from '../../shared/transport/client';
import { listAnswer } from '../actions/answers';
import { LEEGALITY } from '../transport';

/** Leegality's largest page. */
const PAGE_SIZE = 40;

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
	const api = new ApiClient(this, LEEGALITY);
	const q = filter?.trim();
	const documents = await api.requestChecked(
		{
			method: 'GET',
			path: '/v3.0/sign/request/list',
			qs: {
				max: PAGE_SIZE,
				offset,
				...(q ? { q } : {}),
			},
		},
		listAnswer,
	);
	return {
		results: documents.map((d) => ({
			name: entryName(d.name ?? d.documentId, d.irn, d.status),
			value: String(d.documentId),
		})),
		paginationToken: documents.length === PAGE_SIZE ? String(offset + documents.length) : undefined,
	};
}
