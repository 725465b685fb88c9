import { runLoadOptions, testCredential } from '../harness/context';
import { useSignNow } from './setup';

describe('signNow credential', () => {
	const { sim, run, credentials } = useSignNow();

	const getDocument = (documentId: string) => ({
		resource: 'document',
		operation: 'get',
		documentId,
		simplify: true,
	});

	it('fetches one token by password grant for 25 items, saves it, and reuses it in the next execution', async () => {
		const doc = sim.seed();
		const store = credentials();
		const input = Array.from({ length: 25 }, (_, i) => ({ json: { n: i } }));
		const first = await run(getDocument(doc.id), { input, store });

		expect(first.error).toBeUndefined();
		const tokenCalls = sim.received('POST', '/oauth2/token');
		expect(tokenCalls).toHaveLength(1);
		expect(tokenCalls[0].headers.authorization).toBe(`Basic ${sim.basicToken}`);
		expect(tokenCalls[0].headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(tokenCalls[0].body).toEqual({
			grant_type: 'password',
			username: sim.username,
			password: sim.password,
			scope: '*',
		});

		expect(store.updates).toHaveLength(1);
		const token = store.updates[0].data.accessToken as string;
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		const reads = sim.received('GET', '/document/:id');
		expect(reads).toHaveLength(25);
		expect(new Set(reads.map((r) => r.headers.authorization))).toEqual(
			new Set([`Bearer ${token}`]),
		);
		expect(first.items).toHaveLength(25);
		first.items.forEach((item, i) => {
			expect(item.json.id).toBe(doc.id);
			expect(item.pairedItem).toEqual({ item: i });
		});

		sim.clearLog();
		const second = await run(getDocument(doc.id), { store });
		expect(second.error).toBeUndefined();
		expect(sim.received('POST', '/oauth2/token')).toHaveLength(0);
		expect(sim.received('GET')[0].headers.authorization).toBe(`Bearer ${token}`);
	});

	it('refreshes the token exactly once after a 401 and loses no item', async () => {
		const doc = sim.seed();
		const store = credentials();
		await run(getDocument(doc.id), { store });
		const oldToken = store.get('signNowApi').accessToken;
		sim.clearLog();

		sim.expireTokens();
		const input = Array.from({ length: 5 }, (_, i) => ({ json: { n: i } }));
		const { items, error } = await run(getDocument(doc.id), { input, store });

		expect(error).toBeUndefined();
		expect(sim.received('POST', '/oauth2/token')).toHaveLength(1);
		expect(store.updates).toHaveLength(2);
		const newToken = store.get('signNowApi').accessToken;
		expect(newToken).not.toBe(oldToken);
		const reads = sim.received('GET', '/document/:id');
		// The refused attempt, its retry, then the other four items: all with the new token but the first.
		expect(reads.map((r) => r.headers.authorization)).toEqual([
			`Bearer ${oldToken}`,
			...Array(5).fill(`Bearer ${newToken}`),
		]);
		expect(items).toHaveLength(5);
		expect(items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});

	it('refreshes once after an injected 401 in the middle of a run', async () => {
		const doc = sim.seed();
		const store = credentials();
		await run(getDocument(doc.id), { store });
		sim.clearLog();
		sim.inject(
			{ kind: 'status', status: 401, body: { errors: [{ code: 1537, message: 'Invalid token' }] } },
			1,
			(r) => r.path.startsWith('/document/') && sim.received('GET').length === 3,
		);

		const input = Array.from({ length: 5 }, (_, i) => ({ json: { n: i } }));
		const { items, error } = await run(getDocument(doc.id), { input, store });
		expect(error).toBeUndefined();
		expect(sim.received('POST', '/oauth2/token')).toHaveLength(1);
		expect(store.updates).toHaveLength(2);
		expect(sim.received('GET', '/document/:id')).toHaveLength(6);
		expect(items).toHaveLength(5);
	});

	it('uses a pasted access token as it is, without the token endpoint', async () => {
		const doc = sim.seed();
		const pasted = sim.issueToken();
		const store = credentials({
			authentication: 'accessToken',
			pastedToken: pasted,
			clientSecret: '',
			password: '',
		});
		const { items, error } = await run(getDocument(doc.id), { store });
		expect(error).toBeUndefined();
		expect(sim.received('POST', '/oauth2/token')).toHaveLength(0);
		expect(sim.received('GET', '/document/:id')[0].headers.authorization).toBe(`Bearer ${pasted}`);
		expect(items[0].json.id).toBe(doc.id);
	});

	it('reports an expired pasted token as a 401 with a hint, without showing it', async () => {
		const store = credentials({
			authentication: 'accessToken',
			pastedToken: 'expired-token-4f2a9b7c1d',
		});
		const { error } = await run(getDocument('abc123'), { store });
		expect(error?.message).toBe('signNow [1537]: Invalid token');
		expect((error as any).description).toContain('pasted token may have expired');
		expect(JSON.stringify(error)).not.toContain('expired-token-4f2a9b7c1d');
	});

	it('reports a wrong password with signNow’s message, never the password', async () => {
		const store = credentials({ password: 'wrong-password-8812' });
		const { error } = await run(getDocument('abc123'), { store });
		expect(error?.message).toBe(
			'signNow [65536]: could not obtain an access token (HTTP 400): Invalid credentials.',
		);
		expect((error as any).httpCode).toBe('400');
		expect((error as any).description).toContain('Check the Username and Password');
		expect(sim.received('GET')).toHaveLength(0);
		expect(JSON.stringify(error)).not.toContain('wrong-password-8812');
	});

	it('reports a wrong client secret as invalid_client', async () => {
		const { error } = await run(getDocument('abc123'), {
			store: credentials({ clientSecret: 'not-the-secret-1234' }),
		});
		expect(error?.message).toBe(
			'signNow [invalid_client]: could not obtain an access token (HTTP 401): Client authentication failed',
		);
		expect((error as any).description).toContain('Check the Client ID and Client Secret');
		expect(sim.received('GET')).toHaveLength(0);
	});

	it('passes its Test request (GET /oauth2/token) against the simulator', async () => {
		const store = credentials();
		expect((await testCredential('signNowApi', 'signNow', store)).status).toBe('OK');
		expect(sim.received('POST', '/oauth2/token')).toHaveLength(1);
		expect(sim.received('GET', '/oauth2/token')[0].headers.authorization).toBe(
			`Bearer ${store.get('signNowApi').accessToken}`,
		);
	});

	it('fills the role dropdown from the document named in Document ID', async () => {
		const doc = sim.seed({ roleNames: ['Tenant', 'Landlord'] });
		const store = credentials();
		const options = await runLoadOptions(
			'signNow',
			'getDocumentRoles',
			{ resource: 'embeddedInvite', operation: 'create', documentId: doc.id },
			store,
		);
		expect(options).toEqual([
			{ name: 'Landlord', value: doc.roles[1].unique_id, description: 'Signing order 2' },
			{ name: 'Tenant', value: doc.roles[0].unique_id, description: 'Signing order 1' },
		]);
		expect(sim.received('GET', '/document/:id')[0].path).toBe(`/document/${doc.id}`);

		sim.clearLog();
		expect(await runLoadOptions('signNow', 'getDocumentRoles', { documentId: '' }, store)).toEqual(
			[],
		);
		expect(sim.requests).toHaveLength(0);
	});
});
