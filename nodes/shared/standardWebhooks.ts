import { hmac, safeEqual } from './webhook';

/** The Standard Webhooks spec (standardwebhooks.com): how far a timestamp may be from now, either way. */
export const STANDARD_WEBHOOKS_TOLERANCE_SECONDS = 5 * 60;

export interface StandardWebhookInput {
	/** The endpoint's signing secret, "whsec_" followed by base64. */
	secret: string;
	/** Header values: webhook-id, webhook-timestamp (Unix seconds), webhook-signature. */
	id: string | undefined;
	timestamp: string | undefined;
	signature: string | undefined;
	/** The body exactly as received. */
	payload: Buffer | string;
	toleranceSeconds?: number;
	nowMs?: number;
}

/** On success, the verified webhook-id and timestamp (Unix seconds). */
export type StandardWebhookResult =
	| { valid: true; id: string; timestamp: number }
	| { valid: false; reason: string };

/**
 * Verifies a Standard Webhooks request: the timestamp must be within the tolerance of now, and one
 * of the space-separated "v1,<base64>" signatures must equal base64 HMAC-SHA256, keyed with the
 * base64-decoded secret, of "{id}.{timestamp}.{body}". Compared in constant time.
 */
export function verifyStandardWebhook(input: StandardWebhookInput): StandardWebhookResult {
	const { id, timestamp, signature } = input;
	if (!id || !timestamp || !signature) {
		return {
			valid: false,
			reason: 'Missing webhook-id, webhook-timestamp or webhook-signature header',
		};
	}
	if (!/^\d+$/.test(timestamp.trim()))
		return { valid: false, reason: 'webhook-timestamp is not a Unix time in seconds' };
	const tolerance = input.toleranceSeconds ?? STANDARD_WEBHOOKS_TOLERANCE_SECONDS;
	const now = Math.floor((input.nowMs ?? Date.now()) / 1000);
	if (Math.abs(now - Number(timestamp.trim())) > tolerance) {
		return { valid: false, reason: 'webhook-timestamp is too far from the current time' };
	}
	const key = secretKey(input.secret);
	if (!key) return { valid: false, reason: 'The webhook signing secret is not a whsec_ secret' };
	const expected = signatureOf(key, id, timestamp.trim(), input.payload);
	let matched = false;
	for (const entry of signature.trim().split(/\s+/)) {
		const [version, value] = entry.split(',', 2);
		// Every entry is compared, so the time taken does not reveal which one matched.
		if (version === 'v1' && value !== undefined && safeEqual(expected, value)) matched = true;
	}
	return matched
		? { valid: true, id, timestamp: Number(timestamp.trim()) }
		: { valid: false, reason: 'No valid signature in webhook-signature' };
}

/** The HMAC key: the secret without its "whsec_" prefix, base64-decoded; undefined if unusable. */
function secretKey(secret: string): Buffer | undefined {
	const encoded = secret.trim().replace(/^whsec_/, '');
	if (!encoded || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
	const key = Buffer.from(encoded, 'base64');
	return key.length ? key : undefined;
}

/** base64 HMAC-SHA256 of "{id}.{timestamp}.{body}", the value after "v1," in webhook-signature. */
function signatureOf(key: Buffer, id: string, timestamp: string, payload: Buffer | string): string {
	const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
	return hmac(
		'sha256',
		key,
		Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), body]),
		'base64',
	);
}
