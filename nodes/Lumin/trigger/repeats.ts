import type { IDataObject } from 'n8n-workflow';

import { deliveryKey } from '../../shared/deliveries';

/**
 * Lumin calls again when a call is not answered with 200: after 5 min, 15 min, 45 min, 2 h 15 min,
 * 6 h 45 min and 20 h 15 min, about 30 h 20 min in all. A delivery is remembered a little longer.
 */
export const REMEMBER_SECONDS = 31 * 3600;

/**
 * Lumin sends no delivery ID. The event's type and time and its signature request identify it,
 * and they are part of the signed body; without an event time the body itself is the key.
 */
export function repeatKeys(body: IDataObject, raw: Buffer): string[] {
	const event = (body.event ?? {}) as IDataObject;
	const request = (body.signature_request ?? {}) as IDataObject;
	if (typeof event.event_time !== 'number') return [deliveryKey('body', raw.toString('base64'))];
	return [deliveryKey('event', event.event_type, event.event_time, request.signature_request_id)];
}
