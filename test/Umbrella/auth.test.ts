import { seedParameters, useUmbrella } from './setup';
import { CredentialStore } from '../harness/credentials';
import { testCredential } from '../harness/context';

describe('Umbrella credential: one JWT for every item and execution, refreshed once on 401', () => {
	const { sim, run, credentials } = useUmbrella();

	const items = (n: number) =>
		Array.from({ length: n }, (_, k) => ({ json: { email: `signer${k}@example.com` } }));
	const perItem = { ...seedParameters, email: '={{ $json.email }}' };

	it('fetches one token for 100 items and sends it on every request', async () => {
		const before = sim.issuedTokens;
		const store = credentials();
		const result = await run(perItem, { input: items(100), store });

		expect(result.error).toBeUndefined();
		expect(sim.received('POST', '/auth')).toHaveLength(1);
		expect(sim.issuedTokens - before).toBe(1);
		const calls = sim.received('POST', '/onboarding/createSessionLink');
		expect(calls).toHaveLength(100);
		expect(new Set(calls.map((c) => c.headers.authorization)).size).toBe(1);
		expect(calls.map((c) => c.body.email)).toEqual(items(100).map((i) => i.json.email));
		expect(result.items).toHaveLength(100);
		result.items.forEach((item, k) => expect(item.pairedItem).toEqual({ item: k }));
		// The token was saved into the credential once, as n8n saves it to its database.
		expect(store.updates).toHaveLength(1);
		expect(calls[0].headers.authorization).toBe(`Bearer ${store.get('umbrellaApi').accessToken}`);
	});

	it('reuses the saved token in the next execution without calling /auth', async () => {
		const store = credentials();
		await run(seedParameters, { store });
		sim.clearLog();
		const second = await run(seedParameters, { store });
		expect(second.error).toBeUndefined();
		expect(sim.received('POST', '/auth')).toHaveLength(0);
		expect(sim.received('POST', '/onboarding/createSessionLink')).toHaveLength(1);
	});

	it('refreshes an expired token once in the middle of a run and loses no item', async () => {
		const store = credentials();
		sim.expireTokensAfter(40);
		const result = await run(perItem, { input: items(100), store });

		expect(result.error).toBeUndefined();
		expect(sim.received('POST', '/auth')).toHaveLength(2);
		const calls = sim.received('POST', '/onboarding/createSessionLink');
		const tokens = [...new Set(calls.map((c) => c.headers.authorization))];
		expect(tokens).toHaveLength(2);
		// 40 answered with the first token; the requests in flight when it expired (at least one,
		// at most the 20 Parallel Requests) were answered 401 and each repeated with the new token,
		// which the 60 remaining items use.
		const first = calls.filter((c) => c.headers.authorization === tokens[0]);
		const renewed = calls.filter((c) => c.headers.authorization === tokens[1]);
		expect(renewed).toHaveLength(60);
		const refused = first.slice(40);
		expect(refused.length).toBeGreaterThanOrEqual(1);
		expect(refused.length).toBeLessThanOrEqual(20);
		expect(calls).toHaveLength(100 + refused.length);
		for (const call of refused)
			expect(
				renewed.some((again) => JSON.stringify(again.body) === JSON.stringify(call.body)),
			).toBe(true);
		expect(result.items).toHaveLength(100);
		expect(result.items.every((item) => typeof item.json.requestId === 'string')).toBe(true);
		expect(new Set(result.items.map((item) => item.json.requestId)).size).toBe(100);
		expect(store.updates).toHaveLength(2);
	});

	it('fetches a new token when the saved one has expired between executions', async () => {
		const store = credentials({ accessToken: 'eyJhbGciOiJIUzI1NiJ9.stale.token' });
		const result = await run(seedParameters, { store });
		expect(result.error).toBeUndefined();
		expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /onboarding/createSessionLink',
			'POST /auth',
			'POST /onboarding/createSessionLink',
		]);
		expect(sim.requests[0].headers.authorization).toBe('Bearer eyJhbGciOiJIUzI1NiJ9.stale.token');
		expect(sim.requests[2].headers.authorization).toBe(
			`Bearer ${store.get('umbrellaApi').accessToken}`,
		);
	});

	it('reports a wrong API key as a 401 with a hint, without revealing the key, Customer ID or token', async () => {
		const store = new CredentialStore({
			umbrellaApi: {
				apiKey: 'ffffffff-0000-4000-8000-wrongwrongwr',
				customerId: sim.customerId,
				environment: 'custom',
				customUrl: sim.baseUrl,
				accessToken: '',
			},
		});
		const { error } = await run(seedParameters, { store });
		expect(error?.message).toBe(
			'Umbrella: could not obtain an access token (HTTP 401): Unauthorized request',
		);
		expect((error as any).httpCode).toBe('401');
		expect((error as any).description).toContain(
			'Umbrella did not accept the API Key and Customer ID',
		);
		const text = JSON.stringify(error);
		expect(text).not.toContain('ffffffff-0000-4000-8000-wrongwrongwr');
		expect(text).not.toContain(sim.customerId);
		expect(sim.received('POST', '/onboarding/createSessionLink')).toHaveLength(0);
	});

	it('has a credential test that asks /auth for a token with the key pair, at the Custom URL', async () => {
		const data = {
			apiKey: sim.apiKey,
			customerId: sim.customerId,
			environment: 'custom',
			customUrl: `${sim.baseUrl}/`,
		};
		expect(
			(await testCredential('umbrellaApi', 'umbrella', new CredentialStore({ umbrellaApi: data })))
				.status,
		).toBe('OK');
		const calls = sim.received('POST', '/auth');
		expect(calls.length).toBeGreaterThan(0);
		for (const received of calls) {
			expect(received.headers['api-key']).toBe(sim.apiKey);
			expect(received.headers['customer-id']).toBe(sim.customerId);
			expect(received.headers['content-type']).toContain('application/x-www-form-urlencoded');
		}
		const wrong = await testCredential(
			'umbrellaApi',
			'umbrella',
			new CredentialStore({ umbrellaApi: { ...data, customerId: 'someone-else' } }),
		);
		expect(wrong.status).toBe('Error');
	});
});

describe('Umbrella credential: /auth answers without a token', () => {
	const { sim, run } = useUmbrella();

	it.each([
		[
			{ status: false, message: 'Customer is disabled' },
			'Umbrella: could not obtain an access token: /auth answered status false (Customer is disabled)',
		],
		[
			{ expires_in: 3600 },
			'Umbrella: could not obtain an access token: /auth answered without an access token',
		],
	])('fails the item with the reason when /auth answers %j', async (body, message) => {
		sim.inject({ kind: 'status', status: 200, body }, 1, (r) => r.path === '/auth');
		const { error } = await run(seedParameters);
		expect(error?.message).toBe(message);
		expect(sim.received('POST', '/auth')).toHaveLength(1);
		expect(sim.received('POST', '/onboarding/createSessionLink')).toHaveLength(0);
	});

	it('accepts a token wrapped as {status, data: {access_token}} too', async () => {
		sim.inject(
			{
				kind: 'status',
				status: 200,
				body: { status: true, data: { access_token: 'eyJ.wrapped.token', expires_in: 3600 } },
			},
			1,
			(r) => r.path === '/auth',
		);
		sim.tokens.set('eyJ.wrapped.token', Date.now() + 60_000);
		const { error } = await run(seedParameters);
		expect(error).toBeUndefined();
		expect(sim.received('POST', '/onboarding/createSessionLink')[0].headers.authorization).toBe(
			'Bearer eyJ.wrapped.token',
		);
	});
});
