import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CredentialStore, TestCredentialsHelper } from '../harness/credentials';
import { loadPackage } from '../harness/package';
import { LeegalitySimulator } from '../simulators/leegality';

/**
 * Runs the credential's `test` the way n8n's credentials tester does: the request with its
 * expressions resolved and `authenticate` applied, then each responseSuccessBody rule on the body.
 */
async function testCredential(data: ICredentialDataDecryptedObject) {
	const pkg = await loadPackage();
	const type = pkg.credentialTypes.leegalityApi;
	const node: INode = { id: 'cred-test', name: 'Credential Test', type: 'n8n-nodes-esign.leegality', typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: pkg.nodeTypes });
	const request = type.test!.request;
	const baseURL = workflow.expression.getSimpleParameterValue(node, String(request.baseURL), 'internal', { $credentials: data }, undefined, '');
	const helper = new TestCredentialsHelper(new CredentialStore({ leegalityApi: data }), pkg.credentialTypes);
	const options = (await helper.authenticate(data, 'leegalityApi', { url: String(request.url), qs: request.qs, headers: {} } as IHttpRequestOptions, workflow, node)) as IHttpRequestOptions;
	const url = new URL(`${String(baseURL)}${options.url}`);
	for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
	const response = await fetch(url, { headers: options.headers as Record<string, string> });
	const body = (await response.json()) as Record<string, unknown>;
	for (const rule of type.test!.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK' };
}

describe('Leegality API credential', () => {
	const sim = new LeegalitySimulator();
	beforeAll(async () => {
		await sim.start();
	});
	afterAll(async () => {
		await sim.stop();
	});

	it('passes its test with a valid Auth Token, sent as X-Auth-Token only, with max=1', async () => {
		const result = await testCredential({ authToken: sim.authToken, privateSaltSecret: '', environment: 'custom', customUrl: `${sim.baseUrl}/` });
		expect(result).toEqual({ status: 'OK' });
		const [received] = sim.received('GET', '/v3.0/sign/request/list');
		expect(received.query).toEqual({ max: '1' });
		expect(received.headers['x-auth-token']).toBe(sim.authToken);
		expect(received.headers.authorization).toBeUndefined();
	});

	it('fails its test on the HTTP 200 status-0 answer to a wrong token', async () => {
		const result = await testCredential({ authToken: 'lgl_not_a_real_token', privateSaltSecret: '', environment: 'custom', customUrl: sim.baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Leegality rejected the Auth Token');
	});

	it('points Production and Sandbox at Leegality’s documented hosts', async () => {
		const pkg = await loadPackage();
		const props = pkg.credentialTypes.leegalityApi.properties.find((p) => p.name === 'environment')!;
		expect(props.options).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ value: 'production', description: 'https://app1.leegality.com/api' }),
				expect.objectContaining({ value: 'sandbox', description: 'https://sandbox.leegality.com/api' }),
			]),
		);
	});
});
