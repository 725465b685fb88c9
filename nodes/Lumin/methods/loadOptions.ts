import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ApiClient } from '../../shared/transport/request';
import { LUMIN } from '../transport';

interface TemplatePage {
	page: number;
	limit: number;
	total_count: number;
	data: Array<{ id: string; name?: string; title?: string }>;
}

const PAGE_SIZE = 50;
const MAX_PAGES = 20;

/** Templates of the account for the Send From Template dropdown, every page of them. */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = new ApiClient(this, LUMIN);
	const options: INodePropertyOptions[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const answer = await api.request<TemplatePage>({
			method: 'GET',
			path: '/templates',
			qs: { page, limit: PAGE_SIZE },
			// The templates endpoint only answers with this version header.
			headers: { 'X-Lumin-API-Version': '1.1' },
		});
		for (const template of answer.data ?? []) {
			options.push({ name: template.name ?? template.title ?? template.id, value: template.id });
		}
		if ((answer.data ?? []).length < PAGE_SIZE || options.length >= answer.total_count) break;
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
