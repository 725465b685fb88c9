import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { alphabetical, oneOf } from '../../../shared/schemas';
import { collectPages, readPaging, returnAllOrLimit } from '../../../shared/pagination';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { ENVELOPE_PAGE_SIZE, envelopePage } from '../../transport/envelopes';

/** An envelope's states, in the order it goes through them. */
const statusOptions: INodePropertyOptions[] = [
	{ name: 'Processing', value: 'processing' },
	{ name: 'In Progress', value: 'in_progress' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Canceled', value: 'canceled' },
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
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: alphabetical(statusOptions),
				default: 'in_progress',
			},
			{
				displayName: 'Topic',
				name: 'topic',
				type: 'string',
				default: '',
				description: 'Only envelopes tagged with this topic',
			},
		],
	},
];

export const description = forOperation('envelope', 'getMany', properties);

const schema = z.object({
	status: oneOf(statusOptions).optional(),
	topic: z.string().trim().optional(),
});

export const execute: OperationExecute = async function (i, api) {
	const { limit } = readPaging(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const params = checkParameters(this, i, properties, schema, {
		status: filters.status,
		topic: filters.topic || undefined,
	});
	const envelopes = await collectPages<IDataObject, string>(async (next, wanted) => {
		const page = await envelopePage(
			api,
			next ? { next } : { limit: Math.min(ENVELOPE_PAGE_SIZE, wanted), ...params },
			i,
		);
		return { items: page.envelopes, next: page.next };
	}, limit);
	return toItems(envelopes, i);
};
