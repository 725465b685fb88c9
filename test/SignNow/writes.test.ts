import type { SimRequest } from '../simulators/base';
import { pdfItem, useSignNow } from './setup';

const INVITES = '/v2/documents/:id/embedded-invites';

/**
 * Every write is sent once. When its answer is lost, one read settles what happened where it can;
 * otherwise the item says plainly that the outcome is not known.
 */
describe('signNow: writes are sent once, and a lost answer is settled by a read', () => {
	const { sim, run, credentials } = useSignNow();

	const invitesPost = (r: SimRequest) => r.method === 'POST' && /\/embedded-invites$/.test(r.path);
	const appliedOk = (path: RegExp) =>
		sim.applied.filter((a) => path.test(a.request.path) && a.answer.status < 300);
	const create = (documentId: string, extra: Record<string, unknown> = {}) =>
		run(
			{
				resource: 'embeddedInvite',
				operation: 'create',
				documentId,
				invites: {
					invite: [
						{ email: 'ana@example.com', roleId: 'Signer 1', order: 1, authMethod: 'none' },
						{ email: 'ben@example.com', roleId: 'Signer 2', order: 2, authMethod: 'email' },
					],
				},
			},
			extra,
		);

	describe('Embedded Invite → Create', () => {
		it.each([504, 'drop'] as const)(
			'created, then the answer lost (%p): the document read finds the invites and outputs their real IDs',
			async (then) => {
				const doc = sim.seed();
				sim.inject({ kind: 'applied', then }, 1, invitesPost);
				const { items, error } = await create(doc.id);

				expect(error).toBeUndefined();
				expect(sim.received('POST', INVITES)).toHaveLength(1);
				expect(appliedOk(/\/embedded-invites$/)).toHaveLength(1);
				expect(sim.received('GET', '/document/:id')).toHaveLength(2);
				expect(doc.field_invites).toHaveLength(2);
				expect(items.map((i) => i.json)).toEqual([
					{
						document_id: doc.id,
						id: doc.field_invites[0].id,
						email: 'ana@example.com',
						role: 'Signer 1',
						role_id: doc.roles[0].unique_id,
						order: 1,
						status: 'pending',
					},
					{
						document_id: doc.id,
						id: doc.field_invites[1].id,
						email: 'ben@example.com',
						role: 'Signer 2',
						role_id: doc.roles[1].unique_id,
						order: 2,
						status: 'created',
					},
				]);
				expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
			},
		);

		it('a 502 before signNow acted: no invites are found, so the outcome is reported as unknown, in the Continue On Fail item', async () => {
			const doc = sim.seed();
			sim.inject({ kind: 'status', status: 502, body: '<html>Bad gateway</html>' }, 1, invitesPost);
			const { items, error } = await create(doc.id, { continueOnFail: true });

			expect(error).toBeUndefined();
			expect(sim.received('POST', INVITES)).toHaveLength(1);
			expect(sim.received('GET', '/document/:id')).toHaveLength(2);
			expect(doc.field_invites).toHaveLength(0);
			expect(items).toHaveLength(1);
			expect(items[0].json).toEqual({
				error:
					'signNow [outcome_unknown]: the answer was lost (HTTP 502 from the gateway in front of the API), so it is not known whether the embedded invites were created',
				code: 'outcome_unknown',
				httpCode: '502',
				description: expect.stringContaining(
					'It was not sent again, so that nothing happens twice. Check with Document → Get',
				),
			});
			expect(items[0].pairedItem).toEqual({ item: 0 });
		});

		it('invites from before (declined) with the same emails do not settle a lost answer as a success', async () => {
			const doc = sim.seed();
			doc.field_invites = ['ana@example.com', 'ben@example.com'].map((email, n) => ({
				id: `old-${n}`,
				email,
				role: doc.roles[n].name,
				role_id: doc.roles[n].unique_id,
				order: 1,
				status: 'declined' as const,
				is_embedded: true,
			}));
			sim.inject({ kind: 'status', status: 504, body: {} }, 1, invitesPost);
			const { error } = await create(doc.id);
			expect((error as any).context.vendorCode).toBe('outcome_unknown');
			expect(sim.received('POST', INVITES)).toHaveLength(1);
		});

		it('a refused (expired) token on the POST: one renewal, the write resent once, created once', async () => {
			const doc = sim.seed();
			const store = credentials();
			await run(
				{ resource: 'document', operation: 'get', documentId: doc.id, simplify: true },
				{ store },
			);
			sim.clearLog();
			sim.expireTokensAt(invitesPost);

			const { items, error } = await create(doc.id, { store });
			expect(error).toBeUndefined();
			expect(sim.received('POST', '/oauth2/token')).toHaveLength(1);
			const posts = sim.received('POST', INVITES);
			expect(posts).toHaveLength(2);
			expect(posts[1].headers.authorization).toBe(`Bearer ${store.get('signNowApi').accessToken}`);
			expect(posts[1].body).toEqual(posts[0].body);
			expect(appliedOk(/\/embedded-invites$/)).toHaveLength(1);
			expect(items.map((i) => i.json.id)).toEqual(doc.field_invites.map((inv) => inv.id));
		});

		it('Continue On Fail: a signNow 4xx becomes {error, code, httpCode, description}', async () => {
			const doc = sim.seed({ owner: 'someone.else@example.com' });
			const { items, error } = await create(doc.id, { continueOnFail: true });
			expect(error).toBeUndefined();
			expect(items[0].json).toEqual({
				error: 'signNow [65600]: Current user is not the document owner',
				code: '65600',
				httpCode: '403',
				description:
					'Embedded invites can only be created by the account that owns the document. Use the owner’s credential.',
			});
		});
	});

	it('Embedded Invite → Delete: deleted, then the connection dropped: the document read settles it as done', async () => {
		const doc = sim.seed({ roleNames: ['Signer 1'] });
		await run({
			resource: 'embeddedInvite',
			operation: 'create',
			documentId: doc.id,
			invites: {
				invite: [{ email: 'sam@example.com', roleId: 'Signer 1', order: 1, authMethod: 'none' }],
			},
		});
		sim.clearLog();
		sim.inject({ kind: 'applied', then: 'drop' }, 1, (r) => r.method === 'DELETE');
		const { items, error } = await run({
			resource: 'embeddedInvite',
			operation: 'delete',
			documentId: doc.id,
		});
		expect(error).toBeUndefined();
		expect(sim.received('DELETE', INVITES)).toHaveLength(1);
		expect(sim.received('GET', '/document/:id')).toHaveLength(1);
		expect(doc.field_invites).toHaveLength(0);
		expect(items[0].json).toEqual({ document_id: doc.id, deleted: true, status: 'success' });
	});

	it('Document → Delete: deleted, then the connection dropped: the 404 of the read settles it as done', async () => {
		const doc = sim.seed();
		sim.inject({ kind: 'applied', then: 'drop' }, 1, (r) => r.method === 'DELETE');
		const { items, error } = await run({
			resource: 'document',
			operation: 'delete',
			documentId: doc.id,
		});
		expect(error).toBeUndefined();
		expect(sim.received('DELETE', '/document/:id')).toHaveLength(1);
		expect(sim.received('GET', '/document/:id')).toHaveLength(1);
		expect(sim.documents.has(doc.id)).toBe(false);
		expect(items[0].json).toEqual({ id: doc.id, deleted: true, status: 'success' });
	});

	it('Document → Upload: uploaded, then a 504: reported as unknown, sent once, one document in signNow', async () => {
		const before = sim.documents.size;
		sim.inject(
			{ kind: 'applied', then: 504 },
			1,
			(r) => r.method === 'POST' && r.path === '/document',
		);
		const { items, error } = await run(
			{ resource: 'document', operation: 'upload', binaryPropertyName: 'data' },
			{ input: [pdfItem(['Tenant'])], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(sim.received('POST', '/document')).toHaveLength(1);
		expect(sim.documents.size).toBe(before + 1);
		expect(items[0].json).toEqual({
			error:
				'signNow [outcome_unknown]: the answer was lost (HTTP 504 from the gateway in front of the API), so it is not known whether the document was uploaded',
			code: 'outcome_unknown',
			httpCode: '504',
			description: expect.stringContaining(
				'Look for it in signNow (Documents) before uploading again',
			),
		});
	});
});
