import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import type { Simulator } from '../simulators/base';
import { CredentialStore } from './credentials';
import { runNode } from './run';

export interface RunOptions {
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	store?: CredentialStore;
	typeVersion?: number;
	cancelWhen?: Promise<unknown>;
}

/**
 * One vendor simulator per test file (started before, stopped after, its log cleared before each
 * test), a credential pointing at it, and `run` for the vendor's action node.
 */
export function useVendor<S extends Simulator>(options: {
	simulator: S;
	nodeType: string;
	credentialType: string;
	credentials: (sim: S) => ICredentialDataDecryptedObject;
	/** Parameters every run starts from, e.g. the node's only resource. */
	defaults?: Record<string, unknown>;
	/** Extra reset before each test, e.g. a rate limiter's counters. */
	reset?: (sim: S) => void;
}) {
	const sim = options.simulator;
	beforeAll(async () => {
		await sim.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.clearLog();
		options.reset?.(sim);
	});

	const credentials = (overrides: Record<string, string> = {}) =>
		new CredentialStore({
			[options.credentialType]: { ...options.credentials(sim), ...overrides },
		});

	const run = (parameters: Record<string, unknown>, runOptions: RunOptions = {}) =>
		runNode({
			type: options.nodeType,
			parameters: { ...options.defaults, ...parameters } as never,
			credentials: runOptions.store ?? credentials(),
			input: runOptions.input,
			continueOnFail: runOptions.continueOnFail,
			typeVersion: runOptions.typeVersion,
			cancelWhen: runOptions.cancelWhen,
		});

	return { sim, credentials, run };
}
