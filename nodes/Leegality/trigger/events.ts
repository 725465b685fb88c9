import type { INodePropertyOptions } from 'n8n-workflow';

/** The two calls Leegality makes, told apart by the body's webhookType. */
export const LEEGALITY_WEBHOOK_TYPES: INodePropertyOptions[] = [
	{
		name: 'Success',
		value: 'Success',
		description: 'An invitee signed (or an approver approved)',
	},
	{
		name: 'Error',
		value: 'Error',
		description: 'An invitee rejected, or their certificate verification failed',
	},
];
