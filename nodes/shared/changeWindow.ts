/**
 * The cursor of a polling trigger whose vendor lists changes with a time: which changes it has
 * handled, so that every later poll reports each change once, whatever else it reads again.
 *
 * A change has a key (what makes it this change and no other) and a time (ms). The window keeps
 * `since` and `seen`: every change from `since` on is either in `seen` (handled) or still to be
 * handled; changes before `since` were handled or came before the trigger started. So a change
 * sharing its time with the last one handled is told apart by its key, and one the vendor lists
 * a little late (older than the newest handled) is still caught, as long as it is no older than
 * the look-back before the newest handled change.
 */

export interface Change {
	key: string;
	/** When the change happened, in ms; the vendor's own clock. */
	time: number;
}

export interface ChangeWindow {
	since: number;
	/** Key → time of the changes handled from `since` on. */
	seen: Record<string, number>;
}

/**
 * How far back, from the newest change handled, changes listed late are still caught, unless a
 * trigger says otherwise. Every poll reads at least that far back again.
 */
export const LOOKBACK_MS = 60_000;

/** The most keys a window keeps; past it the oldest times go, and `since` moves up to them. */
export const MAX_SEEN = 2_000;

/**
 * The window a trigger starts with: everything listed now counts as handled. `since` is the time
 * of the newest change listed (0 when there is none, so that any later change is new), read from
 * the vendor's clock rather than n8n's, which may differ from it.
 */
export function openWindow(current: Change[]): ChangeWindow {
	const since = current.reduce((newest, change) => Math.max(newest, change.time), 0);
	const seen: Record<string, number> = {};
	for (const change of current) if (change.time === since) seen[change.key] = change.time;
	return { since, seen };
}

/** The window kept in static data, or undefined when there is none (or it is unreadable). */
export function readWindow(value: unknown): ChangeWindow | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const { since, seen } = value as Partial<ChangeWindow>;
	if (typeof since !== 'number' || !seen || typeof seen !== 'object') return undefined;
	return { since, seen: { ...seen } };
}

/** Whether `change` is still to be handled. */
export function isNew(window: ChangeWindow, change: Change): boolean {
	return change.time >= window.since && !(change.key in window.seen);
}

/** Whether a change at `time` is older than anything the window can still hold. */
export function isBefore(window: ChangeWindow, time: number): boolean {
	return time < window.since;
}

/** Oldest first; changes of the same time in the order `rank` gives, then in the order given. */
export function oldestFirst<T extends Change>(changes: T[], rank: (change: T) => number = () => 0) {
	return [...changes].sort((a, b) => a.time - b.time || rank(a) - rank(b));
}

/**
 * The window after `handled` (changes handled by this poll, oldest first): they join `seen`,
 * `since` follows the newest one less the look-back, and keys older than `since` are let go.
 */
export function advance(
	window: ChangeWindow,
	handled: Change[],
	lookbackMs = LOOKBACK_MS,
): ChangeWindow {
	const seen = { ...window.seen };
	let newest = -Infinity;
	for (const change of handled) {
		seen[change.key] = change.time;
		newest = Math.max(newest, change.time);
	}
	let since = Math.max(window.since, newest - lookbackMs);
	let kept = Object.entries(seen).filter(([, time]) => time >= since);
	if (kept.length > MAX_SEEN) {
		// Keys go a whole time at a time, so no change at the new `since` is forgotten while
		// another of the same time is kept.
		kept.sort((a, b) => a[1] - b[1]);
		let cut = kept.length - MAX_SEEN;
		while (cut < kept.length && kept[cut][1] === kept[cut - 1][1]) cut++;
		since = cut < kept.length ? kept[cut][1] : newest + 1;
		kept = kept.slice(cut);
	}
	return { since, seen: Object.fromEntries(kept) };
}
