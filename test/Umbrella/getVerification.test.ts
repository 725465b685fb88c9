import { useUmbrella } from './setup';

describe('Umbrella QES → QES Onboarding → Get Verification', () => {
	const { sim, run } = useUmbrella();

	it('outputs status and identification of a completed session', async () => {
		const session = sim.seed();
		sim.complete(session.requestId);
		const { items, error } = await run({
			operation: 'getVerification',
			sessionId: session.requestId,
		});

		expect(error).toBeUndefined();
		const [received] = sim.received('GET', '/onboarding/getVerification/:sessionId');
		expect(received.path).toBe(`/onboarding/getVerification/${session.requestId}`);
		expect(received.headers.authorization).toMatch(/^Bearer /);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			isVerified: true,
			status: 'completed',
			requestId: session.requestId,
		});
		expect(items[0].json.identification).toMatchObject({
			firstName: 'Anna',
			lastName: 'Muster',
			source: 'ID-SELF',
		});
		expect(items[0].binary).toBeUndefined();
		expect(sim.received('GET', '/storage/:token')).toHaveLength(0);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('downloads the signed PDF into a binary field without sending the Umbrella token to the storage host', async () => {
		const session = sim.seed();
		sim.complete(session.requestId);
		const { items, error } = await run({
			operation: 'getVerification',
			sessionId: session.requestId,
			download: true,
			binaryPropertyName: 'signed',
		});

		expect(error).toBeUndefined();
		const [download] = sim.received('GET', '/storage/:token');
		expect(download.headers.authorization).toBeUndefined();
		const signed = (items[0].json.signature as any).content[0].signedResource;
		expect(signed.resourceUrl).toContain(download.path);
		const file = items[0].binary!.signed;
		expect(file.fileName).toBe('contract-signed.pdf');
		expect(file.mimeType).toBe('application/pdf');
		expect(Buffer.from(file.data, 'base64').toString('utf8')).toContain(
			`umbrella-${session.requestId}`,
		);
	});

	it('fails clearly, without downloading, when the signed document link has already expired', async () => {
		const session = sim.seed();
		sim.complete(session.requestId);
		sim.linkLifetimeMs = -1000;
		try {
			const { error } = await run({
				operation: 'getVerification',
				sessionId: session.requestId,
				download: true,
				binaryPropertyName: 'data',
			});
			expect(error?.message).toMatch(/^The download link of the signed document expired at \d{4}-/);
			expect((error as any).description).toContain('Run Get Verification again');
			expect(sim.received('GET', '/storage/:token')).toHaveLength(0);
		} finally {
			sim.linkLifetimeMs = 15 * 60_000;
		}
	});

	it('fails, storing nothing, when the storage host answers 200 with something other than the signed PDF', async () => {
		const session = sim.seed();
		sim.complete(session.requestId);
		sim.inject(
			{
				kind: 'status',
				status: 200,
				headers: { 'content-type': 'text/html' },
				body: '<html>Service unavailable</html>',
			},
			1,
			(r) => r.path.startsWith('/storage/'),
		);
		const { items, error } = await run({
			operation: 'getVerification',
			sessionId: session.requestId,
			download: true,
			binaryPropertyName: 'data',
		});
		expect(items).toHaveLength(0);
		// The simulator sends the body as JSON text, quotes included.
		expect(error?.message).toBe(
			'Umbrella [incomplete_answer]: the signed document contract-signed.pdf is not a PDF (34 bytes starting with ""<html>Service unava")',
		);
		expect((error as any).description).toContain('Run Get Verification again');
		expect(sim.received('GET', '/storage/:token')).toHaveLength(1);
	});

	it('fails the download of a session that is not signed yet, naming its status', async () => {
		const session = sim.seed();
		const { error } = await run({
			operation: 'getVerification',
			sessionId: session.requestId,
			download: true,
			binaryPropertyName: 'data',
		});
		expect(error?.message).toBe(
			`Session ${session.requestId} has no signed document yet (status: pending)`,
		);
	});

	it('fails the item with Umbrella’s message for an unknown session answered with status false', async () => {
		const { error } = await run({ operation: 'getVerification', sessionId: 'no-such-session' });
		expect(error?.message).toBe('Umbrella [status_false]: Session no-such-session not found');
	});

	it('rejects an empty or path-like session ID before any request', async () => {
		const empty = await run({ operation: 'getVerification', sessionId: '={{ "" }}' });
		expect(empty.error?.message).toContain(
			'Session ID: "" is not allowed. The session ID is required.',
		);
		const traversal = await run({ operation: 'getVerification', sessionId: '../configureWebhook' });
		expect(traversal.error?.message).toContain('Session ID: "../configureWebhook" is not allowed');
		expect(traversal.error?.message).toContain('must not contain "/"');
		const noField = await run({
			operation: 'getVerification',
			sessionId: 'abc',
			download: true,
			binaryPropertyName: '={{ "" }}',
		});
		expect(noField.error?.message).toContain('Put Output File in Field: "" is not allowed');
		expect(sim.requests).toHaveLength(0);
	});
});
