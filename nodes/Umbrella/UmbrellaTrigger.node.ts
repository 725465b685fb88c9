import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nowSeconds } from '../shared/deliveries';
import { redact } from '../shared/redact';
import { ApiClient } from '../shared/transport/client';
import { emitOnce, rawBody, rejectWebhook } from '../shared/webhook';
import { UMBRELLA } from './transport';
import { isRegistered, register, registration, unregister } from './trigger/registration';
import { REMEMBER_SECONDS, repeatKeys } from './trigger/repeats';
import { PROOF_HEADER_NAME, proofMatches } from './trigger/signature';

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
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
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

	/** See trigger/registration.ts. */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return isRegistered(this);
			},

			async create(this: IHookFunctions): Promise<boolean> {
				await register(this, new ApiClient(this, UMBRELLA));
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				unregister(this);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { secret } = registration(this);
		if (!proofMatches(this, secret))
			return rejectWebhook(this, 401, `Missing or wrong ${PROOF_HEADER_NAME} header`);
		// The QES payload is undocumented: it is passed on as sent, minus the secret should Umbrella echo it.
		return emitOnce(this, redact(this.getBodyData() as IDataObject, [secret]), {
			keys: repeatKeys(rawBody(this)),
			rememberUntil: nowSeconds() + REMEMBER_SECONDS,
		});
	}
}
