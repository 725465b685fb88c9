import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import {
	cancelledAnswer,
	type FieldInvite,
	invitedAnswer,
	isEmbedded,
	sameEmail,
	type SignNowDocument,
} from './answers';
import { readDocument } from './documents';

/** signNow's email invites: role-based invites signNow emails to the signers, and their cancelling. */

/** An invite still waiting for its signer: sent (pending) or held until an earlier step is signed. */
export function isWaiting(invite: FieldInvite): boolean {
	return ['pending', 'created'].includes(invite.status.toLowerCase());
}

/** One signer of a role-based invite, as signNow takes it in `to`. */
export interface EmailInviteTo extends IDataObject {
	email: string;
	role_id: string;
	role: string;
	order: number;
}

export interface EmailInviteBody extends IDataObject {
	to: EmailInviteTo[];
	from: string;
}

/**
 * Sends a role-based invite once; `before` is the document as read just before, so that a lost
 * answer is settled by the email invites that appeared since, one for every signer.
 */
export async function sendEmailInvites(
	api: ApiClient,
	documentId: string,
	before: SignNowDocument,
	body: EmailInviteBody,
	itemIndex: number,
) {
	const existing = new Set(before.field_invites.map((inv) => inv.id));
	return await api.requestChecked(
		{
			method: 'POST',
			path: `/document/${encodeURIComponent(documentId)}/invite`,
			body,
			ifUnknown: {
				happened: 'the invites were sent',
				advice:
					'Check with Document → Get: its invites list those sent. Sending again would email the signers twice.',
				settle: async () => {
					const after = await readDocument(api, documentId, itemIndex);
					const added = after.field_invites.filter(
						(inv) => !isEmbedded(inv) && !existing.has(inv.id),
					);
					const all = body.to.every((to) => added.some((inv) => sameEmail(inv.email, to.email)));
					return all ? { status: 'success' } : undefined;
				},
			},
		},
		invitedAnswer,
		itemIndex,
	);
}

/**
 * Cancels the document's role-based invites, with a reason. A lost answer is settled by one read:
 * no email invite left waiting means they were cancelled.
 */
export async function cancelEmailInvites(
	api: ApiClient,
	documentId: string,
	reason: string | undefined,
	itemIndex: number,
) {
	return await api.requestChecked(
		{
			method: 'PUT',
			path: `/document/${encodeURIComponent(documentId)}/fieldinvitecancel`,
			...(reason ? { body: { reason } } : {}),
			ifUnknown: {
				happened: 'the invites were cancelled',
				advice: 'Check with Document → Get: its invites show whether any still waits for a signer.',
				settle: async () => {
					const document = await readDocument(api, documentId, itemIndex);
					const left = document.field_invites.some((inv) => !isEmbedded(inv) && isWaiting(inv));
					return left ? undefined : { status: 'cancelled' };
				},
			},
		},
		cancelledAnswer,
		itemIndex,
	);
}
