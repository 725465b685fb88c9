import { taggedPdf } from '../simulators/signnow';
import { pdfItem, useSignNow } from './setup';

describe('signNow → Document', () => {
	const { sim, run, credentials } = useSignNow();

	it('Upload sends the binary PDF as multipart "file" with check_fields, and signNow finds the roles in its text tags', async () => {
		const { items, error } = await run(
			{
				resource: 'document',
				operation: 'upload',
				binaryPropertyName: 'data',
				options: { checkFields: true, name: 'Lease 2026' },
			},
			{ input: [pdfItem(['Tenant', 'Landlord'])] },
		);
		expect(error).toBeUndefined();
		const [post] = sim.received('POST', '/document');
		expect(post.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(post.headers.authorization).toMatch(/^Bearer /);
		const file = post.parts!.find((p) => p.name === 'file')!;
		expect(file.filename).toBe('Lease 2026.pdf');
		expect(file.contentType).toBe('application/pdf');
		expect(file.data.equals(taggedPdf(['Tenant', 'Landlord']))).toBe(true);
		expect(post.body).toEqual({ check_fields: 'true' });

		const id = items[0].json.id as string;
		expect(items[0].json).toEqual({ id, document_name: 'Lease 2026', check_fields: true });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(sim.documents.get(id)!.roles.map((r) => r.name)).toEqual(['Tenant', 'Landlord']);
	});

	it('Upload with an expired token: the token is renewed once and the file sent again, complete', async () => {
		const store = credentials();
		await run(
			{ resource: 'document', operation: 'get', documentId: sim.seed().id, simplify: true },
			{ store },
		);
		sim.expireTokens();
		sim.clearLog();

		const { items, error } = await run(
			{
				resource: 'document',
				operation: 'upload',
				binaryPropertyName: 'data',
				options: { checkFields: true },
			},
			{ input: [pdfItem(['Tenant'])], store },
		);
		expect(error).toBeUndefined();
		expect(sim.received('POST', '/oauth2/token')).toHaveLength(1);
		const uploads = sim.received('POST', '/document');
		expect(uploads).toHaveLength(2);
		expect(uploads[0].headers.authorization).not.toBe(uploads[1].headers.authorization);
		expect(uploads[1].headers.authorization).toBe(`Bearer ${store.get('signNowApi').accessToken}`);
		expect(
			uploads[1].parts!.find((p) => p.name === 'file')!.data.equals(taggedPdf(['Tenant'])),
		).toBe(true);
		expect(items[0].json.id).toBeDefined();
	});

	it('Upload names the missing binary field before any request', async () => {
		const { error } = await run(
			{ resource: 'document', operation: 'upload', binaryPropertyName: 'contract' },
			{ input: [pdfItem(['A'])] },
		);
		expect(error?.message).toBe(
			'Input Binary Field: "contract" is not a binary field of this item',
		);
		expect((error as any).description).toContain('data');
		expect(sim.requests).toHaveLength(0);
	});

	it('Upload From URL posts the URL as JSON; a non-https URL is refused before any request', async () => {
		const { items, error } = await run({
			resource: 'document',
			operation: 'uploadFromUrl',
			url: 'https://files.example.com/nda.pdf',
			options: { checkFields: true },
		});
		expect(error).toBeUndefined();
		const [post] = sim.received('POST', '/v2/documents/url');
		expect(post.body).toEqual({ url: 'https://files.example.com/nda.pdf', check_fields: true });
		expect(items[0].json).toMatchObject({
			url: 'https://files.example.com/nda.pdf',
			check_fields: true,
		});
		expect(sim.documents.has(items[0].json.id as string)).toBe(true);

		sim.clearLog();
		const bad = await run({
			resource: 'document',
			operation: 'uploadFromUrl',
			url: 'http://files.example.com/nda.pdf',
		});
		expect(bad.error?.message).toBe(
			'File URL: "http://files.example.com/nda.pdf" is not allowed. Only https:// URLs are accepted.',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('Get outputs status, roles and invites; the full document without Simplify', async () => {
		const doc = sim.seed({ roleNames: ['Buyer'] });
		await run({
			resource: 'embeddedInvite',
			operation: 'create',
			documentId: doc.id,
			invites: {
				invite: [{ email: 'bo@example.com', roleId: 'Buyer', order: 1, authMethod: 'none' }],
			},
		});
		sim.clearLog();
		const { items, error } = await run({
			resource: 'document',
			operation: 'get',
			documentId: doc.id,
			simplify: true,
		});
		expect(error).toBeUndefined();
		expect(sim.received('GET', '/document/:id')[0].path).toBe(`/document/${doc.id}`);
		expect(items[0].json).toEqual({
			id: doc.id,
			document_name: 'Service agreement',
			status: 'pending',
			owner: sim.username,
			created: doc.created,
			updated: doc.updated,
			roles: [{ id: doc.roles[0].unique_id, name: 'Buyer', signing_order: 1 }],
			invites: [
				{
					id: doc.field_invites[0].id,
					email: 'bo@example.com',
					role: 'Buyer',
					role_id: doc.roles[0].unique_id,
					status: 'pending',
					embedded: true,
				},
			],
		});

		sim.sign(doc.id, doc.field_invites[0].id);
		const full = await run({
			resource: 'document',
			operation: 'get',
			documentId: doc.id,
			simplify: false,
		});
		expect(full.items[0].json.status).toBe('completed');
		expect(full.items[0].json.fields).toHaveLength(1);
		expect(full.items[0].json.field_invites).toHaveLength(1);
	});

	it('Download returns the PDF as binary with type=collapsed', async () => {
		const doc = sim.seed({ roleNames: ['Buyer'] });
		const { items, error } = await run({
			resource: 'document',
			operation: 'download',
			documentId: doc.id,
			binaryPropertyName: 'signed',
		});
		expect(error).toBeUndefined();
		const [get] = sim.received('GET', '/document/:id/download');
		expect(get.query).toEqual({ type: 'collapsed' });
		expect(items[0].json).toEqual({
			document_id: doc.id,
			file_type: 'collapsed',
			file_name: `${doc.id}.pdf`,
			size_bytes: doc.file.length,
		});
		const binary = items[0].binary!.signed;
		expect(binary.mimeType).toBe('application/pdf');
		expect(binary.fileName).toBe(`${doc.id}.pdf`);
		expect(Buffer.from(binary.data, 'base64').equals(doc.file)).toBe(true);
	});

	it('Delete removes the document; a second delete fails with signNow’s not-found error', async () => {
		const doc = sim.seed();
		const { items, error } = await run({
			resource: 'document',
			operation: 'delete',
			documentId: doc.id,
		});
		expect(error).toBeUndefined();
		expect(sim.received('DELETE', '/document/:id')[0].path).toBe(`/document/${doc.id}`);
		expect(items[0].json).toEqual({ id: doc.id, deleted: true, status: 'success' });
		expect(sim.documents.has(doc.id)).toBe(false);

		const again = await run({ resource: 'document', operation: 'delete', documentId: doc.id });
		expect(again.error?.message).toBe('signNow [65582]: Document not found');
		expect((again.error as any).httpCode).toBe('404');
	});

	it('retries a 503 with Retry-After and then succeeds', async () => {
		const doc = sim.seed();
		sim.inject(
			{
				kind: 'status',
				status: 503,
				headers: { 'Retry-After': '0' },
				body: { errors: [{ code: 503, message: 'Service unavailable' }] },
			},
			1,
			(r) => r.path.startsWith('/document/'),
		);
		const { items, error } = await run({
			resource: 'document',
			operation: 'get',
			documentId: doc.id,
			simplify: true,
		});
		expect(error).toBeUndefined();
		expect(sim.received('GET', '/document/:id')).toHaveLength(2);
		expect(items[0].json.id).toBe(doc.id);
	});
});
