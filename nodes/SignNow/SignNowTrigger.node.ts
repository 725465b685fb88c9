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
import { isRegistered, register, unregister, type Wanted } from './trigger/registration';
import { SIGNATURE_HEADER, signatureMatches } from './trigger/signature';

const registration = z.discriminatedUnion('scope', [
	z.object({ scope: z.literal('document'), documentId, events: z.array(z.string()).min(1, 'Pick at least one event.') }),
	z.object({ scope: z.literal('user'), events: z.array(z.string()).min(1, 'Pick at least one event.') }),
]);

/** What this trigger is to register, checked before any request. */
async function wantedRegistration(ctx: IHookFunctions): Promise<Wanted> {
	const scope = ctx.getNodeParameter('scope') as string;
	const params = validateParameters(
		ctx.getNode(),
		registration,
		{
			scope,
			events: ctx.getNodeParameter('events', []),
			...(scope === 'document' ? { documentId: ctx.getNodeParameter('documentId') } : {}),
		},
		0,
		{ scope: 'Watch', documentId: 'Document ID', events: 'Events' },
	);
	const credentials = await ctx.getCredentials('signNowApi');
	return {
		scope: params.scope,
		documentId: params.scope === 'document' ? params.documentId : undefined,
		events: params.events.map((name) => scopedEvent(name, params.scope)),
		callbackUrl: ctx.getNodeWebhookUrl('default') as string,
		secret: String(credentials.webhookSecret ?? '') || undefined,
	};
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

	/** See trigger/registration.ts for when each n8n line calls these. */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await isRegistered(this, new ApiClient(this, SIGNNOW), await wantedRegistration(this));
			},

			async create(this: IHookFunctions): Promise<boolean> {
				await register(this, new ApiClient(this, SIGNNOW), await wantedRegistration(this));
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				await unregister(this, new ApiClient(this, SIGNNOW), this.getNodeWebhookUrl('default') as string);
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
