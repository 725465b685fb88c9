import { plainRequest } from '../harness/tls';
import type { DemoSetup } from './demo-setup';
import { SignatureApiSimulator } from './signatureapi';

export const demo: DemoSetup = {
	credentialTypes: ['signatureApiApi'],
	async start() {
		const sim = await new SignatureApiSimulator().start();
		// A few envelopes, so the Envelope picker has something to show.
		for (const [title, label, status] of [
			['Service Agreement', 'deal-1042', 'in_progress'],
			['Lease Renewal', 'unit-7b', 'in_progress'],
			['Supplier NDA', 'acme', 'completed'],
		] as const)
			sim.seedEnvelope({ title, label, status });
		return {
			credentials: { signatureApiApi: sim.credential() },
			// Examples that start from an existing envelope or recipient get them seeded under the IDs they use.
			prepare(workflow) {
				for (const node of workflow.nodes) {
					const { recipientId, envelopeId } = node.parameters as Record<string, unknown>;
					if (typeof recipientId === 'string' && recipientId.startsWith('re_'))
						sim.seedEnvelope({}, { id: recipientId });
					if (typeof envelopeId === 'string' && !envelopeId.startsWith('=') && envelopeId)
						sim.seedEnvelope({ id: envelopeId });
				}
			},
			// A signer whose ceremony sends them back to a waiting execution signs, and their browser goes back.
			async sign() {
				for (const recipient of sim.recipients.values()) {
					const redirect = recipient.ceremony?.redirect_url ?? '';
					if (!redirect.includes('/webhook-waiting/') || recipient.status === 'completed') continue;
					await plainRequest(sim.finishCeremony(recipient.id));
				}
			},
			stop: () => sim.stop(),
		};
	},
};
