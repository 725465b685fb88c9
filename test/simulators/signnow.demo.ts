import { isLocatorValue } from '../../nodes/shared/locator';
import type { DemoSetup } from './demo-setup';
import { SignNowSimulator } from './signnow';

/** The text fields demo documents and templates have, for Prefill Text Fields and its list. */
const TEXT_FIELDS = ['Customer Name', 'Price'];

/** A plain ID in a node parameter (a plain field or a locator), or undefined for an expression. */
function plainId(value: unknown): string | undefined {
	const text = isLocatorValue(value) ? value.value : value;
	return typeof text === 'string' && text && !text.startsWith('=') ? text : undefined;
}

export const demo: DemoSetup = {
	credentialTypes: ['signNowApi'],
	async start() {
		const sim = await new SignNowSimulator().start();
		// The demo plays the signer: whoever gets a link signs at once, so an example can go on to
		// the signed document and its audit trail.
		sim.signOnLink = true;
		// A few documents and a template, so the Document and Template pickers have something to show.
		for (const name of ['Consulting agreement', 'Lease renewal', 'Supplier NDA'])
			sim.seed({ document_name: name, roleNames: ['Signer 1'], textFields: TEXT_FIELDS });
		sim.seedTemplate({ document_name: 'Service agreement template', textFields: TEXT_FIELDS });
		return {
			credentials: { signNowApi: sim.credential() },
			// Examples start from a document uploaded earlier or a template made earlier: the simulator
			// holds it, with one signer role. A node naming a field invite as well finds that invite on
			// the document, embedded.
			prepare(workflow) {
				// An example that waits for the signature shows the wait: its signer signs once the
				// execution waits (see sign), not when the link is generated.
				sim.signOnLink = !workflow.nodes.some(
					(node) => (node.parameters as Record<string, unknown>).operation === 'waitForSignature',
				);
				for (const node of workflow.nodes) {
					const parameters = node.parameters as Record<string, unknown>;
					const templateId = plainId(parameters.templateId);
					if (templateId && !sim.documents.has(templateId))
						sim.seedTemplate({ id: templateId, textFields: TEXT_FIELDS });
					const documentId = plainId(parameters.documentId);
					if (!documentId) continue;
					const invite = plainId(parameters.fieldInviteId);
					const doc =
						sim.documents.get(documentId) ??
						sim.seed({
							id: documentId,
							document_name: invite ? 'Agreement with an embedded invite' : 'Consulting agreement',
							roleNames: ['Signer 1'],
							textFields: TEXT_FIELDS,
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
