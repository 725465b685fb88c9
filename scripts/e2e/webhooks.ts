/** Helpers for end-to-end runs that deliver vendor webhooks or wait for a trigger's registrations. */
import { createHmac } from 'node:crypto';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Standard Webhooks: "v1," + base64 HMAC-SHA256 of "{id}.{timestamp}.{body}" keyed with the decoded whsec_ secret. */
export function standardWebhookSignature(secret: string, id: string, timestamp: string, body: string): string {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** Waits until the simulator has had no request for `ms` (activation and its retries are done). */
export async function quiet(sim: { requests: Array<{ at: number }> }, ms: number, timeoutMs = 30_000): Promise<void> {
	const started = Date.now();
	await sleep(ms);
	while (Date.now() - started < timeoutMs) {
		const last = sim.requests[sim.requests.length - 1]?.at ?? 0;
		if (Date.now() - last >= ms) return;
		await sleep(100);
	}
}
