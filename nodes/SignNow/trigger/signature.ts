import { verifyHmac } from '../../shared/webhook';

export const SIGNATURE_HEADER = 'x-signnow-signature';

/**
 * signNow's callback signature as third-party code verifies it: base64 HMAC-SHA256 of the raw body,
 * keyed with the subscription's secret_key. No signNow page confirms this, so it lives here alone.
 */
export function signatureMatches(secret: string, body: Buffer, signature: string | undefined): boolean {
	return verifyHmac({ algorithm: 'sha256', key: secret, payload: body, encoding: 'base64', signature });
}
