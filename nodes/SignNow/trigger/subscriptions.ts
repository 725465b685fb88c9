import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/request';

export interface Subscription {
	id: string;
	event: string;
	entity_id: string;
	action?: string;
	json_attributes?: { callback_url?: string; [key: string]: unknown };
	created?: number | string;
}

/** The signed-in user's ID, the entity of user-scoped events. GET /user is not in the reference material (unconfirmed). */
export async function currentUserId(api: ApiClient): Promise<string> {
	const user = await api.request<{ id?: string }>({ method: 'GET', path: '/user' });
	return String(user.id ?? '');
}

/**
 * Registers one callback subscription. signNow's SDK puts secret_key at the top level, working
 * third-party code inside attributes; it is sent inside attributes (unconfirmed which one counts).
 */
export async function subscribe(
	api: ApiClient,
	input: { event: string; entityId: string; callbackUrl: string; secret?: string },
): Promise<void> {
	const attributes: IDataObject = { callback: input.callbackUrl, delete_access_token: true };
	if (input.secret) attributes.secret_key = input.secret;
	await api.request({
		method: 'POST',
		path: '/api/v2/events',
		body: { event: input.event, entity_id: input.entityId, action: 'callback', attributes },
		ifUnknown: {
			happened: `the subscription to ${input.event} was created`,
			advice: 'Activate the workflow again: activation removes subscriptions left over for this trigger first.',
		},
	});
}

/** The create call answers with an empty body, so the new subscription is found in the list. */
export async function findSubscription(
	api: ApiClient,
	match: { event: string; entityId: string; callbackUrl: string; exclude: string[] },
): Promise<Subscription | undefined> {
	// Whether this list pages is not documented; the newest subscriptions are looked for on the first page (unconfirmed).
	const answer = await api.request<{ data?: Subscription[] }>({ method: 'GET', path: '/v2/event-subscriptions' });
	return (answer.data ?? [])
		.filter(
			(s) =>
				s.event === match.event &&
				s.entity_id === match.entityId &&
				s.json_attributes?.callback_url === match.callbackUrl &&
				!match.exclude.includes(s.id),
		)
		.pop();
}

/** Runs `request`; a 404 answer resolves to false instead of failing. */
async function unlessNotFound(request: Promise<unknown>): Promise<boolean> {
	const failure = await request.then(
		() => undefined,
		(error: unknown) => error,
	);
	if (failure === undefined) return true;
	if (failure instanceof NodeApiError && failure.httpCode === '404') return false;
	throw failure as NodeApiError;
}

/** Whether the subscription still exists; a 404 means it was removed on the signNow side. */
export async function subscriptionExists(api: ApiClient, id: string): Promise<boolean> {
	return await unlessNotFound(api.request({ method: 'GET', path: `/v2/event-subscriptions/${encodeURIComponent(id)}` }));
}

/** Removes a subscription; one already gone counts as removed. */
export async function unsubscribe(api: ApiClient, id: string): Promise<void> {
	const path = `/v2/event-subscriptions/${encodeURIComponent(id)}`;
	await unlessNotFound(
		api.request({
			method: 'DELETE',
			path,
			ifUnknown: {
				happened: 'the subscription was removed',
				advice: 'Deactivate the workflow again, or remove it in the signNow API Dashboard.',
				settle: async () => ((await api.requestUnlessNotFound({ method: 'GET', path })) === undefined ? {} : undefined),
			},
		}),
	);
}

export function registrationError(ctx: IHookFunctions, event: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `signNow accepted the subscription to ${event} but it was not found in the subscription list`, {
		description: 'Deactivate and activate the workflow again. If it persists, check the subscriptions in the signNow API Dashboard.',
	});
}
