import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Webhook event types the trigger can filter on. Confirmed by SignatureAPI's docs: the envelope
 * created/started/completed, recipient released/sent/accessed/viewed/completed/rejected/
 * soft_bounced/hard_bounced and deliverable generated/failed events. The names of the envelope
 * failed/canceled and recipient failed/replaced/resent events follow the same pattern
 * (unconfirmed; the full list is in the spec's webhooks section): adjust them here if they differ.
 */
export const SIGNATUREAPI_EVENTS: INodePropertyOptions[] = [
	{ name: 'Deliverable Failed', value: 'deliverable.failed' },
	{ name: 'Deliverable Generated (Signed PDF Ready)', value: 'deliverable.generated' },
	{ name: 'Envelope Canceled', value: 'envelope.canceled' },
	{ name: 'Envelope Completed', value: 'envelope.completed' },
	{ name: 'Envelope Created', value: 'envelope.created' },
	{ name: 'Envelope Failed', value: 'envelope.failed' },
	{ name: 'Envelope Started', value: 'envelope.started' },
	{ name: 'Recipient Accessed', value: 'recipient.accessed' },
	{ name: 'Recipient Completed', value: 'recipient.completed' },
	{ name: 'Recipient Failed', value: 'recipient.failed' },
	{ name: 'Recipient Hard Bounced', value: 'recipient.hard_bounced' },
	{ name: 'Recipient Rejected', value: 'recipient.rejected' },
	{ name: 'Recipient Released', value: 'recipient.released' },
	{ name: 'Recipient Replaced', value: 'recipient.replaced' },
	{ name: 'Recipient Resent', value: 'recipient.resent' },
	{ name: 'Recipient Sent', value: 'recipient.sent' },
	{ name: 'Recipient Soft Bounced', value: 'recipient.soft_bounced' },
	{ name: 'Recipient Viewed', value: 'recipient.viewed' },
];

/** The Events field of both triggers (webhook and polling): the same choices and default. */
export function eventsField(description: string): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: SIGNATUREAPI_EVENTS,
		required: true,
		default: ['deliverable.generated'],
		description,
	};
}
