import type { IWebhookFunctions } from 'n8n-workflow';

import { type StandardWebhookResult, verifyStandardWebhook } from '../../shared/standardWebhooks';
import { header, rawBody } from '../../shared/webhook';

/**
 * SignatureAPI signs every call as the Standard Webhooks spec says, with the endpoint's whsec_
 * secret: webhook-signature over webhook-id, webhook-timestamp (within 5 minutes of now) and the body.
 */
export function verifySignature(ctx: IWebhookFunctions, secret: string): StandardWebhookResult {
	return verifyStandardWebhook({
		secret,
		id: header(ctx, 'webhook-id'),
		timestamp: header(ctx, 'webhook-timestamp'),
		signature: header(ctx, 'webhook-signature'),
		payload: rawBody(ctx),
	});
}
