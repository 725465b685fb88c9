import {
	advance,
	isNew,
	LOOKBACK_MS,
	MAX_SEEN,
	oldestFirst,
	openWindow,
	readWindow,
} from '../../nodes/shared/changeWindow';

const change = (key: string, time: number) => ({ key, time });

describe('the change window (a polling trigger’s cursor)', () => {
	it('opens at the newest change listed, holding the keys of that time only', () => {
		const window = openWindow([change('a', 5), change('b', 9), change('c', 9)]);
		expect(window).toEqual({ since: 9, seen: { b: 9, c: 9 } });
		expect(isNew(window, change('d', 9))).toBe(true);
		expect(isNew(window, change('b', 9))).toBe(false);
		expect(isNew(window, change('a', 5))).toBe(false);
		expect(openWindow([])).toEqual({ since: 0, seen: {} });
	});

	it('moves `since` to the newest handled change less the look-back, and lets older keys go', () => {
		const start = { since: 0, seen: {} };
		const window = advance(start, [change('a', 1_000), change('b', 100_000)]);
		expect(window).toEqual({ since: 100_000 - LOOKBACK_MS, seen: { b: 100_000 } });
		expect(advance(window, [change('c', 50_000)], 10_000).since).toBe(100_000 - LOOKBACK_MS);
		expect(advance(window, [], 10_000)).toEqual(window);
	});

	it('keeps at most MAX_SEEN keys, dropping whole times so no key of the new `since` is lost', () => {
		const handled = Array.from({ length: MAX_SEEN + 10 }, (_, i) =>
			change(`k${i}`, Math.floor(i / 4)),
		);
		const window = advance({ since: 0, seen: {} }, handled, Infinity);
		expect(Object.keys(window.seen).length).toBeLessThanOrEqual(MAX_SEEN);
		const kept = Object.values(window.seen);
		expect(Math.min(...kept)).toBe(window.since);
		// Every key at or after `since` is still there.
		for (const c of handled) if (c.time >= window.since) expect(window.seen[c.key]).toBe(c.time);
	});

	it('sorts oldest first, then by rank, then in the order given; reads back only a well-formed window', () => {
		expect(oldestFirst([change('b', 2), change('a', 2), change('z', 1)]).map((c) => c.key)).toEqual(
			['z', 'b', 'a'],
		);
		expect(
			oldestFirst([change('a', 2), change('b', 2)], (c) => (c.key === 'a' ? 1 : 0)).map(
				(c) => c.key,
			),
		).toEqual(['b', 'a']);
		expect(readWindow({ since: 3, seen: { a: 3 } })).toEqual({ since: 3, seen: { a: 3 } });
		expect(readWindow({ since: '3', seen: {} })).toBeUndefined();
		expect(readWindow(undefined)).toBeUndefined();
	});
});
