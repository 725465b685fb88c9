import type { INodeExecutionData } from 'n8n-workflow';

import { CredentialStore } from '../harness/credentials';
import { runNode } from '../harness/run';
import { SignatureApiSimulator } from '../simulators/signatureapi';

export const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** One SignatureAPI simulator per test file, and a credential pointing at it. */
export function useSignatureApi() {
	const sim = new SignatureApiSimulator();
	beforeAll(async () => {
		await sim.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.clearLog();
		sim.resetRate();
	});

	const credentials = (overrides: Record<string, string> = {}) =>
		new CredentialStore({
			signatureApiApi: { apiKey: sim.testKey, webhookSecret: WEBHOOK_SECRET, environment: 'custom', customUrl: sim.baseUrl, ...overrides },
		});

	const run = (
		resource: string,
		parameters: Record<string, unknown>,
		options: { input?: INodeExecutionData[]; continueOnFail?: boolean; store?: CredentialStore } = {},
	) =>
		runNode({
			type: 'signatureApi',
			parameters: { resource, ...parameters } as never,
			credentials: options.store ?? credentials(),
			input: options.input,
			continueOnFail: options.continueOnFail,
		});

	return { sim, credentials, run };
}

/** Parameters of Ceremony → Create as n8n stores them, with the node's defaults. */
export function ceremonyParams(overrides: Record<string, unknown> = {}) {
	return {
		operation: 'create',
		recipientId: 're_placeholder',
		authentication: { method: [{ type: 'email_link' }] },
		redirectUrl: '',
		redirectDelay: 3,
		urlVariant: 'standard',
		embeddableIn: '',
		...overrides,
	};
}
