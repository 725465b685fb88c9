import { useLumin } from '../Lumin/setup';

/** The shared request client and router, exercised through the Lumin node against its simulator. */
describe('shared transport: retries, waits, timeouts and broken answers', () => {
	const { sim, run } = useLumin();

	const get = (id: string, settings: Record<string, number> = {}) =>
		run({ operation: 'get', signatureRequestId: id, requestSettings: settings });
	const session = (id: string, settings: Record<string, number> = {}) =>
		run({
			operation: 'createSigningSession',
			signatureRequestId: id,
			signerEmail: 'signer@example.com',
			requestSettings: settings,
		});

	it('waits the seconds of Retry-After on 429 and then succeeds', async () => {
		const r = sim.seed();
		sim.inject({
			kind: 'status',
			status: 429,
			headers: { 'retry-after': '1' },
			body: { error_code: 'rate_limited', error_message: 'Too many requests' },
		});
		const started = Date.now();
		const { items, error } = await get(r.signature_request_id);
		expect(error).toBeUndefined();
		const calls = sim.received('GET', '/signature_request/:id');
		expect(calls).toHaveLength(2);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(items[0].json.signature_request_id).toBe(r.signature_request_id);
	});

	it('understands Retry-After as an HTTP date', async () => {
		const r = sim.seed();
		const at = new Date(Date.now() + 2000).toUTCString();
		sim.inject({ kind: 'status', status: 429, headers: { 'retry-after': at } });
		const { error } = await get(r.signature_request_id);
		expect(error).toBeUndefined();
		const calls = sim.received('GET', '/signature_request/:id');
		expect(calls).toHaveLength(2);
		expect(calls[1].at).toBeGreaterThanOrEqual(Date.parse(at) - 50);
	});

	it('retries a read after 503 and 504 with back-off, then succeeds', async () => {
		const r = sim.seed();
		sim.inject({ kind: 'status', status: 503 }).inject({ kind: 'status', status: 504 });
		const { error, items } = await get(r.signature_request_id);
		expect(error).toBeUndefined();
		const calls = sim.received('GET');
		expect(calls).toHaveLength(3);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(450);
		expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(950);
		expect(items[0].json.signature_request_id).toBe(r.signature_request_id);
	});

	it.each([502, 503, 504] as const)(
		'does not resend a write after a gateway %i: it reports the outcome as unknown',
		async (status) => {
			const r = sim.seed();
			sim.inject({
				kind: 'status',
				status,
				body: { error_code: 'gateway', error_message: 'Upstream timed out' },
			});
			const { error, items } = await session(r.signature_request_id);
			expect(items).toHaveLength(0);
			expect(sim.received('POST')).toHaveLength(1);
			expect(error?.message).toBe(
				`Lumin [outcome_unknown]: the answer was lost (HTTP ${status} from the gateway in front of the API), so it is not known whether a signing session was created`,
			);
			expect((error as any).httpCode).toBe(String(status));
			expect((error as any).description).toContain(
				'The request may have gone through. It was not sent again',
			);
			expect((error as any).description).toContain('Run the item again for a new session');
		},
	);

	it('resends a write after 429 with Retry-After: the vendor did not act on it', async () => {
		const r = sim.seed();
		sim.inject({
			kind: 'status',
			status: 429,
			headers: { 'retry-after': '1' },
			body: { error_code: 'rate_limited', error_message: 'Too many requests' },
		});
		const { error, items } = await session(r.signature_request_id);
		expect(error).toBeUndefined();
		expect(sim.received('POST')).toHaveLength(2);
		expect(sim.applied).toHaveLength(1);
		expect(items[0].json.sign_url).toEqual(expect.stringContaining('https://'));
	});

	it('gives up after Max Retries with a clear message and the vendor status', async () => {
		const r = sim.seed();
		sim.inject(
			{
				kind: 'status',
				status: 502,
				body: { error_code: 'bad_gateway', error_message: 'Upstream unavailable' },
			},
			2,
		);
		const { error } = await get(r.signature_request_id, { maxRetries: 1 });
		expect(sim.received('GET')).toHaveLength(2);
		expect(error?.message).toBe('Lumin [bad_gateway]: Upstream unavailable');
		expect((error as any).httpCode).toBe('502');
		expect((error as any).description).toContain('Still failing after 1 retries');
	});

	it('fails at once when Retry-After asks for longer than the node will wait', async () => {
		const r = sim.seed();
		sim.inject({
			kind: 'status',
			status: 429,
			headers: { 'retry-after': '600' },
			body: { error_code: 'rate_limited', error_message: 'Slow down' },
		});
		const started = Date.now();
		const { error } = await get(r.signature_request_id);
		expect(Date.now() - started).toBeLessThan(2000);
		expect(sim.received('GET')).toHaveLength(1);
		expect(error?.message).toBe('Lumin [rate_limited]: Slow down');
		expect((error as any).description).toContain('asked to wait 600 s more');
	});

	it('does not retry other client errors', async () => {
		const { error } = await get('sr_missing');
		expect(sim.received('GET')).toHaveLength(1);
		expect((error as any).httpCode).toBe('404');
	});

	it('stops waiting after the timeout; a write is not repeated and its outcome is reported as unknown', async () => {
		const r = sim.seed();
		sim.inject({ kind: 'applied', then: { delayMs: 2500 } });
		const { error } = await session(r.signature_request_id, { timeoutSeconds: 1 });
		expect(error?.message).toBe(
			'Lumin [outcome_unknown]: no answer came within 1 s, so it is not known whether a signing session was created',
		);
		expect(sim.received('POST')).toHaveLength(1);
		expect(sim.applied).toHaveLength(1);
	});

	it('stops waiting after the timeout and says so when a read never answers', async () => {
		const r = sim.seed();
		sim.inject({ kind: 'slow', delayMs: 2500 }, 2);
		const { error } = await get(r.signature_request_id, { timeoutSeconds: 1, maxRetries: 1 });
		expect(error?.message).toBe('Lumin: the API did not answer within 1 s');
		expect((error as any).description).toMatch(/^Network error E[A-Z]+\.$/);
		expect(sim.received('GET')).toHaveLength(2);
	});

	it('reports a malformed JSON answer instead of passing it on', async () => {
		const r = sim.seed();
		sim.inject({ kind: 'malformed' });
		const { error, items } = await session(r.signature_request_id);
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(
			'Lumin [malformed_response]: answered HTTP 200 with a body that is not valid JSON',
		);
	});

	it('does not repeat a POST whose connection dropped after the vendor acted, but repeats a GET', async () => {
		const r = sim.seed();
		sim.inject({ kind: 'applied', then: 'drop' });
		const post = await session(r.signature_request_id);
		expect(post.error?.message).toBe(
			'Lumin [outcome_unknown]: the connection closed before the answer arrived, so it is not known whether a signing session was created',
		);
		expect(sim.received('POST')).toHaveLength(1);
		expect(sim.applied).toHaveLength(1);

		sim.inject({ kind: 'drop' });
		const read = await get(r.signature_request_id);
		expect(read.error).toBeUndefined();
		expect(sim.received('GET')).toHaveLength(2);
	});
});

