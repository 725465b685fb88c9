import { useUmbrella } from './setup';

describe('Umbrella QES → QES Onboarding → Configure Webhook', () => {
	const { sim, run } = useUmbrella();

	it('registers the URL with the auth headers Umbrella must send, and outputs only the header names', async () => {
		const { items, error } = await run({
			operation: 'configureWebhook',
			webhookUrl: 'https://hooks.example.com/umbrella',
			authHeaders: {
				header: [
					{ name: 'Authorization', value: 'Bearer receiver-secret-123456' },
					{ name: 'X-Tenant', value: 'acme-tenant' },
				],
			},
		});

		expect(error).toBeUndefined();
		const [received] = sim.received('POST', '/onboarding/configureWebhook');
		expect(received.headers.authorization).toMatch(/^Bearer eyJ/);
		expect(received.body).toEqual({
			webhookUrl: 'https://hooks.example.com/umbrella',
			metadata: {
				authHeader: { Authorization: 'Bearer receiver-secret-123456', 'X-Tenant': 'acme-tenant' },
			},
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			id: sim.webhook!.id,
			url: 'https://hooks.example.com/umbrella',
			createdAt: sim.webhook!.createdAt,
			authHeaderNames: ['Authorization', 'X-Tenant'],
		});
		expect(JSON.stringify(items)).not.toContain('receiver-secret-123456');
	});

	it('rejects a bad URL, a bad header name and a header listed twice before any request', async () => {
		const url = await run({ operation: 'configureWebhook', webhookUrl: 'hooks.example.com' });
		expect(url.error?.message).toContain(
			'Webhook URL: "hooks.example.com" is not allowed. Must be a full URL',
		);
		const name = await run({
			operation: 'configureWebhook',
			webhookUrl: 'https://h.example.com',
			authHeaders: { header: [{ name: 'X Secret', value: 'v' }] },
		});
		expect(name.error?.message).toContain('Auth Headers → #1 → Name: "X Secret" is not allowed');
		const twice = await run({
			operation: 'configureWebhook',
			webhookUrl: 'https://h.example.com',
			authHeaders: {
				header: [
					{ name: 'X-Secret', value: 'a' },
					{ name: 'x-secret', value: 'b' },
				],
			},
		});
		expect(twice.error?.message).toBe(
			'Auth Headers → #2 → Name: "x-secret" is not allowed: it repeats Auth Headers → #1 → Name. Each header can be given once; header names are not case-sensitive.',
		);
		expect(sim.requests).toHaveLength(0);
	});
});
