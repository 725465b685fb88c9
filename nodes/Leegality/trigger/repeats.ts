import type { IDataObject } from 'n8n-workflow';

import { deliveryKey } from '../../shared/deliveries';

/** Leegality retries a call not answered with 2xx up to 3 more times (reportedly at once, after 1 h and after 3 h). */
export const REMEMBER_SECONDS = 6 * 3600;

/**
 * Leegality sends no event ID (unconfirmed). One invitee's signing or rejection of one document in
 * one document state happens once, so these identify the event.
 */
export function repeatKeys(body: IDataObject): string[] {
	const request = (body.request ?? {}) as IDataObject;
	return [
		deliveryKey(
			'event',
			body.webhookType,
			body.documentId,
			body.documentStatus,
			request.invitationUrl ?? request.email,
			request.action,
		),
	];
}
