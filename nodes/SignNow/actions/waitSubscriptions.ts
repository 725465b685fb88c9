import { type IExecuteFunctions, type NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import { hasWakeUpToken, wakeUpUrl } from '../../shared/wait/wakeUp';
import type { ArmedWait, WaitContext } from '../../shared/wait/woken';
import {
	listSubscriptions,
	subscribe,
	type Subscription,
	unsubscribe,
} from '../transport/subscriptions';

/**
 * How Wait for Signature is woken by signNow: for each open document, one event subscription per
 * final event, calling the execution's resume URL. The URL carries the document, the end of the
 * wait (`until`, Unix seconds) and the package's token over both, so that the node recognises
 * its own subscriptions in the account's list: those of this wait when it ends, and those of
 * ended waits that n8n resumed at their limit without running the node (they are removed by the
 * next wait of the same credential).
 */

/**
 * The per-document events that end a wait, as third-party code names them (unconfirmed). signNow
 * names no per-document event for an expired or cancelled invite (user.invite.expired is
 * account-wide), so those are seen when one of these events or the limit wakes the wait.
 */
export const WAKE_EVENTS = ['document.complete', 'document.fieldinvite.decline'];

/** The values a wake-up URL carries, under the token. */
export const BOUND = ['document', 'until'] as const;

/** Marks the one subscription whose removal ends the wait (see claimWait). */
const CLAIM_PARAM = 'claim';

/** How long after its limit a wait's subscriptions are left alone, since n8n's timer may run late. */
const SWEEP_MARGIN_SECONDS = 600;

interface WakeUpUrl {
	executionId: string;
	document: string;
	until: number;
	claim: boolean;
}

/** The wait a callback URL belongs to, when it is a wake-up URL signed with `key`. */
function wakeUpOf(callbackUrl: string | undefined, key: Buffer): WakeUpUrl | undefined {
	if (!callbackUrl) return undefined;
	let url: URL;
	try {
		url = new URL(callbackUrl);
	} catch {
		return undefined;
	}
	const executionId = /\/webhook-waiting\/([^/]+)$/.exec(url.pathname)?.[1];
	const query = Object.fromEntries(url.searchParams);
	if (!executionId || !hasWakeUpToken(query, BOUND, key, executionId)) return undefined;
	return {
		executionId,
		document: query.document,
		until: Number(query.until),
		claim: query[CLAIM_PARAM] === '1',
	};
}

/** This wait's subscriptions in the account's list. */
async function waitSubscriptions(
	api: ApiClient,
	wait: WaitContext,
): Promise<Array<Subscription & { wakeUp: WakeUpUrl }>> {
	return (await listSubscriptions(api)).flatMap((s) => {
		const wakeUp = wakeUpOf(s.json_attributes?.callback_url, wait.key);
		return wakeUp?.executionId === wait.executionId ? [{ ...s, wakeUp }] : [];
	});
}

/**
 * Subscribes every open document of the wait; first removes what ended waits of this credential
 * left behind. All or nothing: when one subscription fails, those made are removed again.
 */
export async function subscribeWait(
	ctx: IExecuteFunctions,
	api: ApiClient,
	wait: ArmedWait,
	secret: string,
): Promise<void> {
	await sweepEndedWaits(api, wait.key);
	const until = String(Math.floor(wait.waitTill.getTime() / 1000));
	const made: string[] = [];
	try {
		for (const [n, document] of [...new Set(wait.openIds)].entries()) {
			for (const event of WAKE_EVENTS) {
				const url = new URL(
					wakeUpUrl(wait.resumeUrl, BOUND, { document, until }, wait.key, wait.executionId),
				);
				// The first subscription of the wait is the one whose removal ends it (see claimWait).
				if (n === 0 && event === WAKE_EVENTS[0]) url.searchParams.set(CLAIM_PARAM, '1');
				const created = await subscribe(
					api,
					{ event, entityId: document, callbackUrl: url.toString(), secret },
					made,
				);
				if (!created) {
					throw new NodeOperationError(
						ctx.getNode(),
						`signNow accepted the subscription to ${event} but does not list it`,
					);
				}
				made.push(created.id);
			}
		}
	} catch (error) {
		await removeWait(api, wait).catch(() => undefined);
		throw error as NodeApiError;
	}
}

/** Removes every subscription of the wait. */
export async function removeWait(api: ApiClient, wait: WaitContext): Promise<void> {
	for (const s of await waitSubscriptions(api, wait)) await unsubscribe(api, s.id);
}

/**
 * Ends the wait on signNow's side: removes its claim subscription first, then the others. Two
 * calls that find every document final at the same moment both get here; signNow removes the
 * claim subscription for one of them only, and only that one goes on (n8n 1.x itself would
 * continue the execution twice). False when the claim was gone already.
 */
export async function claimWait(api: ApiClient, wait: WaitContext): Promise<boolean> {
	const own = await waitSubscriptions(api, wait);
	const claim = own.find((s) => s.wakeUp.claim);
	if (!claim || !(await unsubscribe(api, claim.id))) return false;
	for (const s of own.filter((s) => s !== claim)) {
		// What is left here is removed by the next wait's sweep.
		await unsubscribe(api, s.id).catch(() => false);
	}
	return true;
}

/** Removes the subscriptions of this credential's waits that ended at their limit a while ago. */
async function sweepEndedWaits(api: ApiClient, key: Buffer): Promise<void> {
	const now = Math.floor(Date.now() / 1000);
	for (const s of await listSubscriptions(api)) {
		const wakeUp = wakeUpOf(s.json_attributes?.callback_url, key);
		if (wakeUp && wakeUp.until + SWEEP_MARGIN_SECONDS < now) await unsubscribe(api, s.id);
	}
}
