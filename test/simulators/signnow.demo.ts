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
			// Examples start from a document uploaded earlier: the simulator holds it, with one signer
			// role. A node naming a field invite as well finds that invite on the document, embedded.
			prepare(workflow) {
				for (const node of workflow.nodes) {
					const { documentId, fieldInviteId } = node.parameters as Record<string, unknown>;
					if (typeof documentId !== 'string' || documentId.startsWith('=')) continue;
					const invite =
						typeof fieldInviteId === 'string' && !fieldInviteId.startsWith('=')
							? fieldInviteId
							: undefined;
					const doc =
						sim.documents.get(documentId) ??
						sim.seed({
							id: documentId,
							document_name: invite ? 'Agreement with an embedded invite' : 'Consulting agreement',
							roleNames: ['Signer 1'],
						});
					if (invite && !doc.field_invites.some((i) => i.id === invite)) {
						const [role] = doc.roles;
						doc.field_invites.push({
							id: invite,
							email: 'ana.signer@example.com',
							role: role.name,
							role_id: role.unique_id,
							order: 1,
							status: 'pending',
							is_embedded: true,
							auth_method: 'none',
						});
					}
				}
			},
			// signNow calls back the subscriptions a waiting execution made, once its signers have signed.
			async sign() {
				const waiting = [...sim.subscriptions.values()].filter((s) =>
					String(s.json_attributes.callback_url).includes('/webhook-waiting/'),
				);
				for (const documentId of new Set(waiting.map((s) => s.entity_id)))
					await sim.signAll(documentId);
			},
			stop: () => sim.stop(),
		};
	},
};
