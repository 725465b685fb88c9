/**
 * Waiting for what a check reads. An end-to-end check never reads an execution, a simulator's log
 * or a process's output once: it waits, for a bounded time, until the condition it asserts holds,
 * and when the time runs out it says what it waited for, how long, and what it saw last.
 *
 *   const list = await waitUntil(() => server.executions(id), {
 *     until: (l) => l.length === 2,
 *     what: `2 executions of workflow ${id}`,
 *     show: (l) => `${l.length} execution(s)`,
 *     timeoutMs: 60_000,
 *   });
 */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A wait that ran out of time; its message says what was awaited, how long, and what was seen last. */
export class WaitTimeout extends Error {
	constructor(
		readonly what: string,
		readonly timeoutMs: number,
		readonly lastSeen: string,
		/** What the last read that did not throw returned (undefined if none did). */
		readonly lastValue?: unknown,
	) {
		super(`waited ${seconds(timeoutMs)} s for ${what}; last saw: ${lastSeen}`);
		this.name = 'WaitTimeout';
	}
}

/** Thrown by a read to stop waiting at once (the process it watches has exited, say). */
export class GiveUp extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'GiveUp';
	}
}

export interface WaitOptions<T> {
	/** What is awaited, for the message: "2 executions of workflow 7", "the required marker of Title". */
	what: string;
	/** Sized for a 2-core machine whose cores are both busy with other work (npm run e2e:stress). */
	timeoutMs: number;
	/** Whether what `read` returned is what is awaited; by default, whether it is truthy. */
	until?: (value: T) => boolean;
	/** How a read value appears in the timeout message; JSON by default. */
	show?: (value: T) => string;
	/**
	 * The condition must hold, with the same shown value, for this long: for counts that must not
	 * grow any more (one execution per delivery, one subscription per event).
	 */
	stableMs?: number;
	/** Pause between reads. */
	intervalMs?: number;
}

/**
 * Reads until `until(value)` holds (for `stableMs`, if given) and returns that value. A read that
 * throws counts as not yet (its message is what was seen), except `GiveUp`, which ends the wait.
 */
export async function waitUntil<T>(
	read: () => T | Promise<T>,
	options: WaitOptions<T>,
): Promise<T> {
	const {
		what,
		timeoutMs,
		until = Boolean,
		show = showValue,
		stableMs = 0,
		intervalMs = 200,
	} = options;
	const started = Date.now();
	let lastSeen = 'nothing yet';
	let lastValue: T | undefined;
	let holding: { since: number; shown: string } | undefined;
	for (;;) {
		try {
			const value = await read();
			const shown = show(value);
			lastSeen = shown;
			lastValue = value;
			if (until(value)) {
				if (!holding || holding.shown !== shown) holding = { since: Date.now(), shown };
				if (Date.now() - holding.since >= stableMs) return value;
			} else {
				holding = undefined;
			}
		} catch (error) {
			if (error instanceof GiveUp) throw error;
			lastSeen = `error: ${error instanceof Error ? error.message : String(error)}`;
			holding = undefined;
		}
		if (Date.now() - started >= timeoutMs) {
			const seen = holding
				? `${lastSeen} (held ${seconds(Date.now() - holding.since)} s of ${seconds(stableMs)} s)`
				: lastSeen;
			throw new WaitTimeout(what, timeoutMs, seen, lastValue);
		}
		await sleep(intervalMs);
	}
}

function showValue(value: unknown): string {
	if (typeof value === 'string') return value.length > 300 ? `…${value.slice(-300)}` : value;
	const json = JSON.stringify(value);
	return json === undefined ? String(value) : json.length > 300 ? `${json.slice(0, 300)}…` : json;
}

function seconds(ms: number): string {
	return (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
}
