import { ceremonyParams, useSignatureApi } from './setup';

describe('SignatureAPI → Ceremony → Create', () => {
	const { sim, run } = useSignatureApi();

	it('posts the authentication list and settings with the API key and explains the null url of an email link', async () => {
		const { recipient } = sim.seedEnvelope();
		const { items, error } = await run(
			'ceremony',
			ceremonyParams({
				recipientId: recipient.id,
				authentication: {
					method: [
						{
							type: 'email_link',
							subjectOverride: 'Please sign the Service Agreement',
							messageOverride: 'Please review and sign.',
						},
					],
				},
			}),
		);

		expect(error).toBeUndefined();
		const received = sim.received('POST', '/recipients/:id/ceremonies');
		expect(received).toHaveLength(1);
		expect(received[0].path).toBe(`/recipients/${recipient.id}/ceremonies`);
		expect(received[0].headers['x-api-key']).toBe(sim.testKey);
		expect(received[0].headers['content-type']).toContain('application/json');
		expect(received[0].body).toEqual({
			authentication: [
				{
					type: 'email_link',
					subject_override: 'Please sign the Service Agreement',
					message_override: 'Please review and sign.',
				},
			],
			redirect_delay: 3,
			url_variant: 'standard',
		});

		expect(items).toHaveLength(1);
		const out = items[0].json;
		expect(out.recipient_id).toBe(recipient.id);
		expect(out.url).toBeNull();
		expect(out.redirect_delay).toBe(3);
		expect(out.embeddable_in).toEqual([]);
		expect((out.notes as string[]).join(' ')).toMatch(/url is null .*emails the signing link/);
		expect((out.notes as string[]).join(' ')).toMatch(/revoked every earlier signing link/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('returns an embeddable url for a custom method, sending every setting in order', async () => {
		const { recipient } = sim.seedEnvelope();
		const { items, error } = await run(
			'ceremony',
			ceremonyParams({
				recipientId: recipient.id,
				authentication: {
					method: [
						{ type: 'custom', provider: 'acme-login', data: '{"user_id": "u-42"}' },
						{ type: 'email_code' },
					],
				},
				redirectUrl: 'https://app.example.com/done',
				redirectDelay: 0,
				urlVariant: 'short',
				embeddableIn: 'https://app.example.com, https://*.example.com',
			}),
		);

		expect(error).toBeUndefined();
		expect(sim.received('POST')[0].body).toEqual({
			authentication: [
				{ type: 'custom', provider: 'acme-login', data: { user_id: 'u-42' } },
				{ type: 'email_code' },
			],
			embeddable_in: ['https://app.example.com', 'https://*.example.com'],
			redirect_url: 'https://app.example.com/done',
			redirect_delay: 0,
			url_variant: 'short',
		});
		expect(items[0].json.url).toMatch(/^https:\/\/sign\.signatureapi\.com\/s\//);
		expect(items[0].json.notes).toEqual([
			'Creating this ceremony revoked every earlier signing link of this recipient.',
		]);
	});

	it('revokes the earlier ceremony of the recipient on the simulator', async () => {
		const { recipient } = sim.seedEnvelope();
		const custom = { authentication: { method: [{ type: 'custom', provider: 'acme' }] } };
		await run('ceremony', ceremonyParams({ recipientId: recipient.id, ...custom }));
		await run('ceremony', ceremonyParams({ recipientId: recipient.id, ...custom }));
		expect(recipient.ceremonies).toHaveLength(2);
		expect(recipient.ceremonies[0].revoked).toBe(true);
		expect(recipient.ceremonies[1].revoked).toBeUndefined();
	});

	it.each([
		[
			'recipient ID without re_',
			{ recipientId: 'env_123' },
			'Recipient ID: "env_123" is not allowed. Recipient IDs start with re_',
		],
		[
			'recipient ID with a slash',
			{ recipientId: 're_1/../envelopes' },
			'Recipient ID: "re_1/../envelopes" is not allowed',
		],
		[
			'redirect delay below 0',
			{ redirectDelay: -1 },
			'Redirect Delay (Seconds): -1 is not allowed. Must be from 0 to 20 seconds',
		],
		[
			'redirect delay above 20',
			{ redirectDelay: 21 },
			'Redirect Delay (Seconds): 21 is not allowed. Must be from 0 to 20 seconds',
		],
		[
			'fractional redirect delay',
			{ redirectDelay: 2.5 },
			'Redirect Delay (Seconds): 2.5 is not allowed. Must be a whole number from 0 to 20',
		],
		[
			'http:// redirect URL',
			{ redirectUrl: 'http://app.example.com/done' },
			'Redirect URL: "http://app.example.com/done" is not allowed. Only https:// URLs',
		],
		[
			'redirect URL that is no URL',
			{ redirectUrl: 'app.example.com' },
			'Redirect URL: "app.example.com" is not allowed. Must be a full URL',
		],
		[
			'unknown URL variant',
			{ urlVariant: 'tiny' },
			'URL Variant: "tiny" is not allowed. Must be standard or short',
		],
		[
			'origin with no scheme',
			{ embeddableIn: 'https://ok.example.com, app.example.com' },
			'Embeddable In → #2: "app.example.com" is not allowed. Each origin is a scheme and host',
		],
		[
			'empty authentication list',
			{ authentication: {} },
			'Authentication: [] is not allowed. Add at least one method',
		],
		[
			'unknown method',
			{ authentication: { method: [{ type: 'sms' }] } },
			'Authentication → #1 → Method: "sms" is not allowed. Must be email_link, email_code or custom',
		],
		[
			'custom method without provider',
			{ authentication: { method: [{ type: 'email_code' }, { type: 'custom', provider: '' }] } },
			'Authentication → #2 → Provider: "" is not allowed. A custom method needs the provider',
		],
		[
			'custom data that is no JSON object',
			{ authentication: { method: [{ type: 'custom', provider: 'acme', data: '[1,2]' }] } },
			'Authentication → #1 → Provider Data (JSON): "[1,2]" is not allowed. Must be a JSON object',
		],
	])(
		'rejects %s before any request, naming the field and the value',
		async (_case, overrides, message) => {
			const { items, error } = await run(
				'ceremony',
				ceremonyParams({ recipientId: 're_valid1', ...overrides }),
			);
			expect(items).toHaveLength(0);
			expect(error?.message).toContain(message);
			expect(sim.requests).toHaveLength(0);
		},
	);

	it('accepts "*" as an origin (any site) and the boundary delays 0 and 20', async () => {
		const { recipient } = sim.seedEnvelope();
		for (const redirectDelay of [0, 20]) {
			const { error } = await run(
				'ceremony',
				ceremonyParams({ recipientId: recipient.id, redirectDelay, embeddableIn: '*' }),
			);
			expect(error).toBeUndefined();
		}
		expect(sim.received('POST').map((r) => [r.body.redirect_delay, r.body.embeddable_in])).toEqual([
			[0, ['*']],
			[20, ['*']],
		]);
	});

	it('shows the problem title and detail of a 404, with the test/live hint', async () => {
		const { error } = await run('ceremony', ceremonyParams({ recipientId: 're_missing' }));
		expect(sim.received('POST')).toHaveLength(1);
		expect(error?.message).toBe(
			'SignatureAPI [not-found]: Not Found: Recipient re_missing was not found.',
		);
		expect((error as any).httpCode).toBe('404');
		expect((error as any).description).toContain('Test and live mode are separate');
		expect((error as any).context.itemIndex).toBe(0);
	});

	it('lists every entry of a 422 errors[] in the error description', async () => {
		const { recipient } = sim.seedEnvelope();
		// An expression can hand the API something the form would not: here the vendor's 422 is seen.
		sim.inject({
			kind: 'status',
			status: 422,
			headers: { 'content-type': 'application/problem+json' },
			body: {
				type: 'https://signatureapi.com/docs/v1/errors/validation-error',
				title: 'Validation Error',
				status: 422,
				detail: 'The request body has invalid fields.',
				errors: ['authentication[0].provider is required', 'redirect_url protocol must be HTTPS'],
			},
		});
		const { error } = await run('ceremony', ceremonyParams({ recipientId: recipient.id }));
		expect(error?.message).toBe(
			'SignatureAPI [validation-error]: Validation Error: The request body has invalid fields.',
		);
		expect((error as any).httpCode).toBe('422');
		expect((error as any).description).toContain('• authentication[0].provider is required');
		expect((error as any).description).toContain('• redirect_url protocol must be HTTPS');
	});

	it('keeps going with Continue On Fail: an error item and a ceremony, each paired with its input', async () => {
		const { recipient } = sim.seedEnvelope();
		const { items, error } = await run(
			'ceremony',
			ceremonyParams({ recipientId: '={{ $json.recipient }}' }),
			{
				input: [
					{ json: { recipient: 're_unknown' } },
					{ json: { recipient: 'bad' } },
					{ json: { recipient: recipient.id } },
				],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json.code).toBe('not-found');
		expect(items[0].json.httpCode).toBe('404');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.error).toContain('Recipient ID: "bad" is not allowed');
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[2].json.recipient_id).toBe(recipient.id);
		expect(items[2].pairedItem).toEqual({ item: 2 });
		expect(sim.received('POST')).toHaveLength(2);
	});
});
