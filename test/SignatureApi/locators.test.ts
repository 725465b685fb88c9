import { runListSearch } from '../harness/context';
import { useSignatureApi } from './setup';

const V11 = { typeVersion: 1.1 };
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

describe('SignatureAPI → Envelope picker (resource locator)', () => {
	const { sim, run, credentials } = useSignatureApi();
	const search = (
		options: { filter?: string; paginationToken?: string } = {},
		store = credentials(),
	) => runListSearch('signatureApi', 'searchEnvelopes', store, options);

	beforeAll(() => {
		for (let n = 0; n < 25; n++)
			sim.seedEnvelope({ title: n === 3 ? 'Lease Renewal' : `Agreement ${n}`, label: `deal-${n}` });
	});

	it('lists the newest envelopes, 20 a page, by title, label and status, with the ID as value', async () => {
		const { results, paginationToken } = await search();
		const [received] = sim.received('GET', '/envelopes');
		expect(received.query).toEqual({ limit: '20' });
		expect(received.headers['x-api-key']).toBe(sim.testKey);
		expect(results).toHaveLength(20);
		const newest = [...sim.envelopes.values()].sort((a, b) =>
			b.created_at.localeCompare(a.created_at),
		)[0];
		expect(results[0]).toEqual({
			name: `${newest.title} · ${newest.label} · in_progress`,
			value: newest.id,
		});
		expect(paginationToken).toMatch(/^seq_env_/);
	});

	it('gives the next page for the page token, and no token on the last page', async () => {
		const first = await search();
		const second = await search({ paginationToken: first.paginationToken });
		expect(sim.received('GET', '/envelopes')[1].query).toEqual({
			limit: '20',
			cursor: first.paginationToken,
		});
		expect(second.results.length).toBeGreaterThan(0);
		expect(second.paginationToken).toBeUndefined();
		const ids = [...first.results, ...second.results].map((r) => r.value);
		expect(new Set(ids).size).toBe([...sim.envelopes.values()].length);
	});

	it('filters a page by what is typed in the search box', async () => {
		const { results } = await search({ filter: 'lease' });
		expect(results.map((r) => r.name)).toEqual(['Lease Renewal · deal-3 · in_progress']);
	});

	it("fails with SignatureAPI's error for a refused key, without showing the key", async () => {
		await expect(search({}, credentials({ apiKey: 'key_test_notTheRightOne' }))).rejects.toThrow(
			/SignatureAPI \[invalid-api-key\]/,
		);
	});

	describe('Envelope → Get reads the envelope however it was given', () => {
		it.each([
			['From List', locator('list', 'ENV')],
			['By ID', locator('id', 'ENV')],
			['By ID from an expression', locator('id', '={{ "ENV" }}')],
		])('%s', async (_mode, value) => {
			const { envelope } = sim.seedEnvelope();
			const envelopeId = { ...value, value: value.value.replace('ENV', envelope.id) };
			const { items, error } = await run('envelope', { operation: 'get', envelopeId }, V11);
			expect(error).toBeUndefined();
			expect(sim.received('GET')[0].path).toBe(`/envelopes/${envelope.id}`);
			expect(items[0].json.id).toBe(envelope.id);
		});

		it('a plain ID saved by version 1, and a plain expression in version 1.1', async () => {
			const { envelope } = sim.seedEnvelope();
			const old = await run('envelope', { operation: 'get', envelopeId: envelope.id });
			const expression = await run(
				'envelope',
				{ operation: 'get', envelopeId: `={{ "${envelope.id}" }}` },
				V11,
			);
			expect(old.error).toBeUndefined();
			expect(expression.error).toBeUndefined();
			expect(sim.received('GET').map((r) => r.path)).toEqual([
				`/envelopes/${envelope.id}`,
				`/envelopes/${envelope.id}`,
			]);
		});

		it('Cancel takes the picked envelope too', async () => {
			const { envelope } = sim.seedEnvelope();
			const { items, error } = await run(
				'envelope',
				{ operation: 'cancel', envelopeId: locator('list', envelope.id), reason: '' },
				V11,
			);
			expect(error).toBeUndefined();
			expect(sim.received('POST', '/envelopes/:id/cancel')[0].path).toBe(
				`/envelopes/${envelope.id}/cancel`,
			);
			expect(items[0].json.status).toBe('canceled');
		});

		it.each([
			[locator('id', 'env_1/cancel'), '"env_1/cancel" is not allowed', 'must not contain "/"'],
			[locator('id', '={{ "" }}'), '"" is not allowed', 'The envelope ID is required.'],
			[
				locator('url', 'https://evil.example.com/envelopes/env_1'),
				'"https://evil.example.com/envelopes/env_1" is not allowed',
				'Pick the envelope from the list or enter its ID.',
			],
		])('refuses %j naming the field and value, and sends nothing', async (value, shown, rule) => {
			const { error } = await run('envelope', { operation: 'get', envelopeId: value }, V11);
			expect(error?.message).toContain(`Envelope: ${shown}`);
			expect(error?.message).toContain(rule);
			expect(sim.requests).toHaveLength(0);
		});
	});
});
