import type { IHookFunctions, INodeProperties, NodeApiError } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import type { ApiClient } from '../../shared/transport/client';
import { checkParameters } from '../../shared/validation';
import { documentId, documentIdFields } from '../descriptions/document';
import { SIGNNOW } from '../transport';
import {
	callingBack,
	currentUserId,
	listSubscriptions,
	subscribe,
	unsubscribe,
} from '../transport/subscriptions';
import { GROUP_EVENTS, scopedEvent, SIGNNOW_EVENTS } from './events';

/**
 * What one activation of the trigger registers with signNow: one callback subscription per event
 * (events already scoped, "user." prefixed for all documents), calling this trigger's webhook URL.
 */
export interface Wanted {
	scope: 'document' | 'user';
	documentId?: string;
	events: string[];
	callbackUrl: string;
	secret?: string;
}

/** The trigger's parameters: what it registers with signNow. */
export const registrationProperties: INodeProperties[] = [
	{
		displayName: 'Watch',
		name: 'scope',
		type: 'options',
		options: [
			{
				name: 'One Document',
				value: 'document',
				description: 'Events of the document given below',
			},
			{
				name: 'All My Documents',
				value: 'user',
				description: 'Events of every document of the signed-in user',
			},
		],
		default: 'document',
	},
	...updateDisplayOptions(
		{ show: { scope: ['document'] } },
		documentIdFields('The signNow document to watch'),
	),
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: SIGNNOW_EVENTS,
		required: true,
		default: ['document.complete'],
		description: 'Which events start the workflow; signNow is subscribed to exactly these',
	},
];

const registration = z.discriminatedUnion('scope', [
	z.object({
		scope: z.literal('document'),
		documentId,
		events: z
			.array(z.string())
			.min(1, 'Pick at least one event.')
			.refine(
				(events) => !events.some((event) => GROUP_EVENTS.includes(event)),
				'Document Group Completed needs Watch: All My Documents; one document has no group events.',
			),
	}),
	z.object({
		scope: z.literal('user'),
		events: z.array(z.string()).min(1, 'Pick at least one event.'),
	}),
]);

/** What this trigger is to register, checked before any request. */
export async function wantedRegistration(ctx: IHookFunctions): Promise<Wanted> {
	const scope = ctx.getNodeParameter('scope') as string;
	const params = checkParameters(ctx, 0, registrationProperties, registration, {
		scope,
		events: ctx.getNodeParameter('events', []),
		...(scope === 'document' ? { documentId: ctx.getNodeParameter('documentId') } : {}),
	});
	const credentials = await ctx.getCredentials(SIGNNOW.credentialType);
	return {
		scope: params.scope,
		documentId: params.scope === 'document' ? params.documentId : undefined,
		events: params.events.map((name) => scopedEvent(name, params.scope)),
		callbackUrl: ctx.getNodeWebhookUrl('default') as string,
		secret: String(credentials.webhookSecret ?? '') || undefined,
	};
}

/** Kept in the workflow's static data (per node): the subscriptions the last activation registered. */
interface RegistrationData {
	subscriptionIds?: string[];
}

/*
 * How n8n calls these methods, and why they do not trust the recorded IDs alone:
 * - Activation: checkExists(), then create() when it answered false. The static data is saved
 *   only when create() succeeded. When create() throws, n8n 1.x fails the activation (400) and
 *   calls delete() with the static data saved before (ActiveWorkflowManager.addWebhooks →
 *   clearWebhooks); n8n 2.41 answers the activation with 200 and retries create() in the
 *   background, without the IDs the failed attempt recorded.
 * - Restart: 1.x calls checkExists() (and create() if it answers false); 2.41 calls nothing.
 * - Deactivation: delete().
 * - "Listen for test event": checkExists() and create() with the test URL and a static data of
 *   its own (empty at first), delete() when listening ends.
 * So IDs recorded by a failed create() can be lost. The webhook URL contains this node's own
 * webhook ID, so any subscription calling it was registered by an earlier activation of this very
 * node: create() and delete() remove those as well as the recorded ones.
 */

