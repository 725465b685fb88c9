import { CredentialStore } from '../harness/credentials';
import { runNode } from '../harness/run';
import { LuminSimulator } from '../simulators/lumin';

/** One Lumin simulator per test file, and a credential pointing at it. */
export function useLumin() {
	const sim = new LuminSimulator();
	beforeAll(async () => {
		await sim.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => sim.clearLog());

	const credentials = (overrides: Record<string, string> = {}) =>
		new CredentialStore({ luminApi: { apiKey: sim.apiKey, environment: 'custom', customUrl: sim.baseUrl, ...overrides } });

	const run = (parameters: Record<string, unknown>, options: { input?: any[]; continueOnFail?: boolean; store?: CredentialStore } = {}) =>
		runNode({
			type: 'lumin',
			parameters: { resource: 'signatureRequest', ...parameters } as never,
			credentials: options.store ?? credentials(),
			input: options.input,
			continueOnFail: options.continueOnFail,
		});

	return { sim, credentials, run };
}
