import type { IDataObject } from 'n8n-workflow';

import { deliveryKey } from '../../shared/deliveries';

/** signNow does not publish how long it retries a callback (unconfirmed): a day is assumed. */
export const REMEMBER_SECONDS = 24 * 3600;

/**
 * signNow sends no delivery ID. The event, its time and what it is about identify it; the access
 * token in meta is left out, since a retry may carry a fresh one.
 */
export function repeatKeys(body: IDataObject): string[] {
	const meta = (body.meta ?? {}) as IDataObject;
	return [deliveryKey('event', meta.event, meta.timestamp, meta.initiator_id, body.content)];
}
