import type { DemoSetup } from './demo-setup';
import { SignNowSimulator } from './signnow';

export const demo: DemoSetup = {
	credentialTypes: ['signNowApi'],
	async start() {
		const sim = await new SignNowSimulator().start();
		// A few documents, so the Document picker has something to show.
		for (const name of ['Consulting agreement', 'Lease renewal', 'Supplier NDA'])
			sim.seed({ document_name: name, roleNames: ['Signer 1'] });
		return {
			credentials: { signNowApi: sim.credential() },
			// Examples start from a document uploaded earlier: the simulator holds it, with one signer role.
			prepare(workflow) {
				for (const node of workflow.nodes) {
					const { documentId } = node.parameters as Record<string, unknown>;
					if (
						typeof documentId === 'string' &&
						!documentId.startsWith('=') &&
						!sim.documents.has(documentId)
					) {
						sim.seed({
							id: documentId,
							document_name: 'Consulting agreement',
							roleNames: ['Signer 1'],
						});
					}
				}
			},
			stop: () => sim.stop(),
		};
	},
};
