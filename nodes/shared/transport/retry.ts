import type { Failure } from './failure';
import type { ApiRequest } from './request';

/** When a request is tried again, and how long it waits first. */

/** Retry-After in seconds or as an HTTP-date, in milliseconds from now; undefined if absent or unreadable. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
	const raw = Array.isArray(value) ? value[0] : value;
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	const text = String(raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential back-off for 5xx answers that carry no Retry-After: 0.5 s, 1 s, 2 s, ... */
export function backoffMs(attempt: number): number {
	return 500 * 2 ** (attempt - 1);
}

/** Statuses of a gateway in front of the API: the API's answer, if any, did not come through. */
export const GATEWAY_STATUS = new Set([502, 503, 504]);

/** What one request has been through: repeats, waits for a rate limit, and the time spent waiting. */
export interface Attempts {
	retries: number;
	slowDowns: number;
	waited: number;
	/** The wait asked for that would have gone beyond the longest total wait. */
	wouldWait?: number;
}

/** The vendor asked to slow down (429). */
export function isSlowDown(failure: Failure): boolean {
	return failure.kind === 'answer' && failure.status === 429;
}

/**
 * How long to wait before the next attempt, or undefined for no further attempt. Any request is
 * repeated after 429 and a refused connection (the vendor did not act); only reads are repeated
 * after a gateway status or a lost answer.
 */
export function retryWait(
	failure: Failure,
	tried: Attempts,
	method: ApiRequest['method'],
	maxRetries: number,
): number | undefined {
	if (maxRetries === 0) return undefined;
	if (failure.kind === 'answer' && failure.status === 429) {
		return retryAfterMs(failure.headers['retry-after']) ?? backoffMs(tried.slowDowns + 1);
	}
	if (tried.retries >= maxRetries) return undefined;
	const next = tried.retries + 1;
	if (failure.kind === 'answer') {
		if (method === 'GET' && GATEWAY_STATUS.has(failure.status))
			return retryAfterMs(failure.headers['retry-after']) ?? backoffMs(next);
		return undefined;
	}
	if (failure.kind === 'network' && (failure.reason === 'refused' || method === 'GET'))
		return backoffMs(next);
	return undefined;
}

/** A write whose answer was lost on the way: the vendor may or may not have acted. */
export function outcomeUnknown(failure: Failure): boolean {
	if (failure.kind === 'answer') return GATEWAY_STATUS.has(failure.status);
	return (
		failure.kind === 'network' && failure.reason !== 'refused' && failure.reason !== 'unreachable'
	);
}
