import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { entryName, matchesFilter } from '../../shared/listSearch';
import { ApiClient } from '../../shared/transport/client';
import { SIGNATUREAPI } from '../transport';
import { cursorOf, envelopePage } from '../transport/envelopes';

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
	const page = await envelopePage(new ApiClient(this, SIGNATUREAPI), {
		cursor: paginationToken || undefined,
	});
	return {
		results: page.envelopes
			.filter((e) => matchesFilter(filter, e.title, e.label, e.status, e.id))
			.map((e) => ({
				name: entryName(e.title ?? e.id, e.label, e.status),
				value: String(e.id),
			})),
		paginationToken: page.next ? cursorOf(page.next) : undefined,
	};
}
