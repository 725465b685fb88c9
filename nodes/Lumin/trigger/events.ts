import type { INodePropertyOptions } from 'n8n-workflow';

/** Signature request events Lumin sends to the workspace's callback URL. */
export const LUMIN_EVENTS: INodePropertyOptions[] = [
	{ name: 'Approved (All Signed)', value: 'signature_request_approved' },
	{ name: 'Cancel Failed', value: 'signature_request_cancel_failed' },
	{ name: 'Canceled', value: 'signature_request_canceled' },
	{ name: 'Created', value: 'signature_request_created' },
	{ name: 'Declined', value: 'signature_request_declined' },
	{ name: 'Downloadable (Signed PDF Ready)', value: 'signature_request_downloadable' },
	{ name: 'Due Date Updated', value: 'signature_request_due_date_updated' },
	{ name: 'Invalid', value: 'signature_request_invalid' },
	{ name: 'Signed (One Signer)', value: 'signature_request_signed' },
	{ name: 'Viewed', value: 'signature_request_viewed' },
];
