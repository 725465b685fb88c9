import { samplePdf } from '../simulators/base';
import { useLeegality } from './setup';

const FETCH = '/v3.1/document/fetchDocument';
const PNG = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	Buffer.alloc(64, 7),
]);
const UPLOAD_URL = 'https://sandbox.leegality.com/support/5b0c3f7e-1d2a-4e61-9a77-0c1f3b2d9e10';

describe('Leegality → Sign Request → Download: attachments and supporting documents', () => {
	const { sim, run, apiRequests } = useLeegalityWithRequests();
	const download = (documentId: string, extra: Record<string, unknown>) =>
		run({
			resource: 'signRequest',
			operation: 'download',
			documentId,
			binaryPropertyName: 'file',
			...extra,
		});
	const seeded = () =>
		sim.seed({
			attachments: [
				{ fileName: 'price-list.pdf', mimeType: 'application/pdf', data: samplePdf('prices') },
				{ fileName: 'site-plan.png', mimeType: 'image/png', data: PNG },
			],
			supportingDocuments: [
				{ url: UPLOAD_URL, fileName: 'id-card.png', mimeType: 'image/png', data: PNG },
			],
		});

	it('fetches a sender’s attachment by its index, keeping its type and name', async () => {
		const doc = seeded();
		const { items, error } = await download(doc.documentId, {
			fileType: 'ATTACHMENT',
			attachmentIndex: 1,
		});
		expect(error).toBeUndefined();
		expect(sim.received('GET', FETCH)[0].query).toEqual({
			documentId: doc.documentId,
			documentDownloadType: 'ATTACHMENT',
			index: '1',
		});
		const binary = items[0].binary!.file;
		expect(binary.mimeType).toBe('image/png');
		expect(binary.fileName).toBe('site-plan.png');
		expect(Buffer.from(binary.data, 'base64').equals(PNG)).toBe(true);
		expect(items[0].json).toEqual({
			documentId: doc.documentId,
			fileType: 'ATTACHMENT',
			fileName: 'site-plan.png',
			mimeType: 'image/png',
			sizeBytes: PNG.length,
		});
	});

	it('fetches an invitee’s supporting document by its URL', async () => {
		const doc = seeded();
		const { items, error } = await download(doc.documentId, {
			fileType: 'SUPPORTING_DOCUMENT',
			supportDocumentUrl: UPLOAD_URL,
		});
		expect(error).toBeUndefined();
		expect(sim.received('GET', FETCH)[0].query).toEqual({
			documentId: doc.documentId,
			documentDownloadType: 'SUPPORTING_DOCUMENT',
			supportDocumentUrl: UPLOAD_URL,
		});
		expect(items[0].binary!.file.fileName).toBe('id-card.png');
	});

	it('an index or URL that matches no file fails in Leegality’s words, with a hint', async () => {
		const doc = seeded();
		const { error } = await download(doc.documentId, {
			fileType: 'ATTACHMENT',
			attachmentIndex: 5,
		});
		expect(error?.message).toBe('Leegality [no.document.found]: No document found.');
		expect((error as any).description).toContain('check its index or URL');
	});

	it('without a file name from Leegality, names the file after the document and its type', async () => {
		const doc = seeded();
		sim.inject(
			{ kind: 'status', status: 200, body: 'plain', headers: { 'content-type': 'text/plain' } },
			1,
			(r) => r.path === FETCH,
		);
		const { items, error } = await download(doc.documentId, {
			fileType: 'ATTACHMENT',
			attachmentIndex: 0,
		});
		expect(error).toBeUndefined();
		expect(items[0].binary!.file.fileName).toBe(`${doc.documentId}-attachment-0.txt`);
	});

	it('a status-1 envelope or an empty answer in place of the file is no success', async () => {
		const doc = seeded();
		sim.inject(
			{ kind: 'status', status: 200, body: { status: 1, data: {} } },
			1,
			(r) => r.path === FETCH,
		);
		const envelope = await download(doc.documentId, { fileType: 'ATTACHMENT', attachmentIndex: 0 });
		expect(envelope.error?.message).toBe(
			'Leegality [incomplete_answer]: answered without what this operation needs (contentType: Leegality sent JSON instead of the file)',
		);
		doc.attachments!.push({ fileName: 'blank.png', mimeType: 'image/png', data: Buffer.alloc(0) });
		const empty = await download(doc.documentId, { fileType: 'ATTACHMENT', attachmentIndex: 2 });
		expect(empty.error?.message).toContain('sizeBytes: the file is empty');
	});

	it.each([
		[
			{ fileType: 'ATTACHMENT', attachmentIndex: -1 },
			'Attachment Index: -1 is not allowed. Must be a whole number of 0 or more: the first is 0.',
		],
		[
			{ fileType: 'ATTACHMENT', attachmentIndex: '={{ $json.missing }}' },
			'Attachment Index: nothing is not allowed. Give the attachment’s index: the first is 0.',
		],
		[
			{ fileType: 'SUPPORTING_DOCUMENT', supportDocumentUrl: 'http://sandbox.leegality.com/x' },
			'Supporting Document URL: "http://sandbox.leegality.com/x" is not allowed. Only https:// URLs are accepted.',
		],
	])('refuses %p before any request', async (extra, message) => {
		const { error } = await download('Doc1a2b3c', extra);
		expect(error?.message).toBe(message);
		expect(apiRequests()).toHaveLength(0);
	});
});

function useLeegalityWithRequests() {
	const vendor = useLeegality();
	return { ...vendor, apiRequests: () => vendor.sim.requests };
}
