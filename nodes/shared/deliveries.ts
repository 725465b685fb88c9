import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** The most deliveries a trigger remembers at once, so the workflow's static data stays small. */
export const MAX_REMEMBERED = 4000;

/** Where the record lives in the trigger node's workflow static data: key → expiry (Unix seconds). */
const FIELD = 'recentDeliveries';

/** A short, stable key from what identifies a delivery, for vendors that send no delivery ID. */
export function deliveryKey(kind: string, ...parts: unknown[]): string {
	return `${kind}:${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)}`;
}

/**
 * Records a verified delivery in the trigger node's static data and says whether it is the first
 * with any of `keys`: a repeat (a vendor's retry, or a captured call sent again) starts no run.
 * n8n saves static data changed during a webhook call once the call returns, in the database
 * shared by every instance; two copies handled at the same moment can both pass.
 * Each key is kept until `rememberUntil` (Unix seconds).
 */
export function isFirstDelivery(
	staticData: IDataObject,
	keys: string[],
	rememberUntil: number,
	nowSeconds: number,
): boolean {
	const live = liveEntries(staticData[FIELD], nowSeconds);
	const repeat = keys.some((key) => live.has(key));
	for (const key of keys) {
		const known = live.get(key) ?? 0;
		live.delete(key);
		live.set(key, Math.max(known, rememberUntil));
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

/** Now, in the Unix seconds the record counts in. */
export function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}
