import { DOCSIGNER_CONSENT } from '../simulators/leegality';
import { useLeegality } from './setup';

describe('Leegality → DocSigner → Sign Invitation', () => {
	const { sim, run } = useLeegality();

	/** A fresh invitation for invitee@example.com, whose account has DocSigner profile d4NrfHV. */
	function invitation() {
		const doc = sim.seed();
		const token = sim.addInviteeAccount('invitee@example.com', ['d4NrfHV']);
		return { doc, signUrl: doc.invitations[0].signUrl, token };
	}

	const sign = (signUrl: string, extra: Record<string, unknown> = {}) => ({
		resource: 'docSigner',
		operation: 'signInvitation',
		signUrl,
		profileId: 'd4NrfHV',
		consent: true,
		...extra,
	});

	it('sends the sign URL, the profile and Leegality’s exact consent text with X-Auth-Token only', async () => {
		const { doc, signUrl, token } = invitation();
		const { items, error } = await run(sign(signUrl), { token });

		expect(error).toBeUndefined();
		const received = sim.received('POST', '/v3.0/sign/docSigner/invitation');
		expect(received).toHaveLength(1);
		expect(received[0].headers['x-auth-token']).toBe(token);
		expect(received[0].headers.authorization).toBeUndefined();
		expect(received[0].headers['content-type']).toContain('application/json');
		expect(received[0].body).toEqual({ signUrl, profileId: 'd4NrfHV', consent: DOCSIGNER_CONSENT });

		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			signed: true,
			signUrl,
			profileId: 'd4NrfHV',
			code: 'signing.success',
			message: 'Document signed successfully.',
			messages: [{ code: 'signing.success', message: 'Document signed successfully.' }],
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(sim.documents.get(doc.documentId)?.status).toBe('COMPLETED');
	});

	it('without the "I Agree" tick stops with a clear error and sends nothing', async () => {
		const { signUrl, token } = invitation();
		const { items, error } = await run(sign(signUrl, { consent: false }), { token });

		expect(items).toHaveLength(0);
		expect(error?.message).toContain('I Agree: false is not allowed');
		expect(error?.message).toContain('Tick "I Agree"');
		expect(sim.requests).toHaveLength(0);
	});

	it('rejects a sign URL that is not an https URL and an empty profile ID before any request', async () => {
		const { token } = invitation();
		const badUrl = await run(sign('sandbox.leegality.com/sign/abc'), { token });
		expect(badUrl.error?.message).toContain(
			'Sign URL: "sandbox.leegality.com/sign/abc" is not allowed',
		);
		const badProfile = await run(
			sign('https://sandbox.leegality.com/sign/abc', { profileId: '  ' }),
			{ token },
		);
		expect(badProfile.error?.message).toContain('DocSigner Profile ID: "  " is not allowed');
		expect(sim.requests).toHaveLength(0);
	});

	it('turns a wrong profile (HTTP 200, status 0) into an item error with profile.not.exists, never a success', async () => {
		const { signUrl, token } = invitation();
		const { items, error } = await run(sign(signUrl, { profileId: 'NoSuchProfile' }), { token });

		expect(sim.received('POST', '/v3.0/sign/docSigner/invitation')).toHaveLength(1);
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(
			'Leegality [profile.not.exists]: DocSigner profile does not exist.',
		);
		expect((error as any).description).toContain(
			'Settings → eSignature & Seal → Document Signer Certificate',
		);
		expect((error as any).httpCode).toBe('200');
		expect((error as any).context.itemIndex).toBe(0);
	});

	it('fails the second signing of the same invitation with invitation.not.exists and a plain hint', async () => {
		const { signUrl, token } = invitation();
		const first = await run(sign(signUrl), { token });
		expect(first.error).toBeUndefined();
		const second = await run(sign(signUrl), { token });

		expect(sim.received('POST', '/v3.0/sign/docSigner/invitation')).toHaveLength(2);
		expect(second.items).toHaveLength(0);
		expect(second.error?.message).toBe(
			'Leegality [invitation.not.exists]: Invitation does not exist.',
		);
		expect((second.error as any).description).toContain('already signed');
	});

	it('fails with invitation.not.exists when the token is the sender’s, not the invitee’s', async () => {
		const { signUrl } = invitation();
		const { error } = await run(sign(signUrl));
		expect(sim.received('POST')[0].headers['x-auth-token']).toBe(sim.authToken);
		expect(error?.message).toContain('[invitation.not.exists]');
		expect((error as any).description).toContain('invitee’s own');
	});

	it('treats a status-1 answer as success whatever its messages say', async () => {
		const { signUrl, token } = invitation();
		sim.inject({
			kind: 'status',
			status: 200,
			body: {
				status: 1,
				data: {},
				messages: [{ code: 'invitation.not.exists', message: 'odd but successful' }],
			},
		});
		const { items, error } = await run(sign(signUrl), { token });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			signed: true,
			code: 'invitation.not.exists',
			message: 'odd but successful',
		});
	});

	it('outputs only what Leegality sent: no code or message when a status-1 answer has none', async () => {
		const { signUrl, token } = invitation();
		sim.inject({ kind: 'status', status: 200, body: { status: 1, data: {} } });
		const { items, error } = await run(sign(signUrl), { token });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ signed: true, signUrl, profileId: 'd4NrfHV', messages: [] });
	});

	it('accepts status 1 sent as text', async () => {
		const { signUrl, token } = invitation();
		sim.inject({
			kind: 'status',
			status: 200,
			body: { status: '1', data: {}, messages: [{ code: 'signing.success' }] },
		});
		const { items, error } = await run(sign(signUrl), { token });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			signed: true,
			signUrl,
			profileId: 'd4NrfHV',
			code: 'signing.success',
			messages: [{ code: 'signing.success' }],
		});
	});

	describe('when the answer to the signing is lost after Leegality signed', () => {
		it.each([
			[
				'the connection drops',
				'drop' as const,
				'the connection closed before the answer arrived',
				undefined,
			],
			[
				'a gateway answers 504',
				504 as const,
				'the answer was lost (HTTP 504 from the gateway in front of the API)',
				'504',
			],
		])(
			'%s: signed once, not sent again, and the outcome is reported as unknown',
			async (_label, then, lost, httpCode) => {
				const { doc, signUrl, token } = invitation();
				sim.inject({ kind: 'applied', then });
				const { items, error } = await run(sign(signUrl), { token });

				// Only one request reached Leegality; a second one would only have answered invitation.not.exists.
				expect(sim.received('POST', '/v3.0/sign/docSigner/invitation')).toHaveLength(1);
				expect(sim.applied).toHaveLength(1);
				expect(sim.applied[0].answer.body).toMatchObject({
					status: 1,
					messages: [{ code: 'signing.success' }],
				});
				expect(sim.documents.get(doc.documentId)!.invitations[0].signed).toBe(true);

				expect(items).toHaveLength(0);
				expect(error?.message).toBe(
					`Leegality [outcome_unknown]: ${lost}, so it is not known whether the invitation was signed`,
				);
				expect((error as any).httpCode ?? undefined).toBe(httpCode);
				expect((error as any).description).toBe(
					'The request may have gone through. It was not sent again, so that nothing happens twice. Check the document with Sign Request → Get (with the sender’s credential) before signing again: once signed, signing again only answers invitation.not.exists.',
				);
			},
		);
	});

	it('with Continue On Fail outputs { error, code, httpCode, description } for a lost answer and for a status-0 answer, each paired with its input', async () => {
		const lost = invitation();
		const wrongProfile = invitation();
		sim.inject({ kind: 'applied', then: 'drop' }, 1, (req) => req.body?.signUrl === lost.signUrl);
		const { items, error } = await run(
			{ ...sign('={{ $json.url }}'), profileId: '={{ $json.profile }}' },
			{
				token: lost.token,
				continueOnFail: true,
				input: [
					{ json: { url: lost.signUrl, profile: 'd4NrfHV' } },
					{ json: { url: wrongProfile.signUrl, profile: 'Wrong1' } },
				],
			},
		);

		expect(error).toBeUndefined();
		expect(sim.received('POST', '/v3.0/sign/docSigner/invitation')).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json).toEqual({
			error:
				'Leegality [outcome_unknown]: the connection closed before the answer arrived, so it is not known whether the invitation was signed',
			code: 'outcome_unknown',
			description:
				'The request may have gone through. It was not sent again, so that nothing happens twice. Check the document with Sign Request → Get (with the sender’s credential) before signing again: once signed, signing again only answers invitation.not.exists.',
		});
		expect(items[1].json).toEqual({
			error: 'Leegality [profile.not.exists]: DocSigner profile does not exist.',
			code: 'profile.not.exists',
			httpCode: '200',
			description:
				'The DocSigner Profile ID is not in the invitee’s account. Copy it from the invitee’s dashboard: Settings → eSignature & Seal → Document Signer Certificate.',
		});
	});

	it('lists every message of a failure with several', async () => {
		const { signUrl, token } = invitation();
		sim.inject({
			kind: 'status',
			status: 200,
			body: {
				status: 0,
				data: {},
				messages: [
					{ code: 'invalid.consent', message: 'Invalid consent.' },
					{ code: 'profile.not.exists', message: 'DocSigner profile does not exist.' },
				],
			},
		});
		const { error } = await run(sign(signUrl), { token });
		expect(error?.message).toBe('Leegality [invalid.consent]: Invalid consent.');
		expect((error as any).description).toContain(
			'• profile.not.exists: DocSigner profile does not exist.',
		);
		expect((error as any).description).toContain('exact consent text');
	});

	it('with Continue On Fail outputs the error item and the signed item, each paired with its input', async () => {
		const { signUrl, token } = invitation();
		const { items, error } = await run(
			{ ...sign('={{ $json.url }}'), profileId: '={{ $json.profile }}' },
			{
				token,
				continueOnFail: true,
				input: [
					{ json: { url: signUrl, profile: 'Wrong1' } },
					{ json: { url: signUrl, profile: 'd4NrfHV' } },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toMatchObject({ code: 'profile.not.exists' });
		expect(items[0].json.error).toContain('Leegality [profile.not.exists]');
		expect(items[0].json.signed).toBeUndefined();
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json).toMatchObject({ signed: true, code: 'signing.success' });
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});

	it('is checked against a simulator that accepts only the exact consent text', async () => {
		const { signUrl, token } = invitation();
		const post = (consent: string) =>
			fetch(`${sim.baseUrl}/v3.0/sign/docSigner/invitation`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-auth-token': token },
				body: JSON.stringify({ signUrl, profileId: 'd4NrfHV', consent }),
			}).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: number } }));
		const altered = await post(DOCSIGNER_CONSENT.replace('By using', 'by using'));
		expect(altered).toEqual({
			status: 200,
			body: {
				status: 0,
				data: {},
				messages: [{ code: 'invalid.consent', message: 'Invalid consent.' }],
			},
		});
		const exact = await post(DOCSIGNER_CONSENT);
		expect(exact.body.status).toBe(1);
	});

	it('reports a rejected token (status 0 on HTTP 200) without revealing it', async () => {
		const { signUrl } = invitation();
		const { error } = await run(sign(signUrl), { token: 'lgl_wrong_token_0123456789' });
		expect(error?.message).toContain('Leegality [auth.token.invalid]');
		expect(JSON.stringify(error)).not.toContain('lgl_wrong_token_0123456789');
	});
});
