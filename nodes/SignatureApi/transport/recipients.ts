import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import { ceremonyAnswer, recipientAnswer, replacementAnswer, resendAnswer } from './answers';

/** SignatureAPI's calls on one recipient of an envelope. */

const recipientPath = (id: string) => `/recipients/${encodeURIComponent(id)}`;

/** The recipient with its status and ceremony. */
export async function getRecipient(api: ApiClient, id: string, itemIndex: number) {
	return await api.requestChecked(
		{ method: 'GET', path: recipientPath(id) },
		recipientAnswer,
		itemIndex,
	);
}

/** Hands the recipient's part to another person; the answer is the new recipient, with a new ID. */
export async function replaceRecipient(
	api: ApiClient,
	id: string,
	replacement: { name: string; email: string },
	itemIndex: number,
) {
	return await api.requestChecked(
		{
			method: 'POST',
			path: `${recipientPath(id)}/replace`,
			body: { name: replacement.name, email: replacement.email },
			ifUnknown: {
				happened: 'the recipient was replaced',
				advice:
					'Check with Recipient → Get: a replaced recipient has the status replaced, and Envelope → Get lists the new one.',
			},
		},
		replacementAnswer,
		itemIndex,
	);
}

/**
 * Emails the recipient the signing request again: allowed while they are sent or soft-bounced in
 * an envelope in progress, with a cooldown.
 */
export async function resendToRecipient(api: ApiClient, id: string, itemIndex: number) {
	return await api.requestChecked(
		{
			method: 'POST',
			path: `${recipientPath(id)}/resend`,
			ifUnknown: {
				happened: 'the request was emailed again',
				advice:
					'Check with Recipient → Get before resending: SignatureAPI limits how often a recipient is emailed.',
			},
		},
		resendAnswer,
		itemIndex,
	);
}

/**
 * Starts a new signing ceremony for the recipient, which revokes their earlier links. `body`
 * holds the authentication steps and the ceremony settings; the first step's method decides
 * whether SignatureAPI returns a link (see ceremonyAnswer).
 */
export async function createCeremony(
	api: ApiClient,
	recipientId: string,
	body: IDataObject,
	firstMethod: string,
	itemIndex: number,
) {
	return await api.requestChecked(
		{
			method: 'POST',
			path: `${recipientPath(recipientId)}/ceremonies`,
			body,
			ifUnknown: {
				happened: 'the ceremony was created (which revokes the recipient’s earlier links)',
				advice:
					'Check the recipient with Recipient → Get. Creating the ceremony again gives a working link, but with Email Link first it also emails the recipient again.',
			},
		},
		ceremonyAnswer(firstMethod),
		itemIndex,
	);
}
