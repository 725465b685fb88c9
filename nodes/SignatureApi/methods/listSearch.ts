import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { entryName, matchesFilter } from '../../shared/listSearch';
import { ApiClient } from '../../shared/transport/client';
import { envelopePageAnswer } from '../actions/answers';
import { SIGNATUREAPI } from '../transport';

/** SignatureAPI's largest page. */
const PAGE_SIZE = 20;

/**
 * The account's envelopes for the Envelope picker, newest first, one SignatureAPI page at a time.
 * SignatureAPI has no text search, so the search box filters each page by title, label, status
 * and ID; the page token is SignatureAPI's own cursor from links.next.
 */
export async function searchEnvelopes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = new ApiClient(this, SIGNATUREAPI);
	const page = await api.requestChecked(
		{
			method: 'GET',
			path: '/envelopes',
			qs: { limit: PAGE_SIZE, ...(paginationToken ? { cursor: paginationToken } : {}) },
		},
		envelopePageAnswer,
	);
	const envelopes = page.data as IDataObject[];
	const next = page.links.next
		? (new URL(page.links.next, 'https://cursor.invalid/').searchParams.get('cursor') ?? undefined)
		: undefined;
	return {
		results: envelopes
			.filter((e) => matchesFilter(filter, e.title, e.label, e.status, e.id))
			.map((e) => ({
				name: entryName(e.title ?? e.id, e.label, e.status),
				value: String(e.id),
			})),
		paginationToken: next,
	};
}
