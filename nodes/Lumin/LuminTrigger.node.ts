import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { dashboardRegisteredWebhook, emitOnce, header, ignoreWebhook, rawBody, registrationNotice, rejectWebhook, verifyHmac } from '../shared/webhook';
import { nowSeconds } from '../shared/deliveries';
import { REMEMBER_SECONDS, repeatKeys } from './trigger/repeats';

export const LUMIN_EVENTS = [
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

export class LuminTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lumin Trigger',
		name: 'luminTrigger',
		icon: { light: 'file:../../icons/lumin.svg', dark: 'file:../../icons/lumin.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Lumin reports a signature request event',
		defaults: { name: 'Lumin Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'luminApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			registrationNotice(
				'Lumin under Settings → Developer settings → API Key tab → Account callback. Lumin sends every event of the workspace to that one URL; this node starts the workflow only for the events picked below',
			),
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: LUMIN_EVENTS,
				required: true,
				default: ['signature_request_approved'],
				description: 'Which events start the workflow; other events are acknowledged and ignored',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Event Age (Minutes)',
						name: 'maxAgeMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Reject events whose event_time is older than this, against replays. 0 accepts any age; Lumin retries failed deliveries for up to about 20 hours, so keep it above that or at 0.',
					},
				],
			},
		],
	};

	webhookMethods = dashboardRegisteredWebhook;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials('luminApi');
		// Lumin signs the JSON body with the workspace's Primary API key, hex HMAC-SHA256, in X-Signature.
		const valid = verifyHmac({
			algorithm: 'sha256',
			key: String(credentials.apiKey),
			payload: rawBody(this),
			encoding: 'hex',
			signature: header(this, 'x-signature'),
		});
		if (!valid) return rejectWebhook(this, 401, 'Invalid or missing X-Signature');

		const body = this.getBodyData() as IDataObject & { event?: { event_type?: string; event_time?: number } };
		const eventType = body.event?.event_type;
		const options = this.getNodeParameter('options', {}) as { maxAgeMinutes?: number };
		// Lumin documents no timestamp header; event.event_time (ms) is the only freshness signal (unconfirmed).
		if (options.maxAgeMinutes && typeof body.event?.event_time === 'number') {
			if (Date.now() - body.event.event_time > options.maxAgeMinutes * 60_000) {
				return rejectWebhook(this, 401, 'Event is older than the allowed age');
			}
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (!eventType || !events.includes(eventType)) return ignoreWebhook(`event ${eventType ?? 'without type'} not selected`);
		return emitOnce(this, body, {
			keys: repeatKeys(body, rawBody(this)),
			rememberUntil: nowSeconds() + REMEMBER_SECONDS,
		});
	}
}
