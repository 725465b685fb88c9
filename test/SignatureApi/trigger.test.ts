import { createHmac } from 'node:crypto';

import { verifyStandardWebhook } from '../../nodes/shared/standardWebhooks';
import { CredentialStore } from '../harness/credentials';
import { runWebhookMethod, startTrigger } from '../harness/trigger';
import { WEBHOOK_SECRET } from './setup';

const event = {
	id: 'evt_3kq9x0a1',
	type: 'recipient.completed',
	timestamp: '2026-11-21T15:00:01.999Z',
	data: {
		envelope_id: 'env_7h2k',
		envelope_metadata: { order: '1042' },
		object_id: 're_5d1x',
		object_type: 'recipient',
		recipient_type: 'signer',
	},
};

const store = (data: Record<string, string> = {}) =>
	new CredentialStore({
		signatureApiApi: {
			apiKey: 'key_test_4Jd8sPq2LmZx7Vw1Rt6y',
			webhookSecret: WEBHOOK_SECRET,
			environment: 'production',
			...data,
		},
	});

const now = () => String(Math.floor(Date.now() / 1000));

/**
 * A Standard Webhooks signature computed here with node:crypto, independently of the package:
 * "v1," + base64 HMAC-SHA256, keyed with the base64 secret after "whsec_", of "{id}.{timestamp}.{body}".
 */
function sign(secret: string, id: string, timestamp: string, body: string | Buffer): string {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64')}`;
}

/** Headers as SignatureAPI sends them, signed with `secret` over exactly `body`. */
function signed(body: string, options: { id?: string; timestamp?: string; secret?: string } = {}) {
	const id = options.id ?? 'msg_2f8Lq0';
	const timestamp = options.timestamp ?? now();
	return {
		'webhook-id': id,
		'webhook-timestamp': timestamp,
		'webhook-signature': sign(options.secret ?? WEBHOOK_SECRET, id, timestamp, body),
	};
}

/**
 * The test vector the Standard Webhooks project publishes with its reference libraries
 * (standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts, "sign function works").
 */
