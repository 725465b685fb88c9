import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesFilter } from '../../shared/listSearch';
import { ApiClient } from '../../shared/transport/request';
import { templatePageAnswer } from '../actions/answers';
import { LUMIN } from '../transport';

/** Lumin's largest page of templates. */
const PAGE_SIZE = 50;

/**
 * The account's templates for the Template picker, one Lumin page at a time (the page token is
 * the next page number). Lumin's template list has no search, so what is typed filters each page
 * by name and ID.
 */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const token = Number(paginationToken ?? 1);
	const page = Number.isInteger(token) && token > 1 ? token : 1;
	const api = new ApiClient(this, LUMIN);
	const answer = await api.requestChecked(
		{
			method: 'GET',
			path: '/templates',
			qs: { page, limit: PAGE_SIZE },
			// The templates endpoint only answers with this version header.
			headers: { 'X-Lumin-API-Version': '1.1' },
		},
		templatePageAnswer,
	);
	const more = answer.data.length === PAGE_SIZE && page * PAGE_SIZE < answer.total_count;
	return {
		results: answer.data
			.filter((t) => matchesFilter(filter, t.name, t.title, t.id))
			.map((t) => ({ name: t.name ?? t.title ?? t.id, value: t.id })),
		paginationToken: more ? String(page + 1) : undefined,
	};
}
