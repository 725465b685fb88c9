import type { SimRequest } from '../simulators/base';
import { pdfItem, useSignNow } from './setup';

const INCOMPLETE = 'signNow [incomplete_answer]: answered without what this operation needs';

/**
 * signNow answering 200 with a body that lacks what the operation needs: the item fails and the
 * message names what is missing, instead of an output item that looks like a success.
 */
describe('signNow: a 200 answer without what the operation needs is an error', () => {
	const { sim, run } = useSignNow();

	/** The next request matching `match` gets HTTP 200 with `body` (signNow does not act on it). */
	const answer200 = (body: unknown, match: (r: SimRequest) => boolean) =>
		sim.inject({ kind: 'status', status: 200, body }, 1, match);
	const isPost = (path: RegExp) => (r: SimRequest) => r.method === 'POST' && path.test(r.path);
	const invitesPost = isPost(/\/embedded-invites$/);

	async function expectIncomplete(promise: ReturnType<typeof run>, missing: string) {
		const { items, error } = await promise;
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(`${INCOMPLETE} (${missing})`);
		expect((error as any).description).toContain('lacks the fields above');
	}

	describe('Embedded Invite → Create', () => {
		const create = (documentId: string, emails: string[]) =>
			run({
				resource: 'embeddedInvite',
				operation: 'create',
				documentId,
				invites: {
					invite: emails.map((email, n) => ({
						email,
						roleId: `Signer ${n + 1}`,
						order: 1,
						authMethod: 'none',
					})),
				},
			});

		it.each([
			['no data at all', {}, 'data is missing'],
			[
				'an empty list',
				{ data: [] },
				'data: lists no created invite for ana@example.com, ben@example.com',
			],
			[
				'one invite of two',
				{ data: [{ id: 'f1', email: 'ana@example.com' }] },
				'data: lists no created invite for ben@example.com',
			],
			[
				'invites without IDs',
				{ data: [{ email: 'ana@example.com' }, { email: 'ben@example.com' }] },
				'data.0.id is missing; data.1.id is missing',
			],
			[
				'invites without emails',
				{ data: [{ id: 'f1' }, { id: 'f2' }] },
				'data.0.email is missing; data.1.email is missing',
			],
		])('%s', async (_what, body, missing) => {
			const doc = sim.seed();
			answer200(body, invitesPost);
			await expectIncomplete(create(doc.id, ['ana@example.com', 'ben@example.com']), missing);
			expect(sim.received('POST', '/v2/documents/:id/embedded-invites')).toHaveLength(1);
		});

		it('matches the created invites by email, whatever order signNow lists them in', async () => {
			const doc = sim.seed();
			answer200(
				{
					data: [
						{ id: 'inv-ben', email: 'BEN@example.com', status: 'created' },
						{
							id: 'inv-ana',
							email: 'ana@example.com',
							role_id: doc.roles[0].unique_id,
							order: 1,
							status: 'pending',
						},
					],
				},
				invitesPost,
			);
			const { items, error } = await create(doc.id, ['ana@example.com', 'ben@example.com']);
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json)).toEqual([
				{
					document_id: doc.id,
					id: 'inv-ana',
					email: 'ana@example.com',
					role: 'Signer 1',
					role_id: doc.roles[0].unique_id,
					order: 1,
					status: 'pending',
				},
				{
					document_id: doc.id,
					id: 'inv-ben',
					email: 'BEN@example.com',
					role: 'Signer 2',
					role_id: doc.roles[1].unique_id,
					order: 1,
					status: 'created',
				},
			]);
		});

		it('a document read without roles or invites stops before anything is created', async () => {
			const doc = sim.seed();
			answer200({ id: doc.id, document_name: 'x' }, (r) => r.method === 'GET');
			await expectIncomplete(
				create(doc.id, ['ana@example.com', 'ben@example.com']),
				'roles is missing; field_invites is missing',
			);
			expect(sim.received('POST', '/v2/documents/:id/embedded-invites')).toHaveLength(0);
		});
	});

	describe('Embedded Invite → Generate Link', () => {
		const link = () =>
			run({
				resource: 'embeddedInvite',
				operation: 'generateLink',
				documentId: 'doc1',
				fieldInviteId: 'inv1',
				authMethod: 'none',
			});
		it.each([
			['no data', {}, 'data is missing'],
			['data without a link', { data: {} }, 'data.link is missing'],
			['a link that is not a URL', { data: { link: 'see dashboard' } }, 'data.link: Invalid url'],
		])('%s', async (_what, body, missing) => {
			answer200(body, isPost(/\/link$/));
			await expectIncomplete(link(), missing);
		});
	});

	describe('Embedded Invite → Delete and Document → Delete', () => {
		it.each([
			['embeddedInvite', /\/embedded-invites$/],
			['document', /^\/document\//],
		])('%s: an answer without status "success"', async (resource, path) => {
			const doc = sim.seed();
			const del = () => run({ resource, operation: 'delete', documentId: doc.id });
			sim.inject(
				{ kind: 'status', status: 200, body: {} },
				1,
				(r) => r.method === 'DELETE' && path.test(r.path),
			);
			await expectIncomplete(del(), 'status is missing');
			sim.inject(
				{ kind: 'status', status: 200, body: { status: 'failed' } },
				1,
				(r) => r.method === 'DELETE' && path.test(r.path),
			);
			await expectIncomplete(del(), 'status: is "failed", not "success"');
		});
	});

	describe('Document → Upload and Upload From URL', () => {
		it('Upload: an answer without the new document’s id', async () => {
			answer200({ status: 'ok' }, isPost(/^\/document$/));
			await expectIncomplete(
				run(
					{ resource: 'document', operation: 'upload', binaryPropertyName: 'data' },
					{ input: [pdfItem(['A'])] },
				),
				'id is missing',
			);
		});

		it('Upload From URL: an answer with neither id nor document_id; document_id alone is read', async () => {
			const upload = () =>
				run({
					resource: 'document',
					operation: 'uploadFromUrl',
					url: 'https://files.example.com/nda.pdf',
				});
			answer200({}, isPost(/\/v2\/documents\/url$/));
			await expectIncomplete(
				upload(),
				'the answer: has no document ID (neither id nor document_id)',
			);
			answer200({ document_id: 'doc-from-url' }, isPost(/\/v2\/documents\/url$/));
			const { items, error } = await upload();
			expect(error).toBeUndefined();
			expect(items[0].json.id).toBe('doc-from-url');
		});
	});

	describe('Document → Get and Download', () => {
		it('Get: a document without roles or invites is not reported as a draft', async () => {
			const doc = sim.seed();
			answer200({ id: doc.id }, (r) => r.method === 'GET');
			await expectIncomplete(
				run({ resource: 'document', operation: 'get', documentId: doc.id, simplify: true }),
				'roles is missing; field_invites is missing',
			);
			answer200(
				{ id: doc.id, roles: [], field_invites: [{ status: 'pending' }] },
				(r) => r.method === 'GET',
			);
			await expectIncomplete(
				run({ resource: 'document', operation: 'get', documentId: doc.id, simplify: false }),
				'field_invites.0.id is missing',
			);
		});

		it('Download: an answer that is not a PDF does not become the file', async () => {
			const doc = sim.seed();
			const download = () =>
				run({
					resource: 'document',
					operation: 'download',
					documentId: doc.id,
					binaryPropertyName: 'data',
				});
			answer200({ message: 'ok' }, (r) => r.path.endsWith('/download'));
			await expectIncomplete(download(), 'file.start: is not a PDF (it does not start with %PDF-)');
			answer200('<html><body>Maintenance</body></html>', (r) => r.path.endsWith('/download'));
			await expectIncomplete(download(), 'file.start: is not a PDF (it does not start with %PDF-)');
		});
	});
});