const VECTOR = {
	secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
	id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
	timestamp: '1614265330',
	payload: '{"test": 2432232314}',
	signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks verification, pinned to the published test vector', () => {
	it('this test file’s own signer reproduces the vector, so the other tests sign correctly', () => {
		expect(sign(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.payload)).toBe(VECTOR.signature);
	});

	it('accepts the vector at its own time, alone or among other signatures, and returns its id and timestamp', () => {
		const input = {
			secret: VECTOR.secret,
			id: VECTOR.id,
			timestamp: VECTOR.timestamp,
			payload: VECTOR.payload,
			nowMs: Number(VECTOR.timestamp) * 1000,
		};
		expect(verifyStandardWebhook({ ...input, signature: VECTOR.signature })).toEqual({
			valid: true,
			id: VECTOR.id,
			timestamp: 1614265330,
		});
		const among = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,ignored ${VECTOR.signature}`;
		expect(verifyStandardWebhook({ ...input, signature: among }).valid).toBe(true);
		// The secret without its whsec_ prefix is the same key.
		expect(
			verifyStandardWebhook({
				...input,
				secret: VECTOR.secret.slice('whsec_'.length),
				signature: VECTOR.signature,
			}).valid,
		).toBe(true);
	});

	it.each([
		['one byte of the body changed', { payload: '{"test": 2432232315}' }],
		['another webhook-id', { id: 'msg_p5jXN8AQM9LWM0D4loKWxJeK' }],
		['another timestamp', { timestamp: '1614265331' }],
		['another secret', { secret: 'whsec_Zm9yZ2VkIGJ5IGFuIGF0dGFja2VyIQ==' }],
		['the signature cut short', { signature: VECTOR.signature.slice(0, 20) }],
		['the signature under another version', { signature: VECTOR.signature.replace('v1,', 'v1a,') }],
	])('refuses the vector with %s', (_case, change) => {
		const input = {
			secret: VECTOR.secret,
			id: VECTOR.id,
			timestamp: VECTOR.timestamp,
			payload: VECTOR.payload,
			signature: VECTOR.signature,
			nowMs: 1614265330 * 1000,
			...change,
		};
		expect(verifyStandardWebhook(input)).toEqual({
			valid: false,
			reason: 'No valid signature in webhook-signature',
		});
	});

	it('refuses the vector 5 minutes and 1 second after its timestamp, and accepts it at exactly 5 minutes', () => {
		const input = {
			secret: VECTOR.secret,
			id: VECTOR.id,
			timestamp: VECTOR.timestamp,
			payload: VECTOR.payload,
			signature: VECTOR.signature,
		};
		expect(verifyStandardWebhook({ ...input, nowMs: (1614265330 + 300) * 1000 }).valid).toBe(true);
		expect(verifyStandardWebhook({ ...input, nowMs: (1614265330 + 301) * 1000 })).toEqual({
			valid: false,
			reason: 'webhook-timestamp is too far from the current time',
		});
	});

	it('the trigger accepts the vector delivered at its own time (the clock set to 1614265330), and refuses it altered', async () => {
		const clock = jest.spyOn(Date, 'now').mockReturnValue(1614265330 * 1000 + 500);
		const trigger = await startTrigger({
			type: 'signatureApiTrigger',
			parameters: { events: ['recipient.completed'] },
			credentials: store({ webhookSecret: VECTOR.secret }),
		});
		try {
			const headers = {
				'webhook-id': VECTOR.id,
				'webhook-timestamp': VECTOR.timestamp,
				'webhook-signature': VECTOR.signature,
			};
			const accepted = await trigger.post(VECTOR.payload, headers);
			// Verified, then acknowledged: the vector's body is no SignatureAPI event, so nothing starts.
			expect(accepted.status).toBe(200);
			expect(accepted.body).toEqual({ received: true, ignored: 'event without type not selected' });
			const altered = await trigger.post(VECTOR.payload.replace('4', '5'), headers);
			expect(altered.status).toBe(401);
			expect(altered.body).toEqual({ message: 'No valid signature in webhook-signature' });
		} finally {
			clock.mockRestore();
			await trigger.close();
		}
	});
});

describe('SignatureAPI Trigger (Standard Webhooks)', () => {
	let trigger: Awaited<ReturnType<typeof startTrigger>>;
	const start = async (
		events: string[] = ['recipient.completed', 'deliverable.generated'],
		credentials = store(),
	) => {
		trigger = await startTrigger({
			type: 'signatureApiTrigger',
			parameters: { events },
			credentials,
		});
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
		const stale = sign(
			'whsec_b2xkIHNlY3JldCBmb3Igcm90YXRpb24=',
			headers['webhook-id'],
			headers['webhook-timestamp'],
			body,
		);
		const { status, call } = await trigger.post(body, {
			...headers,
			'webhook-signature': `${stale} v2,ignored ${headers['webhook-signature']}`,
		});
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
		const {
			status,
			body: answer,
			call,
		} = await trigger.post(
			body,
			signed(body, { secret: 'whsec_Zm9yZ2VkIGJ5IGFuIGF0dGFja2VyIQ==' }),
		);
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
		for (const offset of [-240, 240]) {
			const body = JSON.stringify({ ...event, id: `evt_offset_${offset}` });
			const { status, call } = await trigger.post(
				body,
				signed(body, {
					id: `msg_offset_${offset}`,
					timestamp: String(Math.floor(Date.now() / 1000) + offset),
				}),
			);
			expect(status).toBe(200);
			expect(call.emitted).toHaveLength(1);
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
		const malformed = await trigger.post(body, {
			...headers,
			'webhook-timestamp': '2026-11-21T15:00:00Z',
		});
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
		const setup = {
			type: 'signatureApiTrigger',
			parameters: { events: ['envelope.completed'] },
			credentials: store(),
		};
		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(true);
		expect((await runWebhookMethod(setup, 'create')).result).toBe(true);
		expect((await runWebhookMethod(setup, 'delete')).result).toBe(true);
	});
});
