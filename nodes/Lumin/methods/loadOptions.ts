import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { collectPages } from '../../shared/pagination';
import { ApiClient } from '../../shared/transport/client';
import { LUMIN } from '../transport';
import { type Template, templatePage } from '../transport/templates';

const MAX_PAGES = 20;

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
