import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { alphabetical, oneOf } from '../../../shared/schemas';
import { collectPages, readPaging, returnAllOrLimit } from '../../../shared/pagination';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { listAnswer } from '../answers';

/** Leegality's largest page; a bigger `max` is silently turned into 20. */
const PAGE_SIZE = 40;

/** Leegality's document states, in their order (the list filter's values are unconfirmed). */
const statusOptions: INodePropertyOptions[] = [
	{ name: 'Draft', value: 'DRAFT' },
	{ name: 'Sent', value: 'SENT' },
	{ name: 'Completed', value: 'COMPLETED' },
];

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
				options: alphabetical(statusOptions),
				default: 'SENT',
			},
		],
	},
];

export const description = forOperation('signRequest', 'getMany', properties);

const schema = z.object({
	q: z.string().trim().default(''),
	// The status values the list accepts are not published; the document statuses are used (unconfirmed).
	status: oneOf(statusOptions).optional(),
});

export const execute: OperationExecute = async function (i, api) {
	const paging = readPaging(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const params = checkParameters(this, i, properties, schema, {
		q: filters.q ?? '',
		status: filters.status,
	});
	const documents = await collectPages<IDataObject, number>(async (offset = 0, wanted) => {
		const max = Math.min(PAGE_SIZE, wanted);
		const items = await api.requestChecked(
			{
				method: 'GET',
				path: '/v3.0/sign/request/list',
				qs: {
					max,
					offset,
					...(params.q ? { q: params.q } : {}),
					...(params.status ? { status: params.status } : {}),
				},
			},
			listAnswer,
			i,
		);
		return { items, next: items.length === max ? offset + items.length : undefined };
	}, paging.limit);
	return toItems(documents, i);
};
