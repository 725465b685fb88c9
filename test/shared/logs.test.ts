import { existsSync, readFileSync } from 'node:fs';

import { LOG_FILE } from '../harness/env';
import { useLumin } from '../Lumin/setup';

async function logContaining(text: string, timeoutMs = 3000): Promise<string> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const log = existsSync(LOG_FILE) ? readFileSync(LOG_FILE, 'utf8') : '';
		if (log.includes(text) || Date.now() > until) return log;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe('secrets stay out of n8n’s log', () => {
	const { sim, run } = useLumin();

	it('a vendor error that echoes the API key is logged by n8n with the key redacted', async () => {
		sim.inject({
			kind: 'status',
			status: 400,
			body: {
				error_code: 'key_not_allowed',
				error_message: `Key ${sim.apiKey} may not embed on this domain`,
			},
		});
		const { error } = await run({ operation: 'get', signatureRequestId: 'sr_any' });
		expect(error?.message).toBe(
			'Lumin [key_not_allowed]: Key [redacted] may not embed on this domain',
		);

		// n8n logs the failed execution (message, description, error response, node) at error and debug level.
		const log = await logContaining('Key [redacted] may not embed');
		expect(log).toContain('Key [redacted] may not embed on this domain');
		expect(log).not.toContain(sim.apiKey);
	});

	it('a wrong key reported by the vendor does not end up in the log', async () => {
		const { run: runWith } = { run };
		const wrongKey = 'lumin_wrong_key_a1b2c3d4e5';
		const { CredentialStore } = await import('../harness/credentials');
		const { error } = await runWith(
			{ operation: 'get', signatureRequestId: 'sr_any' },
			{
				store: new CredentialStore({
					luminApi: { apiKey: wrongKey, environment: 'custom', customUrl: sim.baseUrl },
				}),
			},
		);
		expect(error?.message).toContain('invalid_api_key');
		const log = await logContaining('invalid_api_key');
		expect(log).toContain('invalid_api_key');
		expect(log).not.toContain(wrongKey);
		expect(log).not.toContain(sim.apiKey);
	});
});
