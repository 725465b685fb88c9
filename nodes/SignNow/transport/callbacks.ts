import type { IWebhookFunctions } from 'n8n-workflow';

import { header, rawBody, verifyHmac } from '../../shared/webhook';

/**
 * signNow's callback signature as third-party code verifies it: base64 HMAC-SHA256 of the raw body,
 * keyed with the subscription's secret_key, in X-SignNow-Signature. No signNow page confirms this
 * (unconfirmed), so it lives here alone, for the trigger and for Wait for Signature.
 */
export function signatureMatches(ctx: IWebhookFunctions, secret: string): boolean {
	return verifyHmac({
		algorithm: 'sha256',
		key: secret,
		payload: rawBody(ctx),
		encoding: 'base64',
		signature: header(ctx, 'x-signnow-signature'),
	});
}
