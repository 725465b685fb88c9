import { signStandardWebhook } from '../../nodes/shared/standardWebhooks';
import { CredentialStore } from '../harness/credentials';
import { runWebhookMethod, startTrigger } from '../harness/trigger';
import { WEBHOOK_SECRET } from './setup';

const event = {
	id: 'evt_3kq9x0a1',
	type: 'recipient.completed',
	timestamp: '2026-11-21T15:00:01.999Z',
	data: { envelope_id: 'env_7h2k', envelope_metadata: { order: '1042' }, object_id: 're_5d1x', object_type: 'recipient', recipient_type: 'signer' },
};

const store = (data: Record<string, string> = {}) =>
	new CredentialStore({
		signatureApiApi: { apiKey: 'key_test_4Jd8sPq2LmZx7Vw1Rt6y', webhookSecret: WEBHOOK_SECRET, environment: 'production', ...data },
	});

const now = () => String(Math.floor(Date.now() / 1000));

/** Headers as SignatureAPI sends them, signed with `secret` over exactly `body`. */
function signed(body: string, options: { id?: string; timestamp?: string; secret?: string } = {}) {
	const id = options.id ?? 'msg_2f8Lq0';
	const timestamp = options.timestamp ?? now();
	return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signStandardWebhook(options.secret ?? WEBHOOK_SECRET, id, timestamp, body) };
}

describe('SignatureAPI Trigger (Standard Webhooks)', () => {
	let trigger: Awaited<ReturnType<typeof startTrigger>>;
	const start = async (events: string[] = ['recipient.completed', 'deliverable.generated'], credentials = store()) => {
		trigger = await startTrigger({ type: 'signatureApiTrigger', parameters: { events }, credentials });
		return trigger;
	};
	afterEach(async () => {
		await trigger?.close();
	});

	it('starts the workflow with the event for a correctly signed, fresh request', async () => {
		await start();
		// Spacing differs from JSON.stringify: the signature covers the raw bytes as sent.
		const body = JSON.stringify(event, null, 2);
		const { status, call } = await trigger.post(body, signed(body));
		expect(status).toBe(200);
		expect(call.emitted).toHaveLength(1);
		expect(call.emitted![0].json).toEqual({ ...event, webhook_id: 'msg_2f8Lq0' });
	});

	it('accepts a request whose signature header lists several signatures, one of them valid (secret rotation)', async () => {
		await start();
		const body = JSON.stringify(event);
		const headers = signed(body);
		const stale = signStandardWebhook('whsec_b2xkIHNlY3JldCBmb3Igcm90YXRpb24=', headers['webhook-id'], headers['webhook-timestamp'], body);
		const { status, call } = await trigger.post(body, { ...headers, 'webhook-signature': `${stale} v2,ignored ${headers['webhook-signature']}` });
		expect(status).toBe(200);
		expect(call.emitted).toHaveLength(1);
	});

	it('acknowledges an event type that was not picked without starting the workflow', async () => {
		await start(['deliverable.generated']);
		const body = JSON.stringify(event);
		const { status, body: answer, call } = await trigger.post(body, signed(body));
		expect(status).toBe(200);
		expect(answer).toEqual({ received: true, ignored: 'event recipient.completed not selected' });
		expect(call.emitted).toBeUndefined();
	});

	it('rejects a forged request (signed with another secret) with 401 and starts nothing', async () => {
		await start();
		const body = JSON.stringify(event);
		const { status, body: answer, call } = await trigger.post(body, signed(body, { secret: 'whsec_Zm9yZ2VkIGJ5IGFuIGF0dGFja2VyIQ==' }));
		expect(status).toBe(401);
		expect(answer).toEqual({ message: 'No valid signature in webhook-signature' });
		expect(call.emitted).toBeUndefined();
		expect(JSON.stringify(answer)).not.toContain(WEBHOOK_SECRET);
	});

	it('rejects a body changed after signing', async () => {
		await start();
		const body = JSON.stringify(event);
		const headers = signed(body);
		const { status } = await trigger.post(body.replace('re_5d1x', 're_attacker'), headers);
		expect(status).toBe(401);
	});

	it.each([
		['more than 5 minutes old', -301],
		['more than 5 minutes in the future', 301],
	])('rejects a correctly signed request whose timestamp is %s', async (_case, offset) => {
		await start();
		const body = JSON.stringify(event);
		const timestamp = String(Math.floor(Date.now() / 1000) + offset);
		const { status, body: answer, call } = await trigger.post(body, signed(body, { timestamp }));
		expect(status).toBe(401);
		expect(answer).toEqual({ message: 'webhook-timestamp is too far from the current time' });
		expect(call.emitted).toBeUndefined();
	});

	it('accepts a timestamp 4 minutes off in either direction (within the tolerance)', async () => {
		await start();
		const body = JSON.stringify(event);
		for (const offset of [-240, 240]) {
			const { status } = await trigger.post(body, signed(body, { timestamp: String(Math.floor(Date.now() / 1000) + offset) }));
			expect(status).toBe(200);
		}
	});

	it('rejects a replay: an old request resent as is, or with its timestamp header refreshed', async () => {
		await start();
		const body = JSON.stringify(event);
		const captured = signed(body, { timestamp: String(Math.floor(Date.now() / 1000) - 3600) });
		const asIs = await trigger.post(body, captured);
		expect(asIs.status).toBe(401);
		const refreshed = await trigger.post(body, { ...captured, 'webhook-timestamp': now() });
		expect(refreshed.status).toBe(401);
		expect(refreshed.body).toEqual({ message: 'No valid signature in webhook-signature' });
		expect(trigger.calls.every((c) => c.emitted === undefined)).toBe(true);
	});

	it('rejects a request without the Standard Webhooks headers, or with a malformed timestamp', async () => {
		await start();
		const body = JSON.stringify(event);
		const missing = await trigger.post(body, {});
		expect(missing.status).toBe(401);
		expect(missing.body.message).toContain('Missing webhook-id');
		const headers = signed(body);
		const malformed = await trigger.post(body, { ...headers, 'webhook-timestamp': '2026-11-21T15:00:00Z' });
		expect(malformed.status).toBe(401);
	});

	it('rejects every request while the credential has no webhook signing secret', async () => {
		await start(undefined, store({ webhookSecret: '' }));
		const body = JSON.stringify(event);
		const { status, body: answer } = await trigger.post(body, signed(body));
		expect(status).toBe(401);
		expect(answer.message).toContain('No webhook signing secret is set');
	});

	it('needs nothing on the SignatureAPI side to activate or deactivate: registration is in the dashboard', async () => {
		const setup = { type: 'signatureApiTrigger', parameters: { events: ['envelope.completed'] }, credentials: store() };
		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(true);
		expect((await runWebhookMethod(setup, 'create')).result).toBe(true);
		expect((await runWebhookMethod(setup, 'delete')).result).toBe(true);
	});
});
