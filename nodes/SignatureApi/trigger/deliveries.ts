import type { IDataObject } from 'n8n-workflow';

import { STANDARD_WEBHOOKS_TOLERANCE_SECONDS } from '../../shared/standardWebhooks';

/**
 * How long a delivery is remembered: as long as a copy of it can still pass the timestamp check
 * (5 minutes either way), plus a minute for clocks that differ between SignatureAPI and n8n.
 * Anything older is refused by that check anyway.
 */
export const REMEMBER_SECONDS = STANDARD_WEBHOOKS_TOLERANCE_SECONDS + 60;

/** The most deliveries remembered at once, so the workflow's static data stays small. */
export const MAX_REMEMBERED = 4000;

/** Where the record lives in the trigger node's workflow static data: key → expiry (Unix seconds). */
const FIELD = 'recentDeliveries';

export interface Delivery {
	/** The webhook-id header: the same on every retry of one message (Standard Webhooks). */
	webhookId: string;
	/** The event's `id` in the signed body, if it has one. */
	eventId?: string;
	/** The webhook-timestamp header, Unix seconds. */
	timestamp: number;
}

/**
 * Records a verified delivery in the node's static data and says whether it is the first one of
 * its event. n8n saves static data changed during a webhook call once the call returns.
 *
 * A repeat is recognised by either identifier. The Standard Webhooks spec makes `webhook-id` the
 * idempotency key: it stays the same on every retry of a message, so it catches SignatureAPI's
 * retries and a captured request sent again. SignatureAPI adds that duplicates happen and tells
 * receivers to deduplicate on the event's `id`: an event sent again as a new message has a new
 * webhook-id but the same event id. Both come from signed data, so neither can be forged.
 */
export function isFirstDelivery(staticData: IDataObject, delivery: Delivery, nowSeconds: number): boolean {
	const keys = [`webhook:${delivery.webhookId}`, ...(delivery.eventId ? [`event:${delivery.eventId}`] : [])];
	const live = liveEntries(staticData[FIELD], nowSeconds);
	const repeat = keys.some((key) => live.has(key));

	// Kept until no copy of this delivery can pass the timestamp check, and at least the window from now.
	const expiresAt = Math.max(nowSeconds, delivery.timestamp) + REMEMBER_SECONDS;
	for (const key of keys) {
		const known = live.get(key) ?? 0;
		live.delete(key);
		live.set(key, Math.max(known, expiresAt));
	}
	// Past the limit the earliest recorded go first (a key seen again counts as recorded now).
	const record: Record<string, number> = {};
	let skip = live.size - MAX_REMEMBERED;
	for (const [key, expiry] of live) {
		if (skip-- > 0) continue;
		record[key] = expiry;
	}
	// A new object each time: n8n notices a change to static data only when a field is set.
	staticData[FIELD] = record;
	return !repeat;
}

/** The recorded deliveries that have not expired; anything unreadable is left out. */
function liveEntries(value: unknown, nowSeconds: number): Map<string, number> {
	const live = new Map<string, number>();
	if (!value || typeof value !== 'object' || Array.isArray(value)) return live;
	const record = value as Record<string, unknown>;
	for (const key in record) {
		const expiry = record[key];
		if (typeof expiry === 'number' && expiry >= nowSeconds) live.set(key, expiry);
	}
	return live;
}
