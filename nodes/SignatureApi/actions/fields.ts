import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locatorFields, locatorId } from '../../shared/locator';
import { forOperation, type OperationModule, toItems } from '../../shared/router';
import { pathId } from '../../shared/schemas';
import type { ApiClient } from '../../shared/transport/client';
import { checkParameters } from '../../shared/validation';

export const recipientIdField: INodeProperties = {
	displayName: 'Recipient ID',
	name: 'recipientId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 're_…',
	description: 'ID of the recipient, starting with re_, as in the recipients of an envelope',
};

/** Recipient IDs carry the re_ prefix; checked before the ID goes into a URL path. */
export const recipientId = pathId('recipient ID').refine(
	(v) => v.startsWith('re_'),
	'Recipient IDs start with re_, such as re_2c8f….',
);

/**
 * The envelope: picked from the account's envelopes (newest first), or by ID. SignatureAPI
 * publishes no envelope ID format and no dashboard URL for an envelope, so there is no ID check
 * beyond a path-safe value and no "By URL" mode.
 */
export const envelopeIdFields: INodeProperties[] = locatorFields(
	{
		displayName: 'Envelope',
		name: 'envelopeId',
		what: 'envelope',
		searchListMethod: 'searchEnvelopes',
		description:
			'The envelope, picked from the newest ones, or its ID as returned by Envelope → Create or Get Many',
	},
	{
		displayName: 'Envelope ID',
		name: 'envelopeId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of the envelope, as returned by Envelope → Create or List',
	},
);

export const envelopeId = locatorId('envelope');

export const deliverableIdField: INodeProperties = {
	displayName: 'Deliverable ID',
	name: 'deliverableId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'del_…',
	description: 'ID of the deliverable, starting with del_, as in the deliverable.generated event',
};

/** Deliverable IDs carry the del_ prefix. */
export const deliverableId = pathId('deliverable ID').refine(
	(v) => v.startsWith('del_'),
	'Deliverable IDs start with del_, such as del_8f2c….',
);

/** A Get operation: one ID field, checked, and the transport's `read` of it as the output item. */
export function getById(
	resource: string,
	fields: INodeProperties[],
	id: z.ZodTypeAny,
	read: (api: ApiClient, id: string, itemIndex: number) => Promise<unknown>,
): OperationModule {
	const name = fields[0].name;
	const schema = z.object({ [name]: id });
	return {
		description: forOperation(resource, 'get', fields),
		execute: async function (i, api) {
			const params = checkParameters(this, i, fields, schema, {
				[name]: this.getNodeParameter(name, i),
			});
			return toItems((await read(api, String(params[name]), i)) as IDataObject, i);
		},
	};
}
