import type { INodeExecutionData } from 'n8n-workflow';

import { CredentialStore } from '../harness/credentials';
import { runNode } from '../harness/run';
import { SignNowSimulator, taggedPdf } from '../simulators/signnow';

/** One signNow simulator per test file, and password-grant credentials pointing at it. */
export function useSignNow() {
	const sim = new SignNowSimulator();
	beforeAll(async () => {
		await sim.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => sim.clearLog());

	const credentials = (overrides: Record<string, string> = {}) =>
		new CredentialStore({
			signNowApi: {
				authentication: 'passwordGrant',
				clientId: sim.clientId,
				clientSecret: sim.clientSecret,
				username: sim.username,
				password: sim.password,
				pastedToken: '',
				webhookSecret: '',
				environment: 'custom',
				customUrl: sim.baseUrl,
				accessToken: '',
				...overrides,
			},
		});

	const run = (
		parameters: Record<string, unknown>,
		options: { input?: INodeExecutionData[]; continueOnFail?: boolean; store?: CredentialStore } = {},
	) =>
		runNode({
			type: 'signNow',
			parameters: parameters as never,
			credentials: options.store ?? credentials(),
			input: options.input,
			continueOnFail: options.continueOnFail,
		});

	/** Requests other than the token fetch: what the node itself sent. */
	const apiRequests = () => sim.requests.filter((r) => r.path !== '/oauth2/token');

	return { sim, credentials, run, apiRequests };
}

export function pdfItem(roles: string[], fileName = 'contract.pdf'): INodeExecutionData {
	return { json: {}, binary: { data: { data: taggedPdf(roles).toString('base64'), mimeType: 'application/pdf', fileName } } };
}
