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
