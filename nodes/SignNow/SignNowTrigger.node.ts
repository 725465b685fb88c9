import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { z } from 'zod';

import { ApiClient } from '../shared/transport/request';
import { validateParameters } from '../shared/validation';
import { emit, header, ignoreWebhook, rawBody, rejectWebhook } from '../shared/webhook';
import { documentId } from './actions/shared';
import { SIGNNOW } from './transport';
import { scopedEvent, SIGNNOW_EVENTS } from './trigger/events';
import { SIGNATURE_HEADER, signatureMatches } from './trigger/signature';
import {
	currentUserId,
	findSubscription,
	registrationError,
	subscribe,
	subscriptionExists,
	unsubscribe,
} from './trigger/subscriptions';

const registration = z.discriminatedUnion('scope', [
	z.object({ scope: z.literal('document'), documentId, events: z.array(z.string()).min(1, 'Pick at least one event.') }),
	z.object({ scope: z.literal('user'), events: z.array(z.string()).min(1, 'Pick at least one event.') }),
]);

interface RegistrationData {
	subscriptionIds?: string[];
}

/** The callback carries a signNow access token in meta.access_token: it never reaches the workflow. */
export function withoutAccessTokens(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutAccessTokens);
	if (value === null || typeof value !== 'object') return value;
	const out: IDataObject = {};
	for (const [key, v] of Object.entries(value as IDataObject)) {
		if (key.toLowerCase() !== 'access_token') out[key] = withoutAccessTokens(v) as IDataObject[keyof IDataObject];
	}
	return out;
}

export class SignNowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'signNow Trigger',
		name: 'signNowTrigger',
		icon: { light: 'file:../../icons/signnow.svg', dark: 'file:../../icons/signnow.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when signNow reports a document or invite event',
		defaults: { name: 'signNow Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signNowApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'signNow is told about this workflow when it is activated and forgotten when it is deactivated. Set a Webhook Secret in the credential to have every call’s signature checked.',
				name: 'registrationNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Watch',
				name: 'scope',
				type: 'options',
				options: [
					{ name: 'One Document', value: 'document', description: 'Events of the document given below' },
					{ name: 'All My Documents', value: 'user', description: 'Events of every document of the signed-in user' },
				],
				default: 'document',
			},
			{
				displayName: 'Document ID',
				name: 'documentId',
				type: 'string',
				required: true,
				default: '',
				description: 'ID of the signNow document to watch',
				displayOptions: { show: { scope: ['document'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: SIGNNOW_EVENTS,
				required: true,
				default: ['document.complete'],
				description: 'Which events start the workflow; signNow is subscribed to exactly these',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as RegistrationData;
				const ids = data.subscriptionIds ?? [];
				if (!ids.length) return false;
				const api = new ApiClient(this, SIGNNOW);
				const present: string[] = [];
				for (const id of ids) if (await subscriptionExists(api, id)) present.push(id);
				if (present.length === ids.length) return true;
				// Part of the set is gone: remove the rest so create() registers a clean set.
				for (const id of present) await unsubscribe(api, id);
				delete data.subscriptionIds;
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const scope = this.getNodeParameter('scope') as string;
				const params = validateParameters(
					this.getNode(),
					registration,
					{
						scope,
						events: this.getNodeParameter('events', []),
						...(scope === 'document' ? { documentId: this.getNodeParameter('documentId') } : {}),
					},
					0,
					{ scope: 'Watch', documentId: 'Document ID', events: 'Events' },
				);
				const callbackUrl = this.getNodeWebhookUrl('default') as string;
				const credentials = await this.getCredentials('signNowApi');
				const secret = String(credentials.webhookSecret ?? '') || undefined;
				const api = new ApiClient(this, SIGNNOW);
				const entityId = params.scope === 'user' ? await currentUserId(api) : params.documentId;
				const data = this.getWorkflowStaticData('node') as RegistrationData;
				const ids: string[] = [];
				for (const name of params.events) {
					const event = scopedEvent(name, scope);
					await subscribe(api, { event, entityId, callbackUrl, secret });
					const created = await findSubscription(api, { event, entityId, callbackUrl, exclude: ids });
					if (!created) {
						data.subscriptionIds = ids;
						throw registrationError(this, event);
					}
					ids.push(created.id);
				}
				data.subscriptionIds = ids;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as RegistrationData;
				const api = new ApiClient(this, SIGNNOW);
				for (const id of data.subscriptionIds ?? []) await unsubscribe(api, id);
				delete data.subscriptionIds;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials('signNowApi');
		const secret = String(credentials.webhookSecret ?? '');
		if (secret && !signatureMatches(secret, rawBody(this), header(this, SIGNATURE_HEADER))) {
			return rejectWebhook(this, 401, 'Invalid or missing X-SignNow-Signature');
		}
		const body = this.getBodyData() as IDataObject & { meta?: IDataObject };
		const event = typeof body.meta?.event === 'string' ? body.meta.event : undefined;
		const scope = this.getNodeParameter('scope', 'document') as string;
		const events = (this.getNodeParameter('events', []) as string[]).map((e) => scopedEvent(e, scope));
		if (!event || !events.includes(event)) return ignoreWebhook(`event ${event ?? 'without name'} not selected`);
		return emit(withoutAccessTokens(body) as IDataObject);
	}
}
