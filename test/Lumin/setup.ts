import { useVendor } from '../harness/vendor';
import { LuminSimulator } from '../simulators/lumin';

/** One Lumin simulator per test file, and a credential pointing at it. */
export function useLumin() {
	return useVendor({
		simulator: new LuminSimulator(),
		nodeType: 'lumin',
		credentialType: 'luminApi',
		credentials: (sim) => sim.credential(),
		defaults: { resource: 'signatureRequest' },
	});
}
