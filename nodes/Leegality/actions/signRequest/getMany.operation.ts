import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { collectPages, readPaging, returnAllOrLimit } from '../../../shared/pagination';
import { toItems } from '../../../shared/router';
import type { ApiClient } from '../../../shared/transport/request';
import { validateParameters } from '../../../shared/validation';
import { listAnswer } from '../answers';

/** Leegality's largest page; a bigger `max` is silently turned into 20. */
const PAGE_SIZE = 40;

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Search',
				name: 'q',
				type: 'string',
				default: '',
				description:
					'A document name, document ID or IRN. Leegality matches the whole value, ignoring case, not a part of it.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Completed', value: 'COMPLETED' },
					{ name: 'Draft', value: 'DRAFT' },
					{ name: 'Sent', value: 'SENT' },
				],
				default: 'SENT',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['signRequest'], operation: ['getMany'] } }, properties);

const schema = z.object({
	limit: z.number().int('Must be a whole number of 1 or more.').min(1, 'Must be 1 or more.'),
	q: z.string().trim().default(''),
	// The status values the list accepts are not published; the document statuses are used (unconfirmed).
	status: z.enum(['DRAFT', 'SENT', 'COMPLETED']).optional(),
});

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const paging = readPaging(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const params = validateParameters(
		this.getNode(),
		schema,
		{ limit: paging.returnAll ? Number.MAX_SAFE_INTEGER : paging.limit, q: filters.q ?? '', status: filters.status },
		i,
		{ limit: 'Limit', q: 'Search', status: 'Status' },
	);
	const documents = await collectPages<IDataObject, number>(
		async (offset = 0, wanted) => {
			const max = Math.min(PAGE_SIZE, wanted);
			const items = await api.requestChecked(
				{
					method: 'GET',
					path: '/v3.0/sign/request/list',
					qs: { max, offset, ...(params.q ? { q: params.q } : {}), ...(params.status ? { status: params.status } : {}) },
				},
				listAnswer,
				i,
			);
			return { items, next: items.length === max ? offset + items.length : undefined };
		},
		paging.returnAll ? Infinity : params.limit,
	);
	return toItems(documents, i);
}
