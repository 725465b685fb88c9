import { runListSearch } from '../harness/context';
import { useLeegality } from './setup';

const V11 = { typeVersion: 1.1 };
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

describe('Leegality → Document picker (resource locator)', () => {
	const { sim, run, credentials } = useLeegality();
	const search = (
		options: { filter?: string; paginationToken?: string } = {},
		store = credentials(),
	) => runListSearch('leegality', 'searchDocuments', store, options);

	beforeAll(() => {
		for (let n = 0; n < 45; n++)
			sim.seed({ name: n === 7 ? 'Rental agreement' : `Loan agreement ${n}`, irn: `LN-${n}` });
	});

	it('lists the account’s documents, 40 a page, by name, IRN and status, with the documentId as value', async () => {
		const { results, paginationToken } = await search();
		const [received] = sim.received('GET', '/v3.0/sign/request/list');
		expect(received.query).toEqual({ max: '40', offset: '0' });
		expect(received.headers['x-auth-token']).toBe(sim.authToken);
		expect(results).toHaveLength(40);
		const first = [...sim.documents.values()][0];
		expect(results[0]).toEqual({
			name: `${first.name} · ${first.irn} · SENT`,
			value: first.documentId,
		});
		expect(paginationToken).toBe('40');
	});

	it('gives the next page for the page token, and no token after the last', async () => {
		const second = await search({ paginationToken: '40' });
		expect(sim.received('GET', '/v3.0/sign/request/list')[0].query).toEqual({
			max: '40',
			offset: '40',
		});
		expect(second.results).toHaveLength(sim.documents.size - 40);
		expect(second.paginationToken).toBeUndefined();
	});

	it("passes what is typed to Leegality's search (a whole name, documentId or IRN)", async () => {
		const { results } = await search({ filter: 'rental agreement' });
		expect(sim.received('GET', '/v3.0/sign/request/list')[0].query).toEqual({
			max: '40',
			offset: '0',
			q: 'rental agreement',
		});
		expect(results.map((r) => r.name)).toEqual(['Rental agreement · LN-7 · SENT']);
	});

	it("fails with Leegality's code for a refused token, without showing the token", async () => {
		await expect(search({}, credentials({ authToken: 'not-the-token' }))).rejects.toThrow(
			'Leegality [auth.token.invalid]',
		);
	});

	describe('Get, Download and Delete read the document however it was given', () => {
		it.each([
			['From List', 'list'],
			['By ID', 'id'],
		])('%s', async (_name, mode) => {
			const doc = sim.seed();
			const { items, error } = await run(
				{
					resource: 'signRequest',
					operation: 'get',
					documentId: locator(mode, doc.documentId),
				},
				V11,
			);
			expect(error).toBeUndefined();
			expect(sim.received('GET', '/v3.3/document/details')[0].query).toEqual({
				documentId: doc.documentId,
			});
			expect(items[0].json.documentId).toBe(doc.documentId);
		});

		it('a plain documentId saved by version 1, and an expression in version 1.1', async () => {
			const doc = sim.seed();
			const old = await run({
				resource: 'signRequest',
				operation: 'get',
				documentId: doc.documentId,
			});
			const expression = await run(
				{
					resource: 'signRequest',
					operation: 'delete',
					deleteTarget: 'document',
					documentId: locator('id', `={{ "${doc.documentId}" }}`),
				},
				V11,
			);
			expect(old.error).toBeUndefined();
			expect(expression.error).toBeUndefined();
			expect(sim.received('DELETE')[0].query).toEqual({ documentId: doc.documentId });
		});

		it('refuses a URL (Leegality has no document URLs) and a path-breaking ID, sending nothing', async () => {
			const url = await run(
				{
					resource: 'signRequest',
					operation: 'get',
					documentId: locator('url', 'https://app1.leegality.com/documents/abc'),
				},
				V11,
			);
			expect(url.error?.message).toBe(
				'Document: "https://app1.leegality.com/documents/abc" is not allowed. Pick the document from the list or enter its ID.',
			);
			const id = await run(
				{
					resource: 'signRequest',
					operation: 'download',
					documentId: locator('id', '={{ "abc/../x" }}'),
					fileType: 'DOCUMENT',
					binaryPropertyName: 'data',
				},
				V11,
			);
			expect(id.error?.message).toContain('Document: "abc/../x" is not allowed');
			expect(sim.requests).toHaveLength(0);
		});
	});
});
