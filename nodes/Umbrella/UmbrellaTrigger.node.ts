import { randomBytes } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { redact } from '../shared/redact';
import { ApiClient } from '../shared/transport/request';
import { emitOnce, header, rawBody, rejectWebhook, safeEqual } from '../shared/webhook';
import { nowSeconds } from '../shared/deliveries';
import { REMEMBER_SECONDS, repeatKeys } from './trigger/repeats';
import { registerWebhook } from './actions/qesOnboarding/webhookRegistration';
import { UMBRELLA } from './transport';

/** The header Umbrella is asked to send back on every call; its value is generated per activation. */
export const PROOF_HEADER_NAME = 'X-N8N-Webhook-Secret';

interface Registration {
	webhookUrl?: string;
	secret?: string;
	umbrellaWebhookId?: string;
}

export class UmbrellaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Umbrella QES Trigger',
		name: 'umbrellaTrigger',
		icon: { light: 'file:../../icons/umbrella.svg', dark: 'file:../../icons/umbrella.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'QES session results',
		description: 'Starts the workflow when Umbrella reports the result of a QES onboarding session',
		defaults: { name: 'Umbrella QES Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'umbrellaApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Activating this trigger registers its URL as the Umbrella account’s webhook, with a secret header that every call must carry. Umbrella keeps one webhook per account, so this replaces any other (including while you listen for a test event), and it offers no way to delete one: after deactivation Umbrella keeps calling the old URL, which n8n then refuses.',
				name: 'registrationNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const stored = this.getWorkflowStaticData('node') as Registration;
				return Boolean(stored.secret) && stored.webhookUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const webhookUrl = this.getNodeWebhookUrl('default') as string;
				const secret = randomBytes(32).toString('hex');
				const registered = await registerWebhook(new ApiClient(this, UMBRELLA), webhookUrl, { [PROOF_HEADER_NAME]: secret });
				// Stored only after Umbrella accepted it, so a failed activation leaves the previous state.
				const stored = this.getWorkflowStaticData('node') as Registration;
				stored.webhookUrl = webhookUrl;
				stored.secret = secret;
				stored.umbrellaWebhookId = registered.id;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// Umbrella has no delete endpoint: forgetting the secret makes n8n refuse any late call.
				const stored = this.getWorkflowStaticData('node') as Registration;
				delete stored.webhookUrl;
				delete stored.secret;
				delete stored.umbrellaWebhookId;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { secret } = this.getWorkflowStaticData('node') as Registration;
		const given = header(this, PROOF_HEADER_NAME);
		if (!secret || !given || !safeEqual(given, secret)) {
			return rejectWebhook(this, 401, `Missing or wrong ${PROOF_HEADER_NAME} header`);
		}
		// The QES payload is undocumented: it is passed on as sent, minus the secret should Umbrella echo it.
		return emitOnce(this, redact(this.getBodyData() as IDataObject, [secret]), {
			keys: repeatKeys(rawBody(this)),
			rememberUntil: nowSeconds() + REMEMBER_SECONDS,
		});
	}
}
