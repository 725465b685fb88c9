import { runListSearch, runLoadOptions } from '../harness/context';
import { runWebhookMethod } from '../harness/trigger';
import { useSignNow } from './setup';

const V11 = { typeVersion: 1.1 };
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });
/**
 * n8n refuses to start a run whose typed-in locator fails its mode's check: 2.x names the check
 * in the error, 1.x only says the workflow has issues (the editor shows the check at the field).
 */
const stoppedBy = (check: string) =>
	new RegExp(`${check.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|The workflow has issues`);
const appUrl = (id: string) => `https://app.signnow.com/webapp/document/${id}`;

describe('signNow → Document picker (resource locator)', () => {
	const { sim, run, credentials, apiRequests } = useSignNow();
	const search = (filter?: string, store = credentials()) =>
		runListSearch('signNow', 'searchDocuments', store, { filter });

	it('lists the user’s documents, last changed first, by name, with the ID as value', async () => {
		const older = sim.seed({ document_name: 'Lease renewal', updated: 1_700_000_000 });
		const newer = sim.seed({ document_name: 'Consulting agreement', updated: 1_800_000_000 });
		const { results, paginationToken } = await search();
		const [list] = sim.received('GET', '/user/documentsv2');
		expect(list.headers.authorization).toMatch(/^Bearer /);
		const ids = results.map((r) => r.value);
		expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
		expect(results).toContainEqual({ name: 'Consulting agreement', value: newer.id });
		expect(paginationToken).toBeUndefined();
	});

	it('filters by what is typed: words of the name, or the ID', async () => {
		const doc = sim.seed({ document_name: 'Supplier NDA 2026' });
		expect((await search('nda supplier')).results).toEqual([
			{ name: 'Supplier NDA 2026', value: doc.id },
		]);
		expect((await search(doc.id.slice(0, 12))).results.map((r) => r.value)).toEqual([doc.id]);
	});

	it("fails with signNow's error, without showing a secret", async () => {
		sim.inject(
			{ kind: 'status', status: 400, body: { errors: [{ code: 65582, message: 'List failed' }] } },
			1,
			(req) => req.path === '/user/documentsv2',
		);
		await expect(search()).rejects.toThrow('signNow [65582]: List failed');
	});

	describe('every document operation reads the document however it was given', () => {
		it.each([
			['From List', (id: string) => locator('list', id)],
			['By ID', (id: string) => locator('id', id)],
			['By URL (web app)', (id: string) => locator('url', `${appUrl(id)}?from=inbox`)],
			[
				'By URL (API)',
				(id: string) => locator('url', `https://api-eval.signnow.com/document/${id}`),
			],
			['an expression in By ID', (id: string) => locator('id', `={{ "${id}" }}`)],
		])('%s', async (_mode, value) => {
			const doc = sim.seed();
			const { items, error } = await run(
				{ resource: 'document', operation: 'get', documentId: value(doc.id), simplify: true },
				V11,
			);
			expect(error).toBeUndefined();
			expect(sim.received('GET', '/document/:id')[0].path).toBe(`/document/${doc.id}`);
			expect(items[0].json.id).toBe(doc.id);
		});

		it('a plain ID saved by version 1 still runs', async () => {
			const doc = sim.seed();
			const { error } = await run({
				resource: 'document',
				operation: 'get',
				documentId: doc.id,
				simplify: true,
			});
			expect(error).toBeUndefined();
			expect(sim.received('GET', '/document/:id')[0].path).toBe(`/document/${doc.id}`);
		});

		it('Embedded Invite → Delete takes the picked document', async () => {
			const doc = sim.seed();
			const { error } = await run(
				{ resource: 'embeddedInvite', operation: 'delete', documentId: locator('list', doc.id) },
				V11,
			);
			// The seeded document has no invites: signNow says so, but the request went to it.
			expect(error?.message).toContain('signNow [65608]');
			expect(sim.received('DELETE')[0].path).toBe(`/v2/documents/${doc.id}/embedded-invites`);
		});

		const badUrls = [
			'https://evil.example.com/webapp/document/abc',
			'http://app.signnow.com/webapp/document/abc',
			'https://app.signnow.com/webapp/folder/abc',
		];

		it.each(badUrls)(
			'refuses the URL %s typed in: n8n stops the run on the field’s check, nothing is sent',
			async (url) => {
				await expect(
					run(
						{
							resource: 'document',
							operation: 'get',
							documentId: locator('url', url),
							simplify: true,
						},
						V11,
					),
				).rejects.toThrow(stoppedBy('Not a document URL such as https://app.signnow.com/'));
				expect(apiRequests()).toHaveLength(0);
			},
		);

		it.each(badUrls)(
			'refuses the URL %s from an expression, naming field and value, nothing is sent',
			async (url) => {
				const { error } = await run(
					{
						resource: 'document',
						operation: 'get',
						documentId: locator('url', `={{ "${url}" }}`),
						simplify: true,
					},
					V11,
				);
				expect(error?.message).toBe(
					`Document: "${url}" is not allowed. Must be a document URL such as https://app.signnow.com/webapp/document/016c8d15f909003085ed074a06236bc50bb3e1c3.`,
				);
				expect(apiRequests()).toHaveLength(0);
			},
		);

		it('refuses an ID that is not a signNow ID (typed in), or would reach another endpoint (expression)', async () => {
			await expect(
				run({ resource: 'document', operation: 'delete', documentId: locator('id', 'abc') }, V11),
			).rejects.toThrow(stoppedBy('A signNow document ID is 40 characters, 0-9 and a-f'));
			const expression = await run(
				{
					resource: 'document',
					operation: 'delete',
					documentId: locator('id', '={{ "abc/download" }}'),
				},
				V11,
			);
			expect(expression.error?.message).toContain('Document: "abc/download" is not allowed.');
			expect(apiRequests()).toHaveLength(0);
		});
	});

	it('the roles dropdown follows a document picked in any mode', async () => {
		const doc = sim.seed({ roleNames: ['Tenant'] });
		for (const documentId of [locator('list', doc.id), locator('url', appUrl(doc.id))]) {
			const options = await runLoadOptions(
				'signNow',
				'getDocumentRoles',
				{ resource: 'embeddedInvite', operation: 'create', documentId },
				credentials(),
			);
			expect(options.map((o) => o.name)).toEqual(['Tenant']);
		}
		sim.clearLog();
		const foreign = locator('url', 'https://evil.example.com/webapp/document/abc');
		expect(
			await runLoadOptions('signNow', 'getDocumentRoles', { documentId: foreign }, credentials()),
		).toEqual([]);
		expect(apiRequests()).toHaveLength(0);
	});

	describe('Field Invite picker (Embedded Invite → Generate Link)', () => {
		const withInvites = () => {
			const doc = sim.seed({ roleNames: ['Tenant', 'Landlord'] });
			const invite = (n: number, email: string, embedded: boolean) => ({
				id: `${n}`.repeat(40),
				email,
				role: doc.roles[n - 1].name,
				role_id: doc.roles[n - 1].unique_id,
				order: n,
				status: 'pending' as const,
				is_embedded: embedded,
			});
			doc.field_invites = [
				invite(1, 'tina@example.com', true),
				invite(2, 'lars@example.com', true),
			];
			return doc;
		};
		const invites = (documentId: string | ReturnType<typeof locator>, filter?: string) =>
			runListSearch('signNow', 'searchFieldInvites', credentials(), {
				filter,
				parameters: { resource: 'embeddedInvite', operation: 'generateLink', documentId },
			});

		it('lists the embedded invites of the document picked in any mode, by email, role and status', async () => {
			const doc = withInvites();
			for (const documentId of [locator('list', doc.id), locator('url', appUrl(doc.id)), doc.id]) {
				const { results } = await invites(documentId);
				expect(results).toEqual([
					{ name: 'tina@example.com · Tenant · pending', value: '1'.repeat(40) },
					{ name: 'lars@example.com · Landlord · pending', value: '2'.repeat(40) },
				]);
			}
			expect(sim.received('GET', '/document/:id').map((r) => r.path)).toEqual(
				Array(3).fill(`/document/${doc.id}`),
			);
			expect((await invites(locator('list', doc.id), 'lars')).results.map((r) => r.value)).toEqual([
				'2'.repeat(40),
			]);
		});

		it('leaves out invites sent by email: only embedded invites have signing links', async () => {
			const doc = withInvites();
			doc.field_invites[1].is_embedded = false;
			const { results } = await invites(locator('list', doc.id));
			expect(results.map((r) => r.value)).toEqual(['1'.repeat(40)]);
		});

		it('is empty, asking nothing of signNow, until the document is known', async () => {
			for (const documentId of [
				'',
				locator('list', ''),
				locator('id', '={{ $json.id }}'),
				locator('url', 'https://evil.example.com/webapp/document/abc'),
			])
				expect((await invites(documentId)).results).toEqual([]);
			expect(apiRequests()).toHaveLength(0);
		});

		it('Generate Link takes the invite picked from the list, or typed by ID', async () => {
			const doc = withInvites();
			for (const fieldInviteId of [
				locator('list', '2'.repeat(40)),
				locator('id', '2'.repeat(40)),
			]) {
				sim.clearLog();
				const { items, error } = await run(
					{
						resource: 'embeddedInvite',
						operation: 'generateLink',
						documentId: locator('list', doc.id),
						fieldInviteId,
						authMethod: 'none',
						options: { linkExpiration: 20 },
					},
					V11,
				);
				expect(error).toBeUndefined();
				const [sent] = sim.received('POST', '/v2/documents/:id/embedded-invites/:inviteId/link');
				expect(sent.path).toBe(`/v2/documents/${doc.id}/embedded-invites/${'2'.repeat(40)}/link`);
				expect(sent.body).toEqual({ auth_method: 'none', link_expiration: 20 });
				expect(items[0].json).toMatchObject({
					document_id: doc.id,
					field_invite_id: '2'.repeat(40),
				});
			}
		});

		it('refuses an invite ID that would reach another endpoint, naming the field, nothing sent', async () => {
			const doc = withInvites();
			const { error } = await run(
				{
					resource: 'embeddedInvite',
					operation: 'generateLink',
					documentId: locator('list', doc.id),
					fieldInviteId: locator('id', '={{ "abc/../x" }}'),
					authMethod: 'none',
					options: {},
				},
				V11,
			);
			expect(error?.message).toContain('Field Invite: "abc/../x" is not allowed.');
			expect(apiRequests()).toHaveLength(0);
		});
	});

	it('the trigger watches a document given by URL', async () => {
		const doc = sim.seed();
		sim.subscriptions.clear();
		await runWebhookMethod(
			{
				type: 'signNowTrigger',
				parameters: {
					scope: 'document',
					documentId: locator('url', appUrl(doc.id)),
					events: ['document.complete'],
				},
				credentials: credentials(),
				staticData: {},
				typeVersion: 1.1,
			},
			'create',
		);
		expect(sim.received('POST', '/api/v2/events')[0].body).toMatchObject({ entity_id: doc.id });
	});
});
