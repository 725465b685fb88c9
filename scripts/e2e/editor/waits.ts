/**
 * How the editor checks wait for the page: for the visible effect of what they did (a field left
 * → its required marker, a choice made → the fields it shows, a save → the banner), each for a
 * bounded time sized for a 2-core machine with both cores busy, and when time runs out with a
 * message saying what was awaited and what the page showed instead. Never a fixed delay.
 */
import type { Locator } from 'playwright-core';

import { waitUntil, type WaitOptions, WaitTimeout } from '../lib/wait';

/** A reaction of the editor to one action (a click, a choice, a save), on a loaded machine. */
export const UI_TIMEOUT = 20_000;
/** A whole page load (the editor's bundle and its first REST calls). */
export const PAGE_LOAD = 60_000;
/** A run from the canvas, every node against a simulator. */
export const RUN_TIMEOUT = 120_000;

/** What a locator matches now, for a timeout message. */
async function describe(locator: Locator): Promise<string> {
	const count = await locator.count().catch(() => 0);
	if (!count) return 'no such element';
	const visible = await locator
		.first()
		.isVisible()
		.catch(() => false);
	const text = visible
		? (
				await locator
					.first()
					.innerText({ timeout: 1000 })
					.catch(() => '')
			)
				.replace(/\s+/g, ' ')
				.trim()
				.slice(0, 160)
		: '';
	return `${count} matching, the first ${visible ? `visible${text ? ` ("${text}")` : ''}` : 'hidden'}`;
}

/**
 * Waits until `locator` is visible (or hidden); throws a WaitTimeout naming `what` and what the
 * locator matched then (or what `seen` reads, a node's text say).
 */
export async function waitForState(
	locator: Locator,
	what: string,
	state: 'visible' | 'hidden' | 'attached' = 'visible',
	timeoutMs = UI_TIMEOUT,
	seen: () => Promise<string> = () => describe(locator),
): Promise<void> {
	try {
		await locator.first().waitFor({ state, timeout: timeoutMs });
	} catch (error) {
		if (error instanceof Error && error.name === 'TimeoutError')
			throw new WaitTimeout(what, timeoutMs, await seen().catch((e) => String(e)));
		throw error;
	}
}

/** Whether `locator` becomes visible within `timeoutMs` (for a step that has a fallback). */
export async function appears(locator: Locator, timeoutMs: number): Promise<boolean> {
	return await locator
		.first()
		.waitFor({ timeout: timeoutMs })
		.then(
			() => true,
			() => false,
		);
}

/** Reads the page until `until` holds (see waitUntil), every 100 ms, within UI_TIMEOUT unless told. */
export async function pageUntil<T>(
	read: () => Promise<T>,
	options: Omit<WaitOptions<T>, 'timeoutMs'> & { timeoutMs?: number },
): Promise<T> {
	return await waitUntil(read, {
		intervalMs: 100,
		...options,
		timeoutMs: options.timeoutMs ?? UI_TIMEOUT,
	});
}
