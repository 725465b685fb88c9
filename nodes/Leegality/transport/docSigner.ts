import type { ApiClient } from '../../shared/transport/client';
import { reportedMessages } from './answers';

/**
 * The consent Leegality requires for DocSigner signing, character for character: any other text,
 * even with different spacing or case, is refused with `invalid.consent`.
 */
export const DOCSIGNER_CONSENT =
	'By using this authenticated API and the ProfileID associated with this Document Signer Certificate, I agree that the Document Signer Certificate saved in this Account will be used to eSign documents for me. I also understand that recipients of such electronic documents will be able to see my signing details.';

/**
 * Signs an invitation with the Document Signer Certificate `profileId` of the invitee's account,
 * giving Leegality's consent. Only status 1 returns: the invitation is signed, and the code and
 * text are Leegality's, when it sent them.
 */
export async function signInvitation(
	api: ApiClient,
	invitation: { signUrl: string; profileId: string },
	itemIndex: number,
) {
	const answer = await api.request<unknown>(
		{
			method: 'POST',
			path: '/v3.0/sign/docSigner/invitation',
			body: {
				signUrl: invitation.signUrl,
				profileId: invitation.profileId,
				consent: DOCSIGNER_CONSENT,
			},
			// Leegality offers no read by sign URL, so the outcome cannot be settled here.
			ifUnknown: {
				happened: 'the invitation was signed',
				advice:
					'Check the document with Sign Request → Get (with the sender’s credential) before signing again: once signed, signing again only answers invitation.not.exists.',
			},
		},
		itemIndex,
	);
	return reportedMessages(answer);
}
