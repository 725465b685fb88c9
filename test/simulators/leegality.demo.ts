import type { DemoSetup } from './demo-setup';
import { LeegalitySimulator } from './leegality';

export const demo: DemoSetup = {
	credentialTypes: ['leegalityApi'],
	async start() {
		const sim = await new LeegalitySimulator().start();
		// A few sign requests, so the Document picker has something to show.
		for (const [name, irn] of [
			['Loan agreement', 'LN-2026-001'],
			['Rental agreement', 'RA-7731'],
			['Vendor onboarding', 'VO-0042'],
		])
			sim.seed({ name, irn });
		return {
			credentials: { leegalityApi: sim.credential() },
			// Examples sign an invitation sent earlier and then look its document up by IRN: the
			// simulator holds that invitation, for the credential's own account, under the searched IRN.
			prepare(workflow) {
				const params = workflow.nodes.map((node) => node.parameters as Record<string, any>);
				const irn = params.find((p) => typeof p.filters?.q === 'string')?.filters.q as
					| string
					| undefined;
				for (const p of params) {
					// Wait for Signature reads the document: every invitee signs right after its first read.
					if (
						p.operation === 'waitForSignature' &&
						typeof p.documentId === 'string' &&
						!p.documentId.startsWith('=')
					) {
						const documentId = p.documentId;
						if (!sim.documents.has(documentId))
							sim.seed({ documentId, name: 'Loan agreement', irn: 'LN-2026-077' });
						sim.afterRequest(
							(r) => r.path === '/v3.3/document/details' && r.query.documentId === documentId,
							() => sim.signAll(documentId),
						);
					}
					if (
						p.operation === 'signInvitation' &&
						typeof p.signUrl === 'string' &&
						!p.signUrl.startsWith('=')
					) {
						sim.seedDocSignerInvitation({
							token: sim.authToken,
							signUrl: p.signUrl,
							profileId: String(p.profileId),
							irn,
						});
					}
				}
			},
			stop: () => sim.stop(),
		};
	},
};
