import { useLumin } from './setup';

describe('Lumin → Signature Request → Create Signing Session', () => {
	const { sim, run } = useLumin();

	it('sends signer_email and expiry with the API key and outputs the session with an ISO expiry', async () => {
		const request = sim.seed();
		const before = Date.now();
		const { items, error } = await run({
			operation: 'createSigningSession',
			signatureRequestId: request.signature_request_id,
			signerEmail: 'signer@example.com',
			expiry: 600000,
		});

		expect(error).toBeUndefined();
		const [received] = sim.received('POST', '/signature_request/:id/signing-session');
		expect(received.path).toBe(
			`/signature_request/${request.signature_request_id}/signing-session`,
		);
		expect(received.headers['x-api-key']).toBe(sim.apiKey);
		expect(received.headers['content-type']).toContain('application/json');
		expect(received.body).toEqual({ signer_email: 'signer@example.com', expiry: 600000 });

		expect(items).toHaveLength(1);
		const out = items[0].json;
		expect(out.sign_url).toMatch(/^https:\/\/sign\.luminpdf\.com\/embed\?session=/);
		expect(out.signer_email).toBe('signer@example.com');
		expect(out.status).toBe('NEED_TO_SIGN');
		expect(out.signature_request_id).toBe(request.signature_request_id);
		expect(out.expires_at).toBeGreaterThanOrEqual(before + 600000);
		expect(out.expires_at_iso).toBe(new Date(out.expires_at as number).toISOString());
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('uses the default expiry of 900000 ms (15 minutes)', async () => {
		const request = sim.seed();
		const { error } = await run({
			operation: 'createSigningSession',
			signatureRequestId: request.signature_request_id,
			signerEmail: 'viewer@example.com',
		});
		expect(error).toBeUndefined();
		expect(sim.received('POST')[0].body.expiry).toBe(900000);
	});

	it.each([
		[299999, 'Expiry (Milliseconds): 299999'],
		[3600001, 'Expiry (Milliseconds): 3600001'],
		[900000.5, 'Expiry (Milliseconds): 900000.5'],
	])(
		'rejects expiry %p before any request, naming the field and the range',
		async (expiry, start) => {
			const { error, items } = await run({
				operation: 'createSigningSession',
				signatureRequestId: 'sr_1',
				signerEmail: 'signer@example.com',
				expiry,
			});
			expect(items).toHaveLength(0);
			expect(error?.message).toContain(start);
			expect(error?.message).toMatch(/300000 to 3600000/);
			expect(sim.requests).toHaveLength(0);
		},
	);

	it('rejects a malformed signer email and an empty or path-like request ID before any request', async () => {
		const bad = await run({
			operation: 'createSigningSession',
			signatureRequestId: 'sr_1',
			signerEmail: 'not-an-email',
		});
		expect(bad.error?.message).toContain('Signer Email: "not-an-email" is not allowed');
		const empty = await run({
			operation: 'createSigningSession',
			signatureRequestId: '={{ "" }}',
			signerEmail: 'a@b.co',
		});
		expect(empty.error?.message).toContain('Signature Request ID');
		const traversal = await run({
			operation: 'createSigningSession',
			signatureRequestId: '../templates',
			signerEmail: 'a@b.co',
		});
		expect(traversal.error?.message).toContain('must not contain "/"');
		expect(sim.requests).toHaveLength(0);
	});

	it('fails the item with Lumin’s code and message when the email is not a recipient', async () => {
		const request = sim.seed();
		const { error } = await run({
			operation: 'createSigningSession',
			signatureRequestId: request.signature_request_id,
			signerEmail: 'stranger@example.com',
		});
		expect(error?.message).toBe(
			'Lumin [recipient_not_found]: stranger@example.com is not a recipient of this signature request',
		);
		expect((error as any).httpCode).toBe('400');
		expect((error as any).context.itemIndex).toBe(0);
	});

	it('keeps going with Continue On Fail: one error item and one session, each paired with its input', async () => {
		const request = sim.seed();
		const { items, error } = await run(
			{
				operation: 'createSigningSession',
				signatureRequestId: request.signature_request_id,
				signerEmail: '={{ $json.email }}',
			},
			{
				input: [
					{ json: { email: 'nobody@example.com' } },
					{ json: { email: 'signer@example.com' } },
				],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toContain('recipient_not_found');
		expect(items[0].json.code).toBe('recipient_not_found');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.sign_url).toBeDefined();
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});

	it('reports a wrong API key as a 401 without revealing the key', async () => {
		const { error } = await run(
			{
				operation: 'createSigningSession',
				signatureRequestId: 'sr_x',
				signerEmail: 'signer@example.com',
			},
			{ store: useWrongKey() },
		);
		expect(error?.message).toContain('Lumin [invalid_api_key]');
		expect((error as any).description).toContain('Check the API key');
		expect(JSON.stringify(error)).not.toContain('wrong-key-0123456789');
	});

	function useWrongKey() {
		const { CredentialStore } = jest.requireActual('../harness/credentials');
		return new CredentialStore({
			luminApi: { apiKey: 'wrong-key-0123456789', environment: 'custom', customUrl: sim.baseUrl },
		});
	}
});
