import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nowSeconds } from '../shared/deliveries';
import {
	dashboardRegisteredWebhook,
	emitOnce,
	ignoreWebhook,
	rawBody,
	registrationNotice,
	rejectWebhook,
} from '../shared/webhook';
import { LUMIN } from './transport';
import { LUMIN_EVENTS } from './trigger/events';
import { REMEMBER_SECONDS, repeatKeys } from './trigger/repeats';
import { signatureMatches } from './trigger/signature';

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
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
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
		const credentials = await this.getCredentials(LUMIN.credentialType);
		if (!signatureMatches(this, String(credentials.apiKey))) {
			return rejectWebhook(this, 401, 'Invalid or missing X-Signature');
		}

		const body = this.getBodyData() as IDataObject & {
			event?: { event_type?: string; event_time?: number };
		};
		const eventType = body.event?.event_type;
		const options = this.getNodeParameter('options', {}) as { maxAgeMinutes?: number };
		// Lumin documents no timestamp header; event.event_time (ms) is the only freshness signal (unconfirmed).
		if (options.maxAgeMinutes && typeof body.event?.event_time === 'number') {
			if (Date.now() - body.event.event_time > options.maxAgeMinutes * 60_000) {
				return rejectWebhook(this, 401, 'Event is older than the allowed age');
			}
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (!eventType || !events.includes(eventType))
			return ignoreWebhook(`event ${eventType ?? 'without type'} not selected`);
		return emitOnce(this, body, {
			keys: repeatKeys(body, rawBody(this)),
			rememberUntil: nowSeconds() + REMEMBER_SECONDS,
		});
	}
}
