import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { alphabetical, oneOf } from '../../../shared/schemas';
import { collectPages, readPaging, returnAllOrLimit } from '../../../shared/pagination';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { DOCUMENT_PAGE_SIZE, documentPage } from '../../transport/signRequests';

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
		const max = Math.min(DOCUMENT_PAGE_SIZE, wanted);
		const page = await documentPage(api, { offset, max, ...params }, i);
		return { items: page.documents, next: page.next };
	}, paging.limit);
	return toItems(documents, i);
};
