import { createParameters, pdfInput, useLeegality } from './setup';

/**
 * A status-1 answer that lacks what the operation needs fails the item with incomplete_answer,
 * naming what is missing, instead of passing on an empty or made-up result.
 */
describe('Leegality: status-1 answers without what the operation needs', () => {
	const { sim, run } = useLeegality();

	const incomplete = (problems: string) =>
		`Leegality [incomplete_answer]: answered without what this operation needs (${problems})`;
	const success = (data: unknown) => ({
		status: 1,
		data,
		messages: [{ code: 'x.success', message: 'Done.' }],
	});

	describe('Sign Request → Create', () => {
		it.each([
			['no data', { status: 1, messages: [] }, 'data is missing'],
			['empty data', success({}), 'data.documentId is missing; data.invitees is missing'],
			['no invitees', success({ documentId: 'DocA1' }), 'data.invitees is missing'],
			[
				'an empty invitee list',
				success({ documentId: 'DocA1', invitees: [] }),
				'data.invitees: lists no invitee',
			],
			[
				'an invitee without signUrl',
				success({
					documentId: 'DocA1',
					invitees: [
						{ name: 'A', email: 'a@example.com', signUrl: 'https://sandbox.leegality.com/sign/a' },
						{ name: 'B' },
					],
				}),
				'data.invitees.1.signUrl is missing',
			],
			[
				'an empty documentId and a signUrl that is not a URL, under invitations',
				success({ documentId: '', invitations: [{ signUrl: 'sign-here' }] }),
				'data.documentId: is empty; data.invitations.0.signUrl: is not a URL',
			],
		])('fails on %s, naming it, after one request', async (_what, body, problems) => {
			sim.inject({ kind: 'status', status: 200, body });
			const { items, error } = await run(createParameters(), { input: pdfInput() });
			expect(sim.received('POST', '/v3.0/sign/request')).toHaveLength(1);
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(incomplete(problems));
			expect((error as any).context.vendorCode).toBe('incomplete_answer');
		});
	});

	describe('Sign Request → Get', () => {
		it.each([
			['no data', { status: 1 }, 'data is missing'],
			['data that is a list', success([]), 'data: Expected object, received array'],
			['no document', success({ invitations: [] }), 'data.document is missing'],
			[
				'a document without status',
				success({ document: { documentId: 'DocA1' } }),
				'data.document.status is missing',
			],
		])('fails on %s, naming it', async (_what, body, problems) => {
			const doc = sim.seed();
			sim.inject({ kind: 'status', status: 200, body });
			const { items, error } = await run({
				resource: 'signRequest',
				operation: 'get',
				documentId: doc.documentId,
			});
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(incomplete(problems));
		});

		it('reads a status given at the top of data', async () => {
			const doc = sim.seed();
			sim.inject({
				kind: 'status',
				status: 200,
				body: success({ status: 'COMPLETED', invitations: [] }),
			});
			const { items, error } = await run({
				resource: 'signRequest',
				operation: 'get',
				documentId: doc.documentId,
			});
			expect(error).toBeUndefined();
			expect(items[0].json).toEqual({
				documentId: doc.documentId,
				status: 'COMPLETED',
				invitations: [],
			});
		});
	});

	describe('Sign Request → Get Many', () => {
		const getMany = { resource: 'signRequest', operation: 'getMany', returnAll: true };

		it.each([
			['no data', { status: 1 }, 'data is missing'],
			['data without a document list', success({ total: 3 }), 'data.documents is missing'],
			[
				'a list entry that is not a document',
				success({ documents: [{ documentId: 'DocA1' }, 'DocB2'] }),
				'data.documents.1: Expected object, received string',
			],
		])('fails on %s rather than reporting no documents', async (_what, body, problems) => {
			sim.inject({ kind: 'status', status: 200, body });
			const { items, error } = await run(getMany);
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(incomplete(problems));
		});

		it.each([
			['data itself', [{ documentId: 'DocA1' }]],
			['data.list', { list: [{ documentId: 'DocA1' }] }],
		])('reads a list given as %s', async (_where, data) => {
			sim.inject({ kind: 'status', status: 200, body: success(data) });
			const { items, error } = await run(getMany);
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json)).toEqual([{ documentId: 'DocA1' }]);
		});

		it('outputs nothing, without error, for an empty list', async () => {
			sim.inject({ kind: 'status', status: 200, body: success({ documents: [] }) });
			const { items, error } = await run(getMany);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(0);
		});
	});

	describe('Sign Request → Download', () => {
		const download = (documentId: string) => ({
			resource: 'signRequest',
			operation: 'download',
			documentId,
			fileType: 'DOCUMENT',
			binaryPropertyName: 'data',
		});

		it('fails on a status-1 JSON envelope instead of the file', async () => {
			const doc = sim.seed();
			sim.inject({ kind: 'status', status: 200, body: success({}) });
			const { items, error } = await run(download(doc.documentId));
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(
				incomplete(
					'contentType: Leegality sent JSON instead of the file; startsWith: the file is not a PDF',
				),
			);
		});

		it('fails on a JSON answer without status with Leegality’s rule, not as a file', async () => {
			const doc = sim.seed();
			sim.inject({ kind: 'status', status: 200, body: {} });
			const { error } = await run(download(doc.documentId));
			expect(error?.message).toBe(
				'Leegality [no_success_status]: answered without status 1 (success): no status',
			);
		});

		it('fails on an empty file', async () => {
			const doc = sim.seed();
			doc.file = Buffer.alloc(0);
			const { items, error } = await run(download(doc.documentId));
			expect(sim.received('GET', '/v3.1/document/fetchDocument')).toHaveLength(1);
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(
				incomplete('sizeBytes: the file is empty; startsWith: the file is not a PDF'),
			);
		});

		it('fails on a file that is not a PDF, showing how it starts', async () => {
			const doc = sim.seed();
			doc.file = Buffer.from('<html><body>Maintenance</body></html>');
			const { items, error } = await run(download(doc.documentId));
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(incomplete('startsWith: the file is not a PDF'));
			expect(JSON.stringify((error as any).errorResponse)).toContain('Maintenance');
		});
	});

	describe('Sign Request → Delete', () => {
		it('outputs only what Leegality sent: no code or message when a status-1 answer has none', async () => {
			const doc = sim.seed();
			sim.inject({ kind: 'status', status: 200, body: { status: 1, data: {} } });
			const { items, error } = await run({
				resource: 'signRequest',
				operation: 'delete',
				deleteTarget: 'document',
				documentId: doc.documentId,
			});
			expect(error).toBeUndefined();
			expect(items[0].json).toEqual({ deleted: true, documentId: doc.documentId, messages: [] });
		});
	});
});
