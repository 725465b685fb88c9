import { ceremonyParams, useSignatureApi } from './setup';

describe('SignatureAPI rate limit (10 requests per second per key, burst 10)', () => {
	const { sim, run } = useSignatureApi();

	it('completes 60 items with 60 good results and none failed, pacing itself to the limit', async () => {
		const { recipient } = sim.seedEnvelope();
		const input = Array.from({ length: 60 }, (_, i) => ({ json: { n: i } }));
		const started = Date.now();
		const { items, error } = await run(
			'ceremony',
			ceremonyParams({
				recipientId: recipient.id,
				authentication: {
					method: [{ type: 'custom', provider: 'acme', data: '={{ { "n": $json.n } }}' }],
				},
			}),
			{ input, continueOnFail: true },
		);
		const elapsed = Date.now() - started;

		expect(error).toBeUndefined();
		expect(items).toHaveLength(60);
		expect(items.filter((item) => item.json.error !== undefined)).toHaveLength(0);
		items.forEach((item, i) => {
			expect(item.json.url).toMatch(/^https:\/\/sign\.signatureapi\.com\//);
			expect(item.pairedItem).toEqual({ item: i });
		});

		const received = sim.received('POST', '/recipients/:id/ceremonies');
		const accepted = received.filter((r) => !sim.throttled.includes(r));
		expect(accepted).toHaveLength(60);
		// Each item's own body reached the API exactly once with success.
		expect(
			accepted.map((r) => r.body.authentication[0].data.n).sort((a: number, b: number) => a - b),
		).toEqual(input.map((i) => i.json.n));
		// Any 429 was retried: every request beyond the 60 accepted ones is a throttled one.
		expect(received.length - accepted.length).toBe(sim.throttled.length);
		// Paced, not bursting: 10 at once, then 10 per second, so 60 take at least 5 s.
		expect(elapsed).toBeGreaterThanOrEqual(4900);
		// No one-second window holds more than the bucket allows (burst 10 + 10 refilled).
		const times = accepted.map((r) => r.at).sort((a, b) => a - b);
		for (let i = 0; i < times.length; i++) {
			expect(times.filter((t) => t >= times[i] && t < times[i] + 1000).length).toBeLessThanOrEqual(
				20,
			);
		}
		// The node itself never sent ahead of the published rate (every request counted, refused ones
		// too): by its k-th request at least (k - 10) / 10 s had passed. 300 ms of slack, because a
		// busy machine can delay when the first request is received.
		const sent = received.map((r) => r.at).sort((a, b) => a - b);
		sent.forEach((t, k) => {
			if (k >= 10) expect(t - sent[0]).toBeGreaterThanOrEqual(((k - 10) / 10) * 1000 - 300);
		});
	}, 20000);

	it('honours Retry-After when the key is already exhausted by someone else, and the items still succeed', async () => {
		const { recipient } = sim.seedEnvelope();
		sim.drain(sim.testKey, 500);
		const { items, error } = await run('ceremony', ceremonyParams({ recipientId: recipient.id }), {
			input: [{ json: {} }, { json: {} }, { json: {} }],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(sim.throttled.length).toBeGreaterThanOrEqual(1);
		const [throttled] = sim.throttled;
		const retried = sim
			.received('POST')
			.filter((r) => r.at > throttled.at && !sim.throttled.includes(r));
		expect(retried).toHaveLength(3);
		// Retry-After: 1 means no request went out again within that second.
		expect(retried[0].at - throttled.at).toBeGreaterThanOrEqual(950);
	});

	describe('25 ceremonies at Parallel Requests 10', () => {
		/** 25 recipients, one per item, so each ceremony created is counted on its own recipient. */
		const batch = () => {
			const recipients = Array.from({ length: 25 }, () => sim.seedEnvelope().recipient);
			const input = recipients.map((r, n) => ({ json: { recipient: r.id, n } }));
			const params = ceremonyParams({
				recipientId: '={{ $json.recipient }}',
				authentication: { method: [{ type: 'custom', provider: 'acme' }] },
				requestSettings: { concurrency: 10 },
			});
			return { recipients, input, params };
		};

		const expectEveryItemServedOnce = (
			items: Array<{ json: Record<string, unknown>; pairedItem?: unknown }>,
			recipients: Array<{ id: string; ceremonies: unknown[] }>,
		) => {
			expect(items).toHaveLength(25);
			expect(items.filter((item) => item.json.error !== undefined)).toHaveLength(0);
			items.forEach((item, n) => {
				expect(item.pairedItem).toEqual({ item: n });
				expect(item.json.recipient_id).toBe(recipients[n].id);
				expect(item.json.url).toMatch(/^https:\/\/sign\.signatureapi\.com\//);
			});
			// Exactly 25 ceremonies exist: one per recipient, none twice.
			expect(recipients.map((r) => r.ceremonies.length)).toEqual(Array(25).fill(1));
			expect(sim.applied.filter((a) => a.answer.status === 201)).toHaveLength(25);
			// Every POST beyond those 25 is one the limiter refused (429), resent after the wait.
			expect(sim.received('POST', '/recipients/:id/ceremonies').length - 25).toBe(
				sim.throttled.length,
			);
		};

		it('on a key another workflow has just used up: the 429s are waited out, no item fails or is lost, and 25 are created', async () => {
			const { recipients, input, params } = batch();
			// Used up for the next half second too, so the batch meets the limit however fast n8n starts it.
			sim.drain(sim.testKey, 500);
			const { items, error } = await run('ceremony', params, { input, continueOnFail: true });
			expect(error).toBeUndefined();
			expect(sim.throttled.length).toBeGreaterThanOrEqual(1);
			expectEveryItemServedOnce(items, recipients);
		}, 20000);

		it('when the key is used up again in the middle of the batch, with items in flight: still none failed, 25 created', async () => {
			const { recipients, input, params } = batch();
			// Another workflow's burst empties the key just as this batch's 12th request arrives
			// (a harmless no-delay fault, used only to act at that moment).
			sim.inject({ kind: 'slow', delayMs: 0 }, 1, (r) => {
				if (r.method !== 'POST' || sim.received('POST').length !== 12) return false;
				sim.drain(sim.testKey, 300);
				return true;
			});
			const { items, error } = await run('ceremony', params, { input, continueOnFail: true });
			expect(error).toBeUndefined();
			const posts = sim.received('POST');
			expect(sim.throttled[0]).toBe(posts[11]);
			expect(sim.throttled.length).toBeGreaterThanOrEqual(2);
			expectEveryItemServedOnce(items, recipients);
		}, 20000);

		it('without Continue On Fail too: the node succeeds with 25 items and 25 ceremonies', async () => {
			const { recipients, input, params } = batch();
			sim.drain(sim.testKey, 500);
			const { items, error } = await run('ceremony', params, { input });
			expect(error).toBeUndefined();
			expect(sim.throttled.length).toBeGreaterThanOrEqual(1);
			expectEveryItemServedOnce(items, recipients);
		}, 20000);

		it('on a fresh key: paced below the limit, 25 created and none failed', async () => {
			const { recipients, input, params } = batch();
			const { items, error } = await run('ceremony', params, { input, continueOnFail: true });
			expect(error).toBeUndefined();
			expectEveryItemServedOnce(items, recipients);
			expect(sim.maxInFlight).toBeLessThanOrEqual(10);
		}, 20000);
	});

	const tooMany = {
		kind: 'status' as const,
		status: 429,
		headers: { 'content-type': 'application/problem+json', 'retry-after': '0' },
		body: {
			type: 'https://signatureapi.com/docs/v1/errors/too-many-requests',
			title: 'Too Many Requests',
			status: 429,
			detail: 'Rate limit exceeded.',
		},
	};

	it('waits out more 429s than Max Retries: being told to slow down is not a failure', async () => {
		const { recipient } = sim.seedEnvelope();
		sim.inject(tooMany, 6);
		const { items, error } = await run('ceremony', ceremonyParams({ recipientId: recipient.id }));
		expect(error).toBeUndefined();
		expect(sim.received('POST')).toHaveLength(7);
		expect(sim.applied.filter((a) => a.answer.status === 201)).toHaveLength(1);
		expect(items[0].json.recipient_id).toBe(recipient.id);
	});

	it('fails the item with the vendor’s 429 problem and a plain hint when Max Retries is 0', async () => {
		const { recipient } = sim.seedEnvelope();
		sim.inject(tooMany, 1);
		const { error } = await run('ceremony', {
			...ceremonyParams({ recipientId: recipient.id }),
			requestSettings: { maxRetries: 0 },
		});
		expect(sim.received('POST')).toHaveLength(1);
		expect(error?.message).toBe(
			'SignatureAPI [too-many-requests]: Too Many Requests: Rate limit exceeded.',
		);
		expect((error as any).description).toBe(
			"Max Retries is 0, so it was not asked again. Lower the node's Parallel Requests or try again later.",
		);
	});
});
