import type { ApiClient } from '../../shared/transport/client';
import {
	createdInvitesAnswer,
	deletedAnswer,
	isEmbedded,
	linkAnswer,
	sameEmail,
	type SignNowDocument,
} from './answers';
import { readDocument } from './documents';

/** signNow's embedded invites: signing without emails, opened through links the node generates. */

const invitesPath = (documentId: string) =>
	`/v2/documents/${encodeURIComponent(documentId)}/embedded-invites`;

/** One invite as signNow takes it: a signer for one role of the document. */
export interface NewInvite {
	email: string;
	role_id: string;
	order: number;
	auth_method: string;
	redirect_uri?: string;
	decline_redirect_uri?: string;
}

/**
 * Creates the invites of a document once; `before` is the document as read just before, so that
 * a lost answer can be settled by the invites that appeared since. The answer lists one created
 * invite, with its ID, for every email.
 */
export async function createEmbeddedInvites(
	api: ApiClient,
	documentId: string,
	before: SignNowDocument,
	invites: NewInvite[],
	itemIndex: number,
) {
	const existing = new Set(before.field_invites.map((inv) => inv.id));
	return await api.requestChecked(
		{
			method: 'POST',
			path: invitesPath(documentId),
			body: { invites },
			ifUnknown: {
				happened: 'the embedded invites were created',
				advice: 'Check with Document → Get: its field_invites list the invites that exist.',
				// New embedded invites (not there before) for every requested email settle it; none or
				// some leave it open, since signNow may still be creating them.
				settle: async () => {
					const after = await readDocument(api, documentId, itemIndex);
					const added = after.field_invites.filter(
						(inv) => isEmbedded(inv) && !existing.has(inv.id),
					);
					const found = invites.map((inv) => added.find((a) => sameEmail(a.email, inv.email)));
					if (found.some((f) => f === undefined)) return undefined;
					return {
						data: found.map((f, n) => ({
							id: f!.id,
							email: f!.email ?? invites[n].email,
							role_id: f!.role_id ?? invites[n].role_id,
							order: invites[n].order,
							status: f!.status,
						})),
					};
				},
			},
		},
		createdInvitesAnswer(invites.map((inv) => inv.email)),
		itemIndex,
	);
}

/** Deletes every embedded invite of a document. */
export async function deleteEmbeddedInvites(api: ApiClient, documentId: string, itemIndex: number) {
	return await api.requestChecked(
		{
			method: 'DELETE',
			path: invitesPath(documentId),
			ifUnknown: {
				happened: 'the embedded invites were deleted',
				advice: 'Check with Document → Get: its field_invites list the invites left.',
				settle: async () => {
					const document = await readDocument(api, documentId, itemIndex);
					return document.field_invites.some(isEmbedded) ? undefined : { status: 'success' };
				},
			},
		},
		deletedAnswer,
		itemIndex,
	);
}

/** A signing link for one invite, valid for `linkExpiration` minutes (signNow's default when null). */
export async function generateLink(
	api: ApiClient,
	documentId: string,
	inviteId: string,
	options: { authMethod: string; linkExpiration: number | null },
	itemIndex: number,
): Promise<string> {
	const answer = await api.requestChecked(
		{
			method: 'POST',
			path: `${invitesPath(documentId)}/${encodeURIComponent(inviteId)}/link`,
			body: { auth_method: options.authMethod, link_expiration: options.linkExpiration },
			ifUnknown: {
				happened: 'a signing link was generated',
				advice: 'Run the item again for a new link; it opens the same invite.',
			},
		},
		linkAnswer,
		itemIndex,
	);
	return answer.data.link;
}
