import { CredentialStore } from '../harness/credentials';
import { runNode } from '../harness/run';
import { LeegalitySimulator } from '../simulators/leegality';

/** One Leegality simulator per test file, and credentials pointing at it. */
export function useLeegality() {
	const sim = new LeegalitySimulator();
	beforeAll(async () => {
		await sim.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => sim.clearLog());

	const credentials = (overrides: Record<string, string> = {}) =>
		new CredentialStore({
			leegalityApi: {
				authToken: sim.authToken,
				privateSaltSecret: sim.privateSalt,
				environment: 'custom',
				customUrl: sim.baseUrl,
				...overrides,
			},
		});

	const run = (
		parameters: Record<string, unknown>,
		options: { input?: any[]; continueOnFail?: boolean; store?: CredentialStore; token?: string } = {},
	) =>
		runNode({
			type: 'leegality',
			parameters: parameters as never,
			credentials: options.store ?? credentials(options.token ? { authToken: options.token } : {}),
			input: options.input,
			continueOnFail: options.continueOnFail,
		});

	return { sim, credentials, run };
}
