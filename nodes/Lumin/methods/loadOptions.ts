import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { collectPages } from '../../shared/pagination';
import { ApiClient } from '../../shared/transport/request';
import { templatePageAnswer } from '../actions/answers';
import { LUMIN } from '../transport';

interface Template {
	id: string;
	name?: string;
	title?: string;
}

const PAGE_SIZE = 50;
const MAX_PAGES = 20;

/** Templates of the account for the Send From Template dropdown, every page of them. */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = new ApiClient(this, LUMIN);
	let seen = 0;
	const templates = await collectPages<Template, number>(
		async (page = 1) => {
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
			const items = answer.data;
			seen += items.length;
			const more = items.length === PAGE_SIZE && seen < answer.total_count;
			return { items, next: more ? page + 1 : undefined };
		},
		Infinity,
		MAX_PAGES,
	);
	return templates
		.map((t) => ({ name: t.name ?? t.title ?? t.id, value: t.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
