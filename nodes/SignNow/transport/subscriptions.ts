import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import type { ApiClient } from '../../shared/transport/client';
import { readUser } from './user';

const subscriptionSchema = z
	.object({
		id: z.string().min(1),
		event: z.string(),
		entity_id: z.string(),
		json_attributes: z
			.object({ callback_url: z.string().optional(), secret_key: z.unknown().optional() })
			.passthrough()
			.optional(),
	})
	.passthrough();

export type Subscription = z.infer<typeof subscriptionSchema>;

const listSchema = z.object({ data: z.array(subscriptionSchema) });

/** The signed-in user's ID, the entity of user-scoped events. */
export async function currentUserId(api: ApiClient): Promise<string> {
	return (await readUser(api)).id;
}

/**
 * Every event subscription of the account. Whether this list pages is not documented; it is read
 * as one page (unconfirmed).
 */
export async function listSubscriptions(api: ApiClient): Promise<Subscription[]> {
	return (await api.requestChecked({ method: 'GET', path: '/v2/event-subscriptions' }, listSchema))
		.data;
}

/** Subscriptions that call `callbackUrl`: a trigger's webhook URL is its own, so these are its registrations. */
export function callingBack(list: Subscription[], callbackUrl: string): Subscription[] {
	return list.filter((s) => s.json_attributes?.callback_url === callbackUrl);
}

export interface SubscriptionInput {
	event: string;
	entityId: string;
	callbackUrl: string;
	secret?: string;
}

function isNew(input: SubscriptionInput, known: string[]) {
	return (s: Subscription) =>
		s.event === input.event &&
		s.entity_id === input.entityId &&
		s.json_attributes?.callback_url === input.callbackUrl &&
		!known.includes(s.id);
}

/**
 * Registers one callback subscription and returns it. signNow answers the create call with an
 * empty body, so the new subscription is looked up in the list: the one for this event, entity
 * and callback URL that is not among `known`. When the answer is lost, the same lookup settles
 * whether it was created. signNow's SDK puts secret_key at the top level, working third-party
 * code inside attributes; it is sent inside attributes (unconfirmed which one counts).
 */
export async function subscribe(
	api: ApiClient,
	input: SubscriptionInput,
	known: string[],
): Promise<Subscription | undefined> {
	const attributes: IDataObject = { callback: input.callbackUrl, delete_access_token: true };
	if (input.secret) attributes.secret_key = input.secret;
	let found: Subscription | undefined;
	const lookUp = async () =>
		(found = (await listSubscriptions(api)).filter(isNew(input, known)).pop());
	await api.request({
		method: 'POST',
		path: '/api/v2/events',
		body: { event: input.event, entity_id: input.entityId, action: 'callback', attributes },
		ifUnknown: {
			happened: `the subscription to ${input.event} was created`,
			advice:
				'Activate the workflow again: activation first removes what earlier activations of this trigger left.',
			settle: async () => ((await lookUp()) ? {} : undefined),
		},
	});
	return found ?? (await lookUp());
}

/**
 * Removes a subscription; one already gone counts as removed. True when this call removed it,
 * false when it was gone already (404).
 */
export async function unsubscribe(api: ApiClient, id: string): Promise<boolean> {
	const path = `/v2/event-subscriptions/${encodeURIComponent(id)}`;
	try {
		await api.request({
			method: 'DELETE',
			path,
			ifUnknown: {
				happened: 'the subscription was removed',
				advice: 'Deactivate the workflow again, or remove it in the signNow API Dashboard.',
				settle: async () =>
					(await api.requestUnlessNotFound({ method: 'GET', path })) === undefined ? {} : undefined,
			},
		});
		return true;
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return false;
		throw error as NodeApiError;
	}
}
