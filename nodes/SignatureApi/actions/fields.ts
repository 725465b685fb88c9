import type { INodeProperties } from 'n8n-workflow';

export const recipientIdField: INodeProperties = {
	displayName: 'Recipient ID',
	name: 'recipientId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 're_…',
	description: 'ID of the recipient, starting with re_, as in the recipients of an envelope',
};

export const envelopeIdField: INodeProperties = {
	displayName: 'Envelope ID',
	name: 'envelopeId',
	type: 'string',
	required: true,
	default: '',
	description: 'ID of the envelope, as returned by Envelope → Create or List',
};

export const deliverableIdField: INodeProperties = {
	displayName: 'Deliverable ID',
	name: 'deliverableId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'del_…',
	description: 'ID of the deliverable, starting with del_, as in the deliverable.generated event',
};
