import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { collectPages } from '../../shared/pagination';
import { ApiClient } from '../../shared/transport/client';
import { templatePageAnswer } from '../actions/answers';
import { LUMIN } from '../transport';

interface Template {
	id: string;
	name?: string;
	title?: string;
}

/** Lumin's largest page of templates. */
export const TEMPLATE_PAGE_SIZE = 50;
const MAX_PAGES = 20;

/** One page of the account's templates (1-based), and whether Lumin has more after it. */
export async function templatePage(
	api: ApiClient,
	page: number,
): Promise<{ templates: Template[]; more: boolean }> {
	const answer = await api.requestChecked(
		{
			method: 'GET',
			path: '/templates',
			qs: { page, limit: TEMPLATE_PAGE_SIZE },
			// The templates endpoint only answers with this version header.
			headers: { 'X-Lumin-API-Version': '1.1' },
		},
		templatePageAnswer,
	);
	const templates = answer.data;
	const more =
		templates.length === TEMPLATE_PAGE_SIZE && page * TEMPLATE_PAGE_SIZE < answer.total_count;
	return { templates, more };
}

/** How a template is named in a dropdown or list. */
export const templateOption = (t: Template) => ({ name: t.name ?? t.title ?? t.id, value: t.id });

/** Templates of the account for the Send From Template dropdown (node version 1), every page of them. */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = new ApiClient(this, LUMIN);
	const templates = await collectPages<Template, number>(
		async (page = 1) => {
			const { templates: items, more } = await templatePage(api, page);
			return { items, next: more ? page + 1 : undefined };
		},
		Infinity,
		MAX_PAGES,
	);
	return templates.map(templateOption).sort((a, b) => a.name.localeCompare(b.name));
}
