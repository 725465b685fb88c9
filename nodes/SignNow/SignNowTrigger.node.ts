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
import { withoutField } from '../shared/redact';
import { ApiClient } from '../shared/transport/client';
import { emitOnce, ignoreWebhook, rejectWebhook } from '../shared/webhook';
import { searchDocuments } from './methods/listSearch';
import { SIGNNOW } from './transport';
import { scopedEvent } from './trigger/events';
import {
	isRegistered,
	register,
	registrationProperties,
	unregister,
	wantedRegistration,
} from './trigger/registration';
import { REMEMBER_SECONDS, repeatKeys } from './trigger/repeats';
import { signatureMatches } from './trigger/signature';

export class SignNowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'signNow Trigger',
		name: 'signNowTrigger',
		icon: { light: 'file:../../icons/signnow.svg', dark: 'file:../../icons/signnow.dark.svg' },
		group: ['trigger'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when signNow reports a document or invite event',
		defaults: { name: 'signNow Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signNowApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'signNow is told about this workflow when it is activated and forgotten when it is deactivated. Set a Webhook Secret in the credential to have every call’s signature checked.',
				name: 'registrationNotice',
				type: 'notice',
				default: '',
			},
			...registrationProperties,
		],
	};

	methods = { listSearch: { searchDocuments } };

	/** See trigger/registration.ts for when each n8n line calls these. */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await isRegistered(
					this,
					new ApiClient(this, SIGNNOW),
					await wantedRegistration(this),
				);
			},

			async create(this: IHookFunctions): Promise<boolean> {
				await register(this, new ApiClient(this, SIGNNOW), await wantedRegistration(this));
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				await unregister(
					this,
					new ApiClient(this, SIGNNOW),
					this.getNodeWebhookUrl('default') as string,
				);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials(SIGNNOW.credentialType);
		const secret = String(credentials.webhookSecret ?? '');
		if (secret && !signatureMatches(this, secret)) {
			return rejectWebhook(this, 401, 'Invalid or missing X-SignNow-Signature');
		}
		const body = this.getBodyData() as IDataObject & { meta?: IDataObject };
		const event = typeof body.meta?.event === 'string' ? body.meta.event : undefined;
		const scope = this.getNodeParameter('scope', 'document') as string;
		const events = (this.getNodeParameter('events', []) as string[]).map((e) =>
			scopedEvent(e, scope),
		);
		if (!event || !events.includes(event))
			return ignoreWebhook(`event ${event ?? 'without name'} not selected`);
		// signNow puts an access token in meta.access_token of every callback: it never reaches the workflow.
		return emitOnce(this, withoutField(body, 'access_token'), {
			keys: repeatKeys(body),
			rememberUntil: nowSeconds() + REMEMBER_SECONDS,
		});
	}
}
