import { deliveryKey } from '../../shared/deliveries';

/**
 * Umbrella does not document how it retries QES webhook calls; IDCanopy's SDK webhooks retry for
 * about a day (unconfirmed for QES), so a delivery is remembered that long.
 */
export const REMEMBER_SECONDS = 24 * 3600;

/** The QES payload is undocumented, so the body as sent is what identifies a delivery. */
export function repeatKeys(raw: Buffer): string[] {
	return [deliveryKey('body', raw.toString('base64'))];
}
