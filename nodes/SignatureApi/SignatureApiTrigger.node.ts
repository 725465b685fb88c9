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
	registrationNotice,
	rejectWebhook,
} from '../shared/webhook';
import { SIGNATUREAPI } from './transport';
import { eventsField } from './trigger/events';
import { rememberUntil, repeatKeys } from './trigger/repeats';
import { verifySignature } from './trigger/signature';

export class SignatureApiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignatureAPI Trigger',
		name: 'signatureApiTrigger',
		icon: {
			light: 'file:../../icons/signatureapi.svg',
			dark: 'file:../../icons/signatureapi.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when SignatureAPI reports an envelope, recipient or deliverable event',
		defaults: { name: 'SignatureAPI Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signatureApiApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			registrationNotice(
				'the SignatureAPI Dashboard → Settings → Webhooks as a new endpoint, choosing its events there too. Then copy the endpoint’s signing secret (whsec_…) into the credential’s Webhook Signing Secret. Test and live mode have separate endpoints',
			),
			eventsField(
				'Which events start the workflow; others are acknowledged and ignored. To fetch the signed PDF, use Deliverable Generated: Envelope Completed can arrive before the file exists.',
			),
		],
	};

	webhookMethods = dashboardRegisteredWebhook;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials(SIGNATUREAPI.credentialType);
		const secret = typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
		if (!secret)
			return rejectWebhook(
				this,
				401,
				'No webhook signing secret is set in the SignatureAPI credential',
			);
		const check = verifySignature(this, secret);
		if (!check.valid) return rejectWebhook(this, 401, check.reason);

		const event = this.getBodyData() as IDataObject & { type?: string };
		const events = this.getNodeParameter('events', []) as string[];
		if (!event.type || !events.includes(event.type))
			return ignoreWebhook(`event ${event.type ?? 'without type'} not selected`);

		const eventId = typeof event.id === 'string' && event.id ? event.id : undefined;
		return emitOnce(
			this,
			{ ...event, webhook_id: check.id },
			{
				keys: repeatKeys(check.id, eventId),
				rememberUntil: rememberUntil(check.timestamp, nowSeconds()),
				what: `event ${eventId ?? check.id}`,
			},
		);
	}
}
