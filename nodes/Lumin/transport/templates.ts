import type { ApiClient } from '../../shared/transport/client';
import { templatePageAnswer } from './answers';

export interface Template {
	id: string;
	name?: string;
	title?: string;
}

/** Lumin's largest page of templates. */
export const TEMPLATE_PAGE_SIZE = 50;

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
