import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { intAtLeast } from './schemas';
import { checkParameters } from './validation';

/** The "Return All" / "Limit" pair n8n users expect on every list operation. */
export function returnAllOrLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

export interface PageResult<T, C> {
	items: T[];
	/** Where the next page starts; undefined when this was the last page. */
	next?: C;
}

const paging = z.object({
	returnAll: z.boolean({ invalid_type_error: 'Must be true or false.' }),
	limit: intAtLeast(1).optional(),
});

/** Reads and checks returnAll/limit of item `i`; with Return All the limit is Infinity. */
export function readPaging(
	ctx: IExecuteFunctions,
	i: number,
): { returnAll: boolean; limit: number } {
	const returnAll = ctx.getNodeParameter('returnAll', i, false);
	const input =
		returnAll === true ? { returnAll } : { returnAll, limit: ctx.getNodeParameter('limit', i, 50) };
	const params = checkParameters(ctx, i, returnAllOrLimit(), paging, input);
	return { returnAll: params.returnAll, limit: params.returnAll ? Infinity : (params.limit ?? 50) };
}

/**
 * Walks pages until the vendor has no next page or `limit` items are collected. `fetchPage` gets
 * the cursor (undefined first) and how many items are still wanted, so it can ask for no more.
 */
export async function collectPages<T = IDataObject, C = string>(
	fetchPage: (cursor: C | undefined, wanted: number) => Promise<PageResult<T, C>>,
	limit: number,
	maxPages = 10_000,
): Promise<T[]> {
	const all: T[] = [];
	let cursor: C | undefined;
	for (let page = 0; page < maxPages && all.length < limit; page++) {
		const { items, next } = await fetchPage(cursor, limit - all.length);
		all.push(...items);
		if (next === undefined || items.length === 0) break;
		cursor = next;
	}
	return all.slice(0, limit);
}
