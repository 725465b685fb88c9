import type { ApiClient } from '../../shared/transport/client';
import { signingLinkAnswer, signingSessionAnswer } from './answers';

/** Lumin's ways into the signing page: an embeddable session, or a link that opens Lumin. */

/** A short-lived sign URL for a signer or viewer of the request, valid for `expiry` milliseconds. */
export async function createSigningSession(
	api: ApiClient,
	id: string,
	signerEmail: string,
	expiry: number,
	itemIndex: number,
) {
	return await api.requestChecked(
		{
			method: 'POST',
			path: `/signature_request/${encodeURIComponent(id)}/signing-session`,
			body: { signer_email: signerEmail, expiry },
			ifUnknown: {
				happened: 'a signing session was created',
				advice:
					'Run the item again for a new session: a session that was created and not used only expires.',
			},
		},
		signingSessionAnswer,
		itemIndex,
	);
}

/** A link that opens the signing page in Lumin for one signer. */
export async function getSigningLink(
	api: ApiClient,
	id: string,
	signerEmail: string,
	itemIndex: number,
) {
	return await api.requestChecked(
		{
			method: 'POST',
			path: `/signature_request/${encodeURIComponent(id)}/signing-link`,
			body: { signer_email: signerEmail },
			ifUnknown: {
				happened: 'a signing link was created',
				advice: 'Run the item again for a new link; it opens the same signing.',
			},
		},
		signingLinkAnswer,
		itemIndex,
	);
}
