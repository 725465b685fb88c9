import { CredentialStore } from '../harness/credentials';
import { runLoadOptions, testCredential } from '../harness/context';
import { useLumin } from './setup';

describe('Lumin → Signature Request → Get, Cancel, Remind, Get Signing Link', () => {
	const { sim, run } = useLumin();

	it('Get outputs the request itself, unwrapped, with signers and status', async () => {
		const r = sim.seed({ status: 'WAITING_FOR_OTHERS' });
		const { items, error } = await run({
			operation: 'get',
			signatureRequestId: r.signature_request_id,
		});
		expect(error).toBeUndefined();
		expect(sim.received('GET', '/signature_request/:id')[0].path).toBe(
			`/signature_request/${r.signature_request_id}`,
		);
		expect(items[0].json).toMatchObject({
			signature_request_id: r.signature_request_id,
			status: 'WAITING_FOR_OTHERS',
			signers: [{ email_address: 'signer@example.com', status: 'NEED_TO_SIGN' }],
		});
		expect(items[0].json.signature_request).toBeUndefined();
	});

	it('Get of an unknown ID fails with Lumin’s 404 and a hint', async () => {
		const { error } = await run({ operation: 'get', signatureRequestId: 'sr_unknown' });
		expect(error?.message).toBe(
			'Lumin [signature_request_not_found]: Signature request sr_unknown not found',
		);
		expect((error as any).description).toContain('Check the signature request ID');
	});

	it('Cancel sends PUT /signature_request/cancel/{id}; cancelling again is an error', async () => {
		const r = sim.seed();
		const first = await run({ operation: 'cancel', signatureRequestId: r.signature_request_id });
		expect(first.error).toBeUndefined();
		expect(sim.received('PUT')[0].path).toBe(`/signature_request/cancel/${r.signature_request_id}`);
		expect(first.items[0].json).toEqual({
			signature_request_id: r.signature_request_id,
			status: 'CANCELLED',
		});
		const second = await run({ operation: 'cancel', signatureRequestId: r.signature_request_id });
		expect(second.error?.message).toBe(
			'Lumin [invalid_status]: Signature request is CANCELLED and cannot be cancelled',
		);
	});

	it('Remind sends the emails and lists who was and was not reminded', async () => {
		const r = sim.seed();
		const { items, error } = await run({
			operation: 'remind',
			signatureRequestId: r.signature_request_id,
			emails: 'signer@example.com, ghost@example.com',
		});
		expect(error).toBeUndefined();
		expect(sim.received('POST', '/signature_request/remind/:id')[0].body).toEqual({
			emails: ['signer@example.com', 'ghost@example.com'],
		});
		expect(items[0].json.sent).toEqual(['signer@example.com']);
		expect(items[0].json.not_sent).toEqual([{ email: 'ghost@example.com', reason: 'BOUNCE' }]);
	});

	it('Remind rejects a malformed email before any request', async () => {
		const { error } = await run({
			operation: 'remind',
			signatureRequestId: 'sr_1',
			emails: 'signer@example.com, nope',
		});
		expect(error?.message).toBe(
			'Signer Emails → #2: "nope" is not allowed. Must be an email address such as name@example.com.',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('Get Signing Link returns Lumin’s view_url for the signer', async () => {
		const r = sim.seed();
		const { items, error } = await run({
			operation: 'getSigningLink',
			signatureRequestId: r.signature_request_id,
			signerEmail: 'signer@example.com',
		});
		expect(error).toBeUndefined();
		expect(sim.received('POST', '/signature_request/:id/signing-link')[0].body).toEqual({
			signer_email: 'signer@example.com',
		});
		expect(items[0].json).toMatchObject({
			signature_request_id: r.signature_request_id,
			signer_email: 'signer@example.com',
			status: 'NEED_TO_SIGN',
		});
		expect(items[0].json.view_url).toMatch(/^https:\/\/sign\.luminpdf\.com\/sign\//);
	});
});

describe('Lumin → Signature Request → Download', () => {
	const { sim, run } = useLumin();

	it('follows the signed URL without sending the API key there and outputs the PDF as binary', async () => {
		const r = sim.seed();
		const { items, error } = await run({
			operation: 'download',
			signatureRequestId: r.signature_request_id,
			fileType: 'agreement',
			binaryPropertyName: 'signed',
		});
		expect(error).toBeUndefined();
		const [fileRequest] = sim.received('GET', '/signature_request/:id/file');
		expect(fileRequest.query).toEqual({ type: 'agreement' });
		const [storage] = sim.received('GET', '/storage/:token');
		expect(storage.headers['x-api-key']).toBeUndefined();
		expect(storage.headers.authorization).toBeUndefined();
		const binary = items[0].binary!.signed;
		expect(binary.mimeType).toBe('application/pdf');
		expect(binary.fileName).toBe(`${r.signature_request_id}-agreement.pdf`);
		const pdf = Buffer.from(binary.data, 'base64').toString('utf8');
		expect(pdf.startsWith('%PDF-')).toBe(true);
		expect(pdf).toContain(`${r.signature_request_id}-agreement`);
		expect(items[0].json).toMatchObject({
			signature_request_id: r.signature_request_id,
			file_type: 'agreement',
			size_bytes: binary.data ? Buffer.from(binary.data, 'base64').length : -1,
		});
	});

	it('asks for the certificate only once approved, and passes Lumin’s refusal on before that', async () => {
		const r = sim.seed();
		const early = await run({
			operation: 'download',
			signatureRequestId: r.signature_request_id,
			fileType: 'coc',
			binaryPropertyName: 'data',
		});
		expect(early.error?.message).toBe(
			'Lumin [invalid_status]: coc is only available once the request is APPROVED',
		);
		sim.approve(r.signature_request_id);
		const late = await run({
			operation: 'download',
			signatureRequestId: r.signature_request_id,
			fileType: 'merged',
			binaryPropertyName: 'data',
		});
		expect(late.error).toBeUndefined();
		expect(Buffer.from(late.items[0].binary!.data.data, 'base64').toString('utf8')).toContain(
			'-merged',
		);
	});
});

describe('Lumin → template dropdown and credential test', () => {
	const { sim, credentials } = useLumin();

	it('loads templates with the required version header, sorted by name', async () => {
		const options = await runLoadOptions(
			'lumin',
			'getTemplates',
			{ resource: 'signatureRequest', operation: 'sendFromTemplate' },
			credentials(),
		);
		expect(options).toEqual([
			{ name: 'Mutual NDA', value: 'sign_tpl_nda' },
			{ name: 'Offer Letter', value: 'pdf_tpl_offer' },
		]);
		const [received] = sim.received('GET', '/templates');
		expect(received.headers['x-lumin-api-version']).toBe('1.1');
		expect(received.headers['x-api-key']).toBe(sim.apiKey);
		expect(received.query).toEqual({ page: '1', limit: '50' });
	});

	it('the credential test calls GET /user/info with the key and reports a wrong key', async () => {
		expect(await testCredential('luminApi', 'lumin', credentials())).toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
		expect(sim.received('GET', '/user/info')[0].headers['x-api-key']).toBe(sim.apiKey);
		const wrong = await testCredential(
			'luminApi',
			'lumin',
			new CredentialStore({
				luminApi: { apiKey: 'not-the-key-123', environment: 'custom', customUrl: sim.baseUrl },
			}),
		);
		expect(wrong.status).toBe('Error');
	});
});
