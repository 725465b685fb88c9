import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { testCredential as runCredentialTest } from '../harness/context';
import { CredentialStore } from '../harness/credentials';
import { loadPackage } from '../harness/package';
import { LeegalitySimulator } from '../simulators/leegality';

const testCredential = (data: ICredentialDataDecryptedObject) =>
	runCredentialTest('leegalityApi', 'leegality', new CredentialStore({ leegalityApi: data }));

describe('Leegality API credential', () => {
	const sim = new LeegalitySimulator();
	beforeAll(async () => {
		await sim.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => sim.clearLog());

	it('passes its test with a valid Auth Token, sent as X-Auth-Token only, with max=1', async () => {
		const result = await testCredential({
			authToken: sim.authToken,
			privateSaltSecret: '',
			environment: 'custom',
			customUrl: `${sim.baseUrl}/`,
		});
		expect(result.status).toBe('OK');
		const [received] = sim.received('GET', '/v3.0/sign/request/list');
		expect(received.query).toEqual({ max: '1' });
		expect(received.headers['x-auth-token']).toBe(sim.authToken);
		expect(received.headers.authorization).toBeUndefined();
	});

	it('fails its test on the HTTP 200 status-0 answer to a wrong token', async () => {
		const result = await testCredential({
			authToken: 'lgl_not_a_real_token',
			privateSaltSecret: '',
			environment: 'custom',
			customUrl: sim.baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Leegality rejected the Auth Token');
	});

	const credential = () => ({
		authToken: sim.authToken,
		privateSaltSecret: '',
		environment: 'custom',
		customUrl: sim.baseUrl,
	});

	it.each([
		['status "0"', { status: '0', data: {}, messages: [] }, 'Leegality rejected the Auth Token'],
		['no status', {}, 'The answer has no Leegality status (1 = success)'],
		[
			'data without status',
			{ data: { documents: [] } },
			'The answer has no Leegality status (1 = success)',
		],
		['status null', { status: null }, 'The answer has no Leegality status (1 = success)'],
	])('fails its test on an HTTP 200 answer with %s', async (_what, body, message) => {
		sim.inject({ kind: 'status', status: 200, body });
		const result = await testCredential(credential());
		expect(sim.received('GET', '/v3.0/sign/request/list')).toHaveLength(1);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(message);
	});

	it('passes its test on status 1 sent as text', async () => {
		sim.inject({
			kind: 'status',
			status: 200,
			body: { status: '1', data: { documents: [] }, messages: [] },
		});
		expect((await testCredential(credential())).status).toBe('OK');
	});

	it('points Production and Sandbox at Leegality’s documented hosts', async () => {
		const pkg = await loadPackage();
		const props = pkg.credentialTypes.leegalityApi.properties.find(
			(p) => p.name === 'environment',
		)!;
		expect(props.options).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					value: 'production',
					description: 'https://app1.leegality.com/api',
				}),
				expect.objectContaining({
					value: 'sandbox',
					description: 'https://sandbox.leegality.com/api',
				}),
			]),
		);
	});
});
