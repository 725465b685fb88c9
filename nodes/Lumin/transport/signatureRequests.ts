import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import { cancelAnswer, remindAnswer, requestAnswer, sentAnswer } from './answers';

/** Lumin's calls on a signature request: sending one, reading, cancelling and reminding. */

const requestPath = (id: string) => `/signature_request/${encodeURIComponent(id)}`;

/**
 * Sends a new signature request (Send, or Send From Template with `fromTemplate`) once, and
 * returns the request Lumin created. Lumin answers 201 with status WAITING_FOR_PROCESSING or
 * FAILED: a FAILED request was created but will never reach the signers, so it fails the item.
 */
export async function sendSignatureRequest(
	api: ApiClient,
	body: IDataObject | FormData,
	fromTemplate: boolean,
	itemIndex: number,
): Promise<IDataObject> {
	const response = await api.requestFull<unknown>(
		{
			method: 'POST',
			path: fromTemplate ? '/signature_request/send-from-template' : '/signature_request/send',
			body,
			ifUnknown: {
				happened: 'the signature request was sent',
				advice:
					'Look for it in Lumin (or in a Lumin Trigger run on Signature Request Created) before sending again, or the signers get it twice.',
			},
		},
		itemIndex,
	);
	const answer = await api.checkAnswer(response.body, sentAnswer, itemIndex);
	const request = answer.signature_request;
	if (request.status === 'FAILED') {
		throw await api.error(
			{
				code: 'processing_failed',
				message: `created signature request ${request.signature_request_id} with status FAILED`,
				hint: 'Lumin could not process the request, so the signers get nothing. Signature Request → Get shows the reason; check that the files are PDFs Lumin can open.',
			},
			{ httpCode: response.statusCode, body: answer, itemIndex },
		);
	}
	return request as IDataObject;
}

/** The request with its status and signers. */
export async function getSignatureRequest(
	api: ApiClient,
	id: string,
	itemIndex: number,
): Promise<IDataObject> {
	const body = await api.requestChecked(
		{ method: 'GET', path: requestPath(id) },
		requestAnswer,
		itemIndex,
	);
	return body.signature_request as IDataObject;
}

/**
 * Cancels a request that is still open. Lumin also emits signature_request_canceled /
 * _cancel_failed webhooks, so cancelling may finish after this answer (unconfirmed): only an
 * answer saying CANCELLED counts as done.
 */
export async function cancelSignatureRequest(api: ApiClient, id: string, itemIndex: number) {
	return await api.requestChecked(
		{
			method: 'PUT',
			path: `/signature_request/cancel/${encodeURIComponent(id)}`,
			ifUnknown: {
				happened: 'the signature request was cancelled',
				advice: 'Check its status with Signature Request → Get.',
				// Lumin may finish a cancellation later (it has a cancel_failed event), so only a
				// CANCELLED status settles it; any other status leaves the outcome open.
				settle: async () => {
					const read = await api.request<{ signature_request?: { status?: unknown } }>(
						{ method: 'GET', path: requestPath(id) },
						itemIndex,
					);
					return read.signature_request?.status === 'CANCELLED'
						? { signature_request_id: id, status: 'CANCELLED' }
						: undefined;
				},
			},
		},
		cancelAnswer,
		itemIndex,
	);
}

/** Emails a reminder to each of `emails`; Lumin reports on every one of them. */
export async function remindSigners(
	api: ApiClient,
	id: string,
	emails: string[],
	itemIndex: number,
) {
	return await api.requestChecked(
		{
			method: 'POST',
			path: `/signature_request/remind/${encodeURIComponent(id)}`,
			body: { emails },
			ifUnknown: {
				happened: 'the reminders were emailed',
				advice:
					'Ask the signers or wait before reminding again: Lumin allows 10 reminders per signer per day.',
			},
		},
		remindAnswer(emails),
		itemIndex,
	);
}
