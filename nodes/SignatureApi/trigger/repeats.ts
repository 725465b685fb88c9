import { STANDARD_WEBHOOKS_TOLERANCE_SECONDS } from '../../shared/standardWebhooks';

/**
 * How long a delivery is remembered: as long as a copy of it can still pass the timestamp check
 * (5 minutes either way), plus a minute for clocks that differ. Anything older is refused anyway.
 */
export const REMEMBER_SECONDS = STANDARD_WEBHOOKS_TOLERANCE_SECONDS + 60;

/**
 * What makes a delivery a repeat. The Standard Webhooks spec makes webhook-id the key that stays
 * the same on every retry of a message; SignatureAPI adds that an event can also come again as a
 * new message, so the event's id counts too. Both are signed, so neither can be forged.
 */
export function repeatKeys(webhookId: string, eventId: string | undefined): string[] {
	return [`webhook:${webhookId}`, ...(eventId ? [`event:${eventId}`] : [])];
}

/** Kept until no copy of the delivery can pass the timestamp check, and at least the window from now. */
export function rememberUntil(timestamp: number, nowSeconds: number): number {
	return Math.max(nowSeconds, timestamp) + REMEMBER_SECONDS;
}
