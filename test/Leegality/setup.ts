import { type RunOptions, useVendor } from '../harness/vendor';
import { LeegalitySimulator } from '../simulators/leegality';

/** One Leegality simulator per test file, and credentials pointing at it. */
export function useLeegality() {
	const vendor = useVendor({
		simulator: new LeegalitySimulator(),
		nodeType: 'leegality',
		credentialType: 'leegalityApi',
		credentials: (sim) => sim.credential(),
	});
	/** `token` runs with another account's Auth Token, e.g. the invitee's for DocSigner signing. */
	const run = (parameters: Record<string, unknown>, options: RunOptions & { token?: string } = {}) =>
		vendor.run(parameters, { ...options, store: options.store ?? (options.token ? vendor.credentials({ authToken: options.token }) : undefined) });
	return { ...vendor, run };
}
