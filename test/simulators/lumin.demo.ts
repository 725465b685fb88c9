import type { DemoSetup } from './demo-setup';
import { LuminSimulator } from './lumin';

export const demo: DemoSetup = {
	credentialTypes: ['luminApi'],
	async start() {
		const sim = await new LuminSimulator().start();
		// A third template, so the Template picker shows a list.
		sim.templates.push({ id: 'ag_tpl_lease', name: 'Lease Agreement', roles: ['Tenant'] });
		return {
			credentials: { luminApi: sim.credential() },
			// Examples embed signing for a request sent earlier: the simulator holds one with that ID and signer.
			prepare(workflow) {
				const waits = workflow.nodes.some(
					(node) => (node.parameters as Record<string, unknown>).operation === 'waitForSignature',
				);
				for (const node of workflow.nodes) {
					const { signatureRequestId, signerEmail } = node.parameters as Record<string, unknown>;
					if (typeof signatureRequestId === 'string' && !signatureRequestId.startsWith('=')) {
						sim.seed({
							signature_request_id: signatureRequestId,
							title: 'Service agreement',
							signers: [
								{
									email_address: String(signerEmail),
									name: 'Demo Signer',
									is_approved: false,
									status: 'NEED_TO_SIGN',
								},
							],
						});
						// Wait for Signature reads the request: the signer signs right after its first read.
						if (waits)
							sim.afterRequest(
								(r) => r.method === 'GET' && r.path === `/signature_request/${signatureRequestId}`,
								() => sim.approve(signatureRequestId),
							);
					}
				}
			},
			stop: () => sim.stop(),
		};
	},
};
