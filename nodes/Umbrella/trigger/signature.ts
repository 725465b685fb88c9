import type { IWebhookFunctions } from 'n8n-workflow';

import { header, safeEqual } from '../../shared/webhook';

/** The header Umbrella is asked to send back on every call; its value is generated per activation. */
export const PROOF_HEADER_NAME = 'X-N8N-Webhook-Secret';

/**
 * Umbrella does not sign its calls: it sends back the headers it was registered with, so a call is
 * genuine when it carries the secret this activation registered, exactly.
 */
export function proofMatches(ctx: IWebhookFunctions, secret: string | undefined): secret is string {
	const given = header(ctx, PROOF_HEADER_NAME);
	return Boolean(secret && given && safeEqual(given, secret));
}
