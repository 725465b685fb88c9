import { samplePdf } from '../simulators/base';
import { createParameters as create, pdfInput, useLeegality } from './setup';

describe('Leegality → Sign Request', () => {
	const { sim, run } = useLeegality();

	describe('Create', () => {
		it('sends the binary PDF as base64 with the invitees and outputs each invitee’s signUrl', async () => {
			const pdf = samplePdf('to-sign');
			const { items, error } = await run(create(), { input: pdfInput(pdf) });

			expect(error).toBeUndefined();
			const [received] = sim.received('POST', '/v3.0/sign/request');
			expect(received.headers['x-auth-token']).toBe(sim.authToken);
			expect(received.headers.authorization).toBeUndefined();
			expect(received.body).toEqual({
				profileId: 'wf_docsigner_01',
				file: { name: 'contract.pdf', file: pdf.toString('base64') },
				invitees: [
					{ name: 'Isha Invitee', email: 'isha@example.com', phone: '9876543210' },
					{ name: 'Ravi Reviewer', email: 'ravi@example.com' },
				],
				irn: 'PO-2026-001',
			});

			expect(items).toHaveLength(1);
			const out = items[0].json as any;
			const doc = sim.documents.get(out.documentId)!;
			expect(doc.file.equals(pdf)).toBe(true);
			expect(out.irn).toBe('PO-2026-001');
			expect(out.signUrls).toEqual(doc.invitations.map((i) => i.signUrl));
			expect(out.signUrls[0]).toMatch(/^https:\/\/sandbox\.leegality\.com\/sign\/[0-9a-f-]{36}$/);
			expect(out.invitees.map((i: any) => i.email)).toEqual([
				'isha@example.com',
				'ravi@example.com',
			]);
			expect(out.messages).toEqual([
				{ code: 'simpleWorkFlow.success', message: 'Invitations sent successfully.' },
			]);
			expect(items[0].pairedItem).toEqual({ item: 0 });
		});

		it('reads the invitees from an answer that calls them invitations', async () => {
			sim.inject({
				kind: 'status',
				status: 200,
				body: {
					status: 1,
					data: {
						documentId: 'DocX1',
						irn: null,
						invitations: [
							{
								name: 'A',
								email: 'a@example.com',
								signUrl: 'https://sandbox.leegality.com/sign/x',
							},
						],
					},
					messages: [{ code: 'workflow.stamp.warning', message: 'Stamp balance is low' }],
				},
			});
			const { items, error } = await run(create({ irn: '' }), { input: pdfInput() });
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({
				documentId: 'DocX1',
				signUrls: ['https://sandbox.leegality.com/sign/x'],
			});
			expect(items[0].json.messages).toEqual([
				{ code: 'workflow.stamp.warning', message: 'Stamp balance is low' },
			]);
		});

		it('refuses a file that is not a PDF before any request', async () => {
			const { error } = await run(create(), {
				input: pdfInput(Buffer.from('\x89PNG....'), 'scan.png', 'image/png'),
			});
			expect(error?.message).toContain(
				'Input Binary Field: "data" is not allowed. Leegality needs a PDF; this file is image/png (scan.png).',
			);
			expect(sim.requests).toHaveLength(0);
		});

		it('names a missing binary field before any request', async () => {
			const { error } = await run(create({ binaryPropertyName: 'file' }), { input: pdfInput() });
			expect(error?.message).toContain(
				'Input Binary Field: "file" is not a binary field of this item',
			);
			expect(sim.requests).toHaveLength(0);
		});

		it.each([
			[{ invitee: [] }, 'Invitees: [] is not allowed. Add at least one invitee.'],
			[
				{ invitee: [{ name: 'A', email: 'not-an-email', phone: '' }] },
				'Invitees → #1 → Email: "not-an-email" is not allowed',
			],
			[
				{ invitee: [{ name: 'A', email: 'a@example.com', phone: '12-34' }] },
				'Invitees → #1 → Phone: "12-34" is not allowed',
			],
			[
				{ invitee: [{ name: ' ', email: 'a@example.com', phone: '' }] },
				'Invitees → #1 → Name: " " is not allowed',
			],
		])('rejects invitees %j before any request', async (bad, message) => {
			const { error } = await run(create({ invitees: bad }), { input: pdfInput() });
			expect(error?.message).toContain(message);
			expect(sim.requests).toHaveLength(0);
		});

		it('fails the item with Leegality’s code when the workflow does not exist', async () => {
			const { error } = await run(create({ profileId: 'wf_missing' }), { input: pdfInput() });
			expect(sim.received('POST', '/v3.0/sign/request')).toHaveLength(1);
			expect(error?.message).toBe(
				'Leegality [workflow.not.exists]: Workflow does not exist or is not published',
			);
		});
	});

	describe('Get', () => {
		it('reads the details and lifts the document status', async () => {
			const doc = sim.seed({ irn: 'INV-7' });
			const { items, error } = await run({
				resource: 'signRequest',
				operation: 'get',
				documentId: doc.documentId,
			});
			expect(error).toBeUndefined();
			const [received] = sim.received('GET', '/v3.3/document/details');
			expect(received.query).toEqual({ documentId: doc.documentId });
			expect(items[0].json).toMatchObject({
				documentId: doc.documentId,
				status: 'SENT',
				document: { irn: 'INV-7' },
			});
			expect((items[0].json.invitations as any[])[0]).toMatchObject({
				email: 'invitee@example.com',
				signed: false,
			});
		});

		it('rejects a document ID with a slash before any request', async () => {
			const { error } = await run({
				resource: 'signRequest',
				operation: 'get',
				documentId: 'abc/../x',
			});
			expect(error?.message).toContain('Document ID: "abc/../x" is not allowed');
			expect(sim.requests).toHaveLength(0);
		});
	});

	describe('Get Many', () => {
		beforeAll(() => {
			for (let n = 0; n < 45; n++) sim.seed({ name: `Bulk ${n}`, irn: `BULK-${n}` });
		});

		it('with Return All pages with max 40 and offset until a short page', async () => {
			const total = sim.documents.size;
			const { items, error } = await run({
				resource: 'signRequest',
				operation: 'getMany',
				returnAll: true,
			});
			expect(error).toBeUndefined();
			const pages = sim.received('GET', '/v3.0/sign/request/list');
			expect(pages.map((p) => p.query)).toEqual([
				{ max: '40', offset: '0' },
				{ max: '40', offset: '40' },
				...(total > 80 ? [{ max: '40', offset: '80' }] : []),
			]);
			expect(items).toHaveLength(total);
			expect(items.every((item) => item.pairedItem && (item.pairedItem as any).item === 0)).toBe(
				true,
			);
		});

		it('with a Limit asks for no more than needed', async () => {
			const { items } = await run({
				resource: 'signRequest',
				operation: 'getMany',
				returnAll: false,
				limit: 5,
			});
			expect(sim.received('GET', '/v3.0/sign/request/list').map((p) => p.query)).toEqual([
				{ max: '5', offset: '0' },
			]);
			expect(items).toHaveLength(5);
		});

		it('searches by IRN and status', async () => {
			const { items } = await run({
				resource: 'signRequest',
				operation: 'getMany',
				returnAll: true,
				filters: { q: 'bulk-7', status: 'SENT' },
			});
			expect(sim.received('GET')[0].query).toEqual({
				max: '40',
				offset: '0',
				q: 'bulk-7',
				status: 'SENT',
			});
			expect(items.map((i) => i.json.irn)).toEqual(['BULK-7']);
		});
	});

	describe('Download', () => {
		it('outputs the document as a binary PDF', async () => {
			const doc = sim.seed();
			const { items, error } = await run({
				resource: 'signRequest',
				operation: 'download',
				documentId: doc.documentId,
				fileType: 'DOCUMENT',
				binaryPropertyName: 'signed',
			});
			expect(error).toBeUndefined();
			const [received] = sim.received('GET', '/v3.1/document/fetchDocument');
			expect(received.query).toEqual({
				documentId: doc.documentId,
				documentDownloadType: 'DOCUMENT',
			});
			expect(received.headers['x-auth-token']).toBe(sim.authToken);
			const binary = items[0].binary!.signed;
			expect(binary.mimeType).toBe('application/pdf');
			expect(binary.fileName).toBe(`${doc.documentId}-document.pdf`);
			expect(Buffer.from(binary.data, 'base64').equals(doc.file)).toBe(true);
			expect(items[0].json).toEqual({
				documentId: doc.documentId,
				fileType: 'DOCUMENT',
				fileName: `${doc.documentId}-document.pdf`,
				sizeBytes: doc.file.length,
			});
		});

		it('outputs the audit trail of a completed document', async () => {
			const doc = sim.seed({ status: 'COMPLETED' });
			const { items } = await run({
				resource: 'signRequest',
				operation: 'download',
				documentId: doc.documentId,
				fileType: 'AUDIT_TRAIL',
				binaryPropertyName: 'data',
			});
			expect(Buffer.from(items[0].binary!.data.data, 'base64').toString()).toContain(
				`${doc.documentId}-audit-trail`,
			);
		});

		it('fails the item with no.document.found when the binary endpoint answers with a JSON envelope', async () => {
			const doc = sim.seed({ status: 'SENT' });
			const { items, error } = await run({
				resource: 'signRequest',
				operation: 'download',
				documentId: doc.documentId,
				fileType: 'AUDIT_TRAIL',
				binaryPropertyName: 'data',
			});
			expect(items).toHaveLength(0);
			expect(error?.message).toBe('Leegality [no.document.found]: No document found.');
			expect((error as any).description).toContain('audit trail');
		});
	});

	describe('Delete', () => {
		it('deletes a whole sign request', async () => {
			const doc = sim.seed();
			const { items, error } = await run({
				resource: 'signRequest',
				operation: 'delete',
				deleteTarget: 'document',
				documentId: doc.documentId,
			});
			expect(error).toBeUndefined();
			const [received] = sim.received('DELETE', '/v3.0/sign/request');
			expect(received.query).toEqual({ documentId: doc.documentId });
			expect(items[0].json).toEqual({
				deleted: true,
				documentId: doc.documentId,
				code: 'document.delete.success',
				message: 'Document deleted successfully.',
				messages: [{ code: 'document.delete.success', message: 'Document deleted successfully.' }],
			});
			expect(sim.documents.has(doc.documentId)).toBe(false);
		});

		it('withdraws one unsigned invitation by its sign URL', async () => {
			const doc = sim.seed({
				invitees: [
					{ name: 'A', email: 'a@example.com' },
					{ name: 'B', email: 'b@example.com' },
				],
			});
			const signUrl = doc.invitations[1].signUrl;
			const { items, error } = await run({
				resource: 'signRequest',
				operation: 'delete',
				deleteTarget: 'invitation',
				signUrl,
			});
			expect(error).toBeUndefined();
			expect(sim.received('DELETE', '/v3.0/sign/request/invitation')[0].query).toEqual({ signUrl });
			expect(items[0].json).toMatchObject({
				deleted: true,
				signUrl,
				code: 'invitation.deleted.success',
			});
			expect(sim.documents.get(doc.documentId)!.invitations.map((i) => i.email)).toEqual([
				'a@example.com',
			]);
		});

		it('refuses to withdraw a signed invitation with invitation.not.exists', async () => {
			const doc = sim.seed();
			doc.invitations[0].signed = true;
			const uuid = doc.invitations[0].signUrl.split('/').pop()!;
			const { error } = await run({
				resource: 'signRequest',
				operation: 'delete',
				deleteTarget: 'invitation',
				signUrl: uuid,
			});
			expect(sim.received('DELETE')[0].query).toEqual({ signUrl: uuid });
			expect(error?.message).toContain('[invitation.not.exists]');
		});

		it('rejects a sign URL that is neither a URL nor a UUID before any request', async () => {
			const { error } = await run({
				resource: 'signRequest',
				operation: 'delete',
				deleteTarget: 'invitation',
				signUrl: 'abc',
			});
			expect(error?.message).toContain('Sign URL: "abc" is not allowed');
			expect(sim.requests).toHaveLength(0);
		});
	});
});
