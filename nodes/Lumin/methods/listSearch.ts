import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesFilter } from '../../shared/listSearch';
import { ApiClient } from '../../shared/transport/client';
import { LUMIN } from '../transport';
import { templatePage } from '../transport/templates';
import { templateOption } from './loadOptions';

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
	const { templates, more } = await templatePage(new ApiClient(this, LUMIN), page);
	return {
		results: templates
			.filter((t) => matchesFilter(filter, t.name, t.title, t.id))
			.map(templateOption),
		paginationToken: more ? String(page + 1) : undefined,
	};
}
