import type { IWebhookFunctions } from 'n8n-workflow';

import { header, rawBody, verifyHmac } from '../../shared/webhook';

/** Lumin signs the JSON body with the workspace's Primary API key: hex HMAC-SHA256, in X-Signature. */
export function signatureMatches(ctx: IWebhookFunctions, apiKey: string): boolean {
	return verifyHmac({
		algorithm: 'sha256',
		key: apiKey,
		payload: rawBody(ctx),
		encoding: 'hex',
		signature: header(ctx, 'x-signature'),
	});
}
