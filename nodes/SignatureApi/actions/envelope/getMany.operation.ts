import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { alphabetical, optionValues } from '../../../shared/schemas';
import { collectPages, readPaging, returnAllOrLimit } from '../../../shared/pagination';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { envelopePageAnswer } from '../answers';

/** SignatureAPI returns at most 20 envelopes per page. */
const PAGE_SIZE = 20;

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
	status: z.enum(optionValues(statusOptions)).optional(),
	topic: z.string().trim().optional(),
});

/**
 * links.next is an opaque absolute URL. The client takes paths below the credential's base URL,
 * so the part after the base path is kept, query included (the cursor stays as SignatureAPI wrote it).
 */
export function pathBelowBase(next: string, baseUrl: string): { path: string; qs: IDataObject } {
	const url = new URL(next, `${baseUrl}/`);
	const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
	const path =
		basePath && url.pathname.startsWith(`${basePath}/`)
			? url.pathname.slice(basePath.length)
			: url.pathname.replace(/^\/v1(?=\/)/, '');
	return { path, qs: Object.fromEntries(url.searchParams) };
}

export const execute: OperationExecute = async function (i, api) {
	const { limit } = readPaging(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const params = checkParameters(this, i, properties, schema, {
		status: filters.status,
		topic: filters.topic || undefined,
	});
	const baseUrl = await api.baseUrl();
	const envelopes = await collectPages<IDataObject, { path: string; qs: IDataObject }>(
		async (cursor, wanted) => {
			const request = cursor ?? {
				path: '/envelopes',
				qs: {
					limit: Math.min(PAGE_SIZE, wanted),
					...(params.status ? { status: params.status } : {}),
					...(params.topic ? { topic: params.topic } : {}),
				},
			};
			// A page without its data list or its next link is an error, not an empty or last page.
			const page = await api.requestChecked({ method: 'GET', ...request }, envelopePageAnswer, i);
			const next = page.links.next;
			return {
				items: page.data as IDataObject[],
				next: next ? pathBelowBase(next, baseUrl) : undefined,
			};
		},
		limit,
	);
	return toItems(envelopes, i);
};
