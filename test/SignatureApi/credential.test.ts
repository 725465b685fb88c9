import type { INode } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from '../harness/credentials';
import { loadPackage } from '../harness/package';
import { ceremonyParams, useSignatureApi } from './setup';

describe('SignatureAPI credential', () => {
	const { sim, run, credentials } = useSignatureApi();

	it('shows the test or live notice by the key prefix, and neither (without an error) before a key is there', async () => {
		const { properties } = (await loadPackage()).credentialTypes.signatureApiApi;
		const notices = properties.filter((p) => p.type === 'notice');
		const shown = (values: Record<string, string>) =>
			notices.filter((p) => NodeHelpers.displayParameter(values, p, null, null)).map((p) => p.name);
		expect(shown({ apiKey: 'key_test_abc' })).toEqual(['testModeNotice']);
		expect(shown({ apiKey: 'key_live_abc' })).toEqual(['liveModeNotice']);
		expect(shown({ apiKey: 'xkey_test_abc' })).toEqual([]);
		// The editor evaluates these while a saved credential's dialog is still loading.
		expect(shown({})).toEqual([]);
	});

	/** The credential's Test request, built and authenticated the way n8n does, sent to the simulator. */
	async function credentialTest(data: Record<string, string>) {
		const pkg = await loadPackage();
		const type = pkg.credentialTypes.signatureApiApi;
		const node: INode = {
			id: 'n',
			name: 'n',
			type: 'n8n-nodes-esign.signatureApi',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			nodeTypes: pkg.nodeTypes,
			active: false,
		});
		const store = credentials(data);
		const creds = store.get('signatureApiApi');
		const request = type.test!.request;
		const baseURL = workflow.expression.getSimpleParameterValue(
			node,
			request.baseURL!,
			'internal',
			{ $credentials: creds },
			undefined,
			'',
		) as string;
		const options = await new TestCredentialsHelper(store, pkg.credentialTypes).authenticate(
			creds,
			'signatureApiApi',
			{ url: `${baseURL}${request.url}`, headers: {} } as never,
			workflow,
			node,
		);
		const query = new URLSearchParams(
			Object.entries(request.qs ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
		);
		const response = await fetch(`${options.url}?${query}`, {
			headers: options.headers as Record<string, string>,
		});
		return { status: response.status, body: (await response.json()) as { type?: string } };
	}

	it('Test sends the key as X-API-Key to GET /envelopes and passes with a good key', async () => {
		const { status } = await credentialTest({});
		expect(status).toBe(200);
		const [received] = sim.received('GET', '/envelopes');
		expect(received.headers['x-api-key']).toBe(sim.testKey);
		expect(received.query).toEqual({ limit: '1' });
	});

	it('Test fails with the vendor’s 401 for an unknown key', async () => {
		const { status, body } = await credentialTest({ apiKey: 'key_test_not_a_real_one' });
		expect(status).toBe(401);
		expect(body.type).toMatch(/invalid-api-key$/);
	});

	it('uses https://api.signatureapi.com/v1 when the environment is Production', async () => {
		const pkg = await loadPackage();
		const environment = pkg.credentialTypes.signatureApiApi.properties.find(
			(p) => p.name === 'environment',
		)!;
		expect((environment.options as Array<{ value: string }>).map((o) => o.value)).toEqual([
			'production',
			'custom',
		]);
		expect(pkg.credentialTypes.signatureApiApi.test!.request.baseURL).toContain(
			"'https://api.signatureapi.com/v1'",
		);
	});

	it.each(['sk_live_123456789', 'KEY_TEST_abc123456', ' 4Jd8sPq2LmZx7Vw1Rt6y'])(
		'rejects the key %p, which has neither prefix, before any request, naming the credential field',
		async (apiKey) => {
			const { error, items } = await run('ceremony', ceremonyParams({ recipientId: 're_1' }), {
				store: credentials({ apiKey }),
			});
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(
				'SignatureAPI credential → API Key: the key starts with neither "key_test_" nor "key_live_"',
			);
			expect((error as any).description).toContain(
				'Test keys start with key_test_, live keys with key_live_',
			);
			expect(sim.requests).toHaveLength(0);
		},
	);

	it('explains live-mode-disabled in plain words for a live key on an unpaid account', async () => {
		const { error } = await run('ceremony', ceremonyParams({ recipientId: 're_1' }), {
			store: credentials({ apiKey: sim.liveKey }),
		});
		expect(sim.received('POST')[0].headers['x-api-key']).toBe(sim.liveKey);
		expect(error?.message).toBe(
			'SignatureAPI [live-mode-disabled]: Live Mode Disabled: Live mode is not enabled for this account.',
		);
		expect((error as any).httpCode).toBe('401');
		expect((error as any).description).toContain(
			'live mode is not switched on for the account yet',
		);
		expect((error as any).description).toContain('add a payment method');
	});

	it('reports a wrong key as invalid-api-key without revealing the key or the webhook secret', async () => {
		const wrong = 'key_test_WRONG0123456789';
		const { error } = await run('ceremony', ceremonyParams({ recipientId: 're_1' }), {
			store: credentials({ apiKey: wrong }),
		});
		expect(error?.message).toContain('SignatureAPI [invalid-api-key]');
		expect((error as any).description).toContain(
			'Check the API Key in the SignatureAPI credential',
		);
		const text = JSON.stringify(error);
		expect(text).not.toContain(wrong);
		expect(text).not.toContain('whsec_');
	});

	it('shows the mode the envelope was created in (test for a key_test_ key)', async () => {
		const { envelope } = sim.seedEnvelope();
		const { items } = await run('envelope', { operation: 'get', envelopeId: envelope.id });
		expect(items[0].json.mode).toBe('test');
	});
});
