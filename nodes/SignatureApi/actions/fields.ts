import type { INodeProperties } from 'n8n-workflow';

import { pathId } from '../../shared/schemas';

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

export const envelopeIdField: INodeProperties = {
	displayName: 'Envelope ID',
	name: 'envelopeId',
	type: 'string',
	required: true,
	default: '',
	description: 'ID of the envelope, as returned by Envelope → Create or List',
};

export const envelopeId = pathId('envelope ID');

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