describe('shared router: parallel items, order, pairing and failures', () => {
	const { sim, run } = useLumin();

	it('runs up to Parallel Requests items at once and keeps the input order', async () => {
		const requests = Array.from({ length: 12 }, () => sim.seed());
		sim.inject({ kind: 'slow', delayMs: 150 }, 12);
		const started = Date.now();
		const { items, error } = await run(
			{
				operation: 'get',
				signatureRequestId: '={{ $json.id }}',
				requestSettings: { concurrency: 4 },
			},
			{ input: requests.map((r) => ({ json: { id: r.signature_request_id } })) },
		);
		expect(error).toBeUndefined();
		expect(sim.maxInFlight).toBe(4);
		// 1 alone, then 11 by 4: about 4 rounds of 150 ms rather than 12.
		expect(Date.now() - started).toBeLessThan(12 * 150);
		expect(items.map((i) => i.json.signature_request_id)).toEqual(
			requests.map((r) => r.signature_request_id),
		);
		expect(items.map((i) => i.pairedItem)).toEqual(requests.map((_, i) => ({ item: i })));
	});

	it('waits for one 429 together: the other parallel items are paused too and all succeed', async () => {
		const requests = Array.from({ length: 6 }, () => sim.seed());
		sim.inject({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }, 1, (req) =>
			req.path.endsWith(requests[1].signature_request_id),
		);
		const { items, error } = await run(
			{
				operation: 'get',
				signatureRequestId: '={{ $json.id }}',
				requestSettings: { concurrency: 3 },
			},
			{ input: requests.map((r) => ({ json: { id: r.signature_request_id } })) },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(6);
		expect(sim.received('GET')).toHaveLength(7);
	});

	it('without Continue On Fail the execution stops with the failing item’s index', async () => {
		const good = sim.seed();
		const { error, items } = await run(
			{
				operation: 'get',
				signatureRequestId: '={{ $json.id }}',
				requestSettings: { concurrency: 1 },
			},
			{
				input: [
					{ json: { id: good.signature_request_id } },
					{ json: { id: 'sr_gone' } },
					{ json: { id: good.signature_request_id } },
				],
			},
		);
		expect(items).toHaveLength(0);
		expect(error?.message).toContain('sr_gone not found');
		expect((error as any).context.itemIndex).toBe(1);
		expect(sim.received('GET')).toHaveLength(2);
	});

	it('with Continue On Fail every item gets an output, errors included, paired with its input', async () => {
		const good = sim.seed();
		const { error, items } = await run(
			{ operation: 'get', signatureRequestId: '={{ $json.id }}' },
			{
				input: [
					{ json: { id: 'sr_gone' } },
					{ json: { id: good.signature_request_id } },
					{ json: { id: 'a/b' } },
				],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json).toMatchObject({ code: 'signature_request_not_found', httpCode: '404' });
		expect(items[1].json.signature_request_id).toBe(good.signature_request_id);
		expect(items[2].json.error).toContain('Signature Request ID: "a/b" is not allowed');
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sim.received('GET')).toHaveLength(2);
	});
});
