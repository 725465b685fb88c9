/** Vendor webhook deliveries as the vendors sign them, for the trigger scenarios. */
import { createHmac, randomBytes } from 'node:crypto';

/** Standard Webhooks: "v1," + base64 HMAC-SHA256 of "{id}.{timestamp}.{body}" keyed with the decoded whsec_ secret. */
export function standardWebhookSignature(
	secret: string,
	id: string,
	timestamp: string,
	body: string,
): string {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * A SignatureAPI `envelope.completed` delivery signed with `secret` (Standard Webhooks), as the
 * request init for fetch; `webhookId` is its delivery ID.
 */
export function signatureApiDelivery(secret: string): { webhookId: string; init: RequestInit } {
	const webhookId = `msg_${randomBytes(12).toString('hex')}`;
	const timestamp = String(Math.floor(Date.now() / 1000));
	const body = JSON.stringify({
		id: `evt_${randomBytes(8).toString('hex')}`,
		type: 'envelope.completed',
		created_at: new Date().toISOString(),
		data: { object_type: 'envelope', object_id: `env_${randomBytes(8).toString('hex')}` },
	});
	const headers = {
		'content-type': 'application/json',
		'webhook-id': webhookId,
		'webhook-timestamp': timestamp,
		'webhook-signature': standardWebhookSignature(secret, webhookId, timestamp, body),
	};
	return { webhookId, init: { method: 'POST', headers, body } };
}
