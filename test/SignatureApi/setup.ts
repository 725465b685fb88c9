import { type RunOptions, useVendor } from '../harness/vendor';
import { SignatureApiSimulator } from '../simulators/signatureapi';

export const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** One SignatureAPI simulator per test file, and a credential pointing at it. */
export function useSignatureApi() {
	const vendor = useVendor({
		simulator: new SignatureApiSimulator(),
		nodeType: 'signatureApi',
		credentialType: 'signatureApiApi',
		credentials: (sim) => ({ ...sim.credential(), webhookSecret: WEBHOOK_SECRET }),
		reset: (sim) => sim.resetRate(),
	});
	const run = (resource: string, parameters: Record<string, unknown>, options?: RunOptions) =>
		vendor.run({ resource, ...parameters }, options);
	return { ...vendor, run };
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
