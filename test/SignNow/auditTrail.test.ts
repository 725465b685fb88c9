import { zipOf } from '../simulators/signnow';
import { useSignNow } from './setup';

const DOWNLOAD = '/document/:id/download';
const HISTORY = '/document/:id/historyfull';

describe('signNow → Document: Download with the audit trail, and Get History', () => {
	const { sim, run, apiRequests } = useSignNow();
	const download = (documentId: string, fileType?: string, extra = {}) =>
		run(
			{
				resource: 'document',
				operation: 'download',
				documentId,
				binaryPropertyName: 'file',
				...(fileType ? { fileType } : {}),
			},
			extra,
		);
	const signedDocument = () => {
		const doc = sim.seed({ roleNames: ['Buyer'] });
		doc.field_invites.push({
			id: 'f1e1000000000000000000000000000000000b01',
			email: 'bo@example.com',
			role: 'Buyer',
			role_id: doc.roles[0].unique_id,
			order: 1,
			status: 'pending',
			is_embedded: true,
		});
		sim.sign(doc.id, 'f1e1000000000000000000000000000000000b01');
		return doc;
	};

	it('a node saved without the File choice downloads the flattened PDF, as before', async () => {
		const doc = signedDocument();
		const { items, error } = await download(doc.id);
		expect(error).toBeUndefined();
		expect(sim.received('GET', DOWNLOAD)[0].query).toEqual({ type: 'collapsed' });
		expect(items[0].json.file_name).toBe(`${doc.id}.pdf`);
		expect(Buffer.from(items[0].binary!.file.data, 'base64').equals(doc.file)).toBe(true);
	});

	it('Document and Audit Trail asks for the history report appended to the PDF', async () => {
		const doc = signedDocument();
		const { items, error } = await download(doc.id, 'withHistory');
		expect(error).toBeUndefined();
		expect(sim.received('GET', DOWNLOAD)[0].query).toEqual({
			type: 'collapsed',
			with_history: '1',
		});
		const binary = items[0].binary!.file;
		expect(binary.mimeType).toBe('application/pdf');
		expect(binary.fileName).toBe(`${doc.id}-audit-trail.pdf`);
		const pdf = Buffer.from(binary.data, 'base64');
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.toString('latin1')).toContain(
			'% history: created_document by owner@example.com; signed by bo@example.com',
		);
		expect(items[0].json).toEqual({
			document_id: doc.id,
			file_type: 'withHistory',
			file_name: `${doc.id}-audit-trail.pdf`,
			size_bytes: pdf.length,
		});
	});

	it('ZIP Archive stores signNow’s ZIP as it came', async () => {
		const doc = signedDocument();
		const { items, error } = await download(doc.id, 'zip');
		expect(error).toBeUndefined();
		expect(sim.received('GET', DOWNLOAD)[0].query).toEqual({ type: 'zip' });
		const binary = items[0].binary!.file;
		expect(binary.mimeType).toBe('application/zip');
		expect(binary.fileName).toBe(`${doc.id}.zip`);
		expect(
			Buffer.from(binary.data, 'base64').equals(zipOf(`${doc.document_name}.pdf`, doc.file)),
		).toBe(true);
	});

	it('a ZIP answer that is not a ZIP, or a PDF answer that is not a PDF, is no success', async () => {
		const doc = signedDocument();
		const page = { kind: 'status' as const, status: 200, body: '<html>proxy</html>' };
		const isDownload = (r: { path: string }) => r.path.endsWith('/download');
		sim.inject({ ...page, headers: { 'content-type': 'text/html' } }, 1, isDownload);
		const zip = await download(doc.id, 'zip');
		expect(zip.error?.message).toBe(
			'signNow [incomplete_answer]: answered without what this operation needs (file.start: is not a ZIP archive (it does not start with PK))',
		);
		sim.inject({ ...page, headers: { 'content-type': 'text/html' } }, 1, isDownload);
		const pdf = await download(doc.id, 'withHistory');
		expect(pdf.error?.message).toContain('file.start: is not a PDF');
	});

	it('refuses a File choice it does not know before any request', async () => {
		const { error } = await download('a0b1c2', '={{ "history" }}');
		expect(error?.message).toBe(
			'File: "history" is not allowed. Must be collapsed, withHistory or zip.',
		);
		expect(apiRequests()).toHaveLength(0);
	});

	describe('Get History', () => {
		it('gives one item per event, oldest first, with the document’s ID', async () => {
			const doc = signedDocument();
			const { items, error } = await run({
				resource: 'document',
				operation: 'getHistory',
				documentId: doc.id,
			});
			expect(error).toBeUndefined();
			expect(sim.received('GET', HISTORY)[0].path).toBe(`/document/${doc.id}/historyfull`);
			expect(items.map((i) => [i.json.event, i.json.email, i.json.document_id])).toEqual([
				['created_document', 'owner@example.com', doc.id],
				['signed', 'bo@example.com', doc.id],
			]);
			expect(items[0].json).toEqual(sim.history.get(doc.id)![0]);
			expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		});

		it('reads a bare list of events as well (signNow’s clients differ on the shape)', async () => {
			const doc = sim.seed();
			sim.inject(
				{
					kind: 'status',
					status: 200,
					body: [{ unique_id: 'e1', event: 'document_opened', created: 1_800_000_000 }],
				},
				1,
				(r) => r.path.endsWith('/historyfull'),
			);
			const { items, error } = await run({
				resource: 'document',
				operation: 'getHistory',
				documentId: doc.id,
			});
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json)).toEqual([
				{ document_id: doc.id, unique_id: 'e1', event: 'document_opened', created: 1_800_000_000 },
			]);
		});

		it('an answer without a list of events is no success; a missing document fails in signNow’s words', async () => {
			const doc = sim.seed();
			sim.inject({ kind: 'status', status: 200, body: { history: 'none' } }, 1, (r) =>
				r.path.endsWith('/historyfull'),
			);
			const odd = await run({ resource: 'document', operation: 'getHistory', documentId: doc.id });
			expect(odd.error?.message).toBe(
				'signNow [incomplete_answer]: answered without what this operation needs (the answer: Expected the list of history events)',
			);
			const gone = await run({
				resource: 'document',
				operation: 'getHistory',
				documentId: 'ffff000000000000000000000000000000000000',
			});
			expect(gone.error?.message).toBe('signNow [65582]: Document not found');
		});
	});
});