function recorded(ctx: IHookFunctions): RegistrationData {
	return ctx.getWorkflowStaticData('node') as RegistrationData;
}

/** Removes the recorded subscriptions and every other one calling this trigger's URL. */
async function removeOwn(
	api: ApiClient,
	data: RegistrationData,
	callbackUrl: string,
): Promise<void> {
	for (const id of [...(data.subscriptionIds ?? [])]) {
		await unsubscribe(api, id);
		data.subscriptionIds = data.subscriptionIds?.filter((known) => known !== id);
	}
	for (const leftover of callingBack(await listSubscriptions(api), callbackUrl))
		await unsubscribe(api, leftover.id);
	delete data.subscriptionIds;
}

/**
 * checkExists(): true only when signNow holds exactly the recorded subscriptions for this URL,
 * one per wanted event (for the wanted document, with the current secret where signNow lists it).
 * Anything else answers false, and create() starts over cleanly.
 */
export async function isRegistered(
	ctx: IHookFunctions,
	api: ApiClient,
	wanted: Wanted,
): Promise<boolean> {
	const ids = recorded(ctx).subscriptionIds ?? [];
	if (!ids.length) return false;
	const own = callingBack(await listSubscriptions(api), wanted.callbackUrl);
	if (own.length !== ids.length || own.some((s) => !ids.includes(s.id))) return false;
	if (
		own
			.map((s) => s.event)
			.sort()
			.join() !== [...wanted.events].sort().join()
	)
		return false;
	if (wanted.scope === 'document' && own.some((s) => s.entity_id !== wanted.documentId))
		return false;
	return own.every((s) => {
		const listed = s.json_attributes?.secret_key;
		return listed === undefined || listed === null || String(listed) === (wanted.secret ?? '');
	});
}

/**
 * create(): all or nothing. Leftovers of earlier activations are removed first, then one
 * subscription per event is registered and recorded at once. If any step fails, what this attempt
 * registered (and anything else calling this URL) is removed again and the IDs are cleared before
 * the error is thrown, so a retry, a reactivation or a restart never stacks subscriptions.
 */
export async function register(ctx: IHookFunctions, api: ApiClient, wanted: Wanted): Promise<void> {
	const data = recorded(ctx);
	try {
		await removeOwn(api, data, wanted.callbackUrl);
		const entityId = wanted.scope === 'user' ? await currentUserId(api) : wanted.documentId!;
		let ids: string[] = [];
		for (const event of wanted.events) {
			const created = await subscribe(
				api,
				{ event, entityId, callbackUrl: wanted.callbackUrl, secret: wanted.secret },
				ids,
			);
			if (!created) {
				throw new NodeOperationError(
					ctx.getNode(),
					`signNow accepted the subscription to ${event} but does not list it`,
				);
			}
			ids = [...ids, created.id];
			data.subscriptionIds = ids;
		}
	} catch (error) {
		let cleanupFailure: string | undefined;
		try {
			await removeOwn(api, data, wanted.callbackUrl);
		} catch (cleanup) {
			cleanupFailure = (cleanup as Error).message;
		}
		delete data.subscriptionIds;
		throw activationFailed(ctx, error as NodeApiError | NodeOperationError, cleanupFailure);
	}
}

/** delete(): removes the recorded subscriptions and any other one calling this trigger's URL. */
export async function unregister(
	ctx: IHookFunctions,
	api: ApiClient,
	callbackUrl: string,
): Promise<void> {
	await removeOwn(api, recorded(ctx), callbackUrl);
}

function activationFailed(
	ctx: IHookFunctions,
	cause: NodeApiError | NodeOperationError,
	cleanupFailure?: string,
): NodeOperationError {
	const left = cleanupFailure
		? `Removing what this attempt registered failed too (${cleanupFailure}); the next activation or deactivation removes it.`
		: 'Nothing is left registered with signNow for this trigger.';
	return new NodeOperationError(
		ctx.getNode(),
		`The signNow Trigger could not be activated: ${cause.message}`,
		{
			description: [cause.description, left].filter(Boolean).join('\n'),
		},
	);
}
