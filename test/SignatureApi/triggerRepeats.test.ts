import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { isFirstDelivery as isFirst, MAX_REMEMBERED } from '../../nodes/shared/deliveries';
import {
	REMEMBER_SECONDS,
	rememberUntil,
	repeatKeys,
} from '../../nodes/SignatureApi/trigger/repeats';
import { CredentialStore } from '../harness/credentials';
import { startTrigger } from '../harness/trigger';
import { WEBHOOK_SECRET } from './setup';

const credentials = () =>
	new CredentialStore({
		signatureApiApi: {
			apiKey: 'key_test_4Jd8sPq2LmZx7Vw1Rt6y',
			webhookSecret: WEBHOOK_SECRET,
			environment: 'production',
		},
	});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Signed here with node:crypto, as a Standard Webhooks sender does. */
function deliver(
	payload: Record<string, unknown>,
	options: { webhookId: string; timestamp?: number; secret?: string },
) {
	const body = JSON.stringify(payload);
	const timestamp = String(options.timestamp ?? nowSeconds());
	const key = Buffer.from((options.secret ?? WEBHOOK_SECRET).replace(/^whsec_/, ''), 'base64');
	const signature = createHmac('sha256', key)
		.update(`${options.webhookId}.${timestamp}.${body}`)
		.digest('base64');
	return {
		body,
		headers: {
			'webhook-id': options.webhookId,
			'webhook-timestamp': timestamp,
			'webhook-signature': `v1,${signature}`,
		},
	};
}

const completed = (id: string) => ({
	id,
	type: 'recipient.completed',
	timestamp: '2026-11-21T15:00:01.999Z',
	data: { envelope_id: 'env_7h2k', object_id: 're_5d1x', object_type: 'recipient' },
});

describe('SignatureAPI Trigger: one event, one run', () => {
	let trigger: Awaited<ReturnType<typeof startTrigger>>;
	beforeEach(async () => {
		trigger = await startTrigger({
			type: 'signatureApiTrigger',
			parameters: { events: ['recipient.completed'] },
			credentials: credentials(),
		});
	});
	afterEach(async () => {
		await trigger.close();
	});

	it('starts one run for a signed delivery sent twice: the copy is acknowledged with 200 and starts nothing', async () => {
		const delivery = deliver(completed('evt_once'), { webhookId: 'msg_once' });
		const first = await trigger.post(delivery.body, delivery.headers);
		const second = await trigger.post(delivery.body, delivery.headers);

		expect(first.status).toBe(200);
		expect(first.call.emitted).toHaveLength(1);
		expect(first.call.emitted![0].json).toMatchObject({ id: 'evt_once', webhook_id: 'msg_once' });
		expect(second.status).toBe(200);
		expect(second.body).toEqual({
			received: true,
			ignored: 'repeat of event evt_once, which already started a run',
		});
		expect(second.call.emitted).toBeUndefined();
		expect(trigger.calls.filter((c) => c.emitted)).toHaveLength(1);
	});

	it('treats SignatureAPI’s retry (same webhook-id, fresh timestamp and signature) as the same delivery', async () => {
		const original = deliver(completed('evt_retry'), {
			webhookId: 'msg_retry',
			timestamp: nowSeconds() - 5,
		});
		const retry = deliver(completed('evt_retry'), { webhookId: 'msg_retry' });
		expect(retry.headers['webhook-signature']).not.toBe(original.headers['webhook-signature']);

		expect((await trigger.post(original.body, original.headers)).call.emitted).toHaveLength(1);
		const again = await trigger.post(retry.body, retry.headers);
		expect(again.status).toBe(200);
		expect(again.call.emitted).toBeUndefined();
	});

	it('treats the same event sent as a new message (new webhook-id, same event id) as a repeat, as SignatureAPI advises', async () => {
		const first = deliver(completed('evt_twice'), { webhookId: 'msg_first' });
		const resent = deliver(completed('evt_twice'), { webhookId: 'msg_second' });
		expect((await trigger.post(first.body, first.headers)).call.emitted).toHaveLength(1);
		const second = await trigger.post(resent.body, resent.headers);
		expect(second.status).toBe(200);
		expect(second.body.ignored).toBe('repeat of event evt_twice, which already started a run');
		expect(second.call.emitted).toBeUndefined();
	});

	it('starts a run for each different event', async () => {
		for (const n of [1, 2, 3]) {
			const delivery = deliver(completed(`evt_distinct_${n}`), { webhookId: `msg_distinct_${n}` });
			const { status, call } = await trigger.post(delivery.body, delivery.headers);
			expect(status).toBe(200);
			expect(call.emitted![0].json.id).toBe(`evt_distinct_${n}`);
		}
		expect(trigger.calls.filter((c) => c.emitted)).toHaveLength(3);
	});

	it('still answers 401 to a forged, altered or stale copy of a delivery it has seen', async () => {
		const delivery = deliver(completed('evt_guarded'), { webhookId: 'msg_guarded' });
		expect((await trigger.post(delivery.body, delivery.headers)).call.emitted).toHaveLength(1);

		const forged = deliver(completed('evt_guarded'), {
			webhookId: 'msg_guarded',
			secret: 'whsec_Zm9yZ2VkIGJ5IGFuIGF0dGFja2VyIQ==',
		});
		expect((await trigger.post(forged.body, forged.headers)).status).toBe(401);
		expect(
			(await trigger.post(delivery.body.replace('re_5d1x', 're_other'), delivery.headers)).status,
		).toBe(401);
		const stale = deliver(completed('evt_guarded'), {
			webhookId: 'msg_guarded',
			timestamp: nowSeconds() - 301,
		});
		const staleAnswer = await trigger.post(stale.body, stale.headers);
		expect(staleAnswer.status).toBe(401);
		expect(staleAnswer.body).toEqual({
			message: 'webhook-timestamp is too far from the current time',
		});
		expect(trigger.calls.filter((c) => c.emitted)).toHaveLength(1);
	});

	it('does not let a refused call use up an event: after a forged copy, the genuine delivery still starts its run', async () => {
		const forged = deliver(completed('evt_later'), {
			webhookId: 'msg_later',
			secret: 'whsec_Zm9yZ2VkIGJ5IGFuIGF0dGFja2VyIQ==',
		});
		expect((await trigger.post(forged.body, forged.headers)).status).toBe(401);
		const genuine = deliver(completed('evt_later'), { webhookId: 'msg_later' });
		const answer = await trigger.post(genuine.body, genuine.headers);
		expect(answer.status).toBe(200);
		expect(answer.call.emitted).toHaveLength(1);
	});
});

/**
 * n8n builds a new Workflow from the database for each webhook call and saves its static data
 * afterwards when it changed (live-webhooks, saveStaticData). Modelled here: each call gets a
 * trigger whose static data is what the previous call saved, through JSON as in the database.
 */
describe('SignatureAPI Trigger: the record of deliveries across webhook calls, as n8n stores it', () => {
	let saved: IDataObject = {};

	async function callAsN8nDoes(delivery: ReturnType<typeof deliver>, from: IDataObject = saved) {
		const staticData = JSON.parse(JSON.stringify(from)) as IDataObject;
		const trigger = await startTrigger({
			type: 'signatureApiTrigger',
			parameters: { events: ['recipient.completed'] },
			credentials: credentials(),
			staticData,
		});
		try {
			const answer = await trigger.post(delivery.body, delivery.headers);
			const changed = (staticData as { __dataChanged?: boolean }).__dataChanged === true;
			return { answer, changed, staticData: JSON.parse(JSON.stringify(staticData)) as IDataObject };
		} finally {
			await trigger.close();
		}
	}

	beforeEach(() => {
		saved = {};
	});

	it('marks static data as changed after a first delivery, so n8n saves it, and a copy in a later call starts nothing', async () => {
		const delivery = deliver(completed('evt_saved'), { webhookId: 'msg_saved' });
		const first = await callAsN8nDoes(delivery);
		expect(first.answer.call.emitted).toHaveLength(1);
		expect(first.changed).toBe(true);
		const record = (first.staticData['node:Trigger Under Test'] as IDataObject)
			.recentDeliveries as Record<string, number>;
		expect(Object.keys(record).sort()).toEqual(['event:evt_saved', 'webhook:msg_saved']);
		saved = first.staticData;

		const second = await callAsN8nDoes(delivery);
		expect(second.answer.status).toBe(200);
		expect(second.answer.call.emitted).toBeUndefined();
		// The record was loaded from what was saved and is saved again (its expiry refreshed).
		expect(second.changed).toBe(true);
	});

	it('does not catch two copies handled at the same time: both calls read the record before either saved it', async () => {
		const delivery = deliver(completed('evt_race'), { webhookId: 'msg_race' });
		const [a, b] = await Promise.all([callAsN8nDoes(delivery, {}), callAsN8nDoes(delivery, {})]);
		// The known limit, stated in the README: each starts a run.
		expect(a.answer.call.emitted).toHaveLength(1);
		expect(b.answer.call.emitted).toHaveLength(1);
	});

	it('leaves static data unchanged for a refused call, so nothing is saved', async () => {
		const forged = deliver(completed('evt_nosave'), {
			webhookId: 'msg_nosave',
			secret: 'whsec_Zm9yZ2VkIGJ5IGFuIGF0dGFja2VyIQ==',
		});
		const refused = await callAsN8nDoes(forged);
		expect(refused.answer.status).toBe(401);
		expect(refused.changed).toBe(false);
	});
});

/** The trigger's use of the shared record: its keys and its window. */
function isFirstDelivery(
	data: IDataObject,
	delivery: { webhookId: string; eventId?: string; timestamp: number },
	now: number,
): boolean {
	return isFirst(
		data,
		repeatKeys(delivery.webhookId, delivery.eventId),
		rememberUntil(delivery.timestamp, now),
		now,
	);
}

describe('the record of recent deliveries', () => {
	const at = 1_800_000_000;

	it('forgets a delivery once no copy of it can pass the timestamp check any more', () => {
		const data: IDataObject = {};
		expect(isFirstDelivery(data, { webhookId: 'msg_a', eventId: 'evt_a', timestamp: at }, at)).toBe(
			true,
		);
		expect(
			isFirstDelivery(data, { webhookId: 'msg_a', eventId: 'evt_a', timestamp: at }, at + 300),
		).toBe(false);
		expect(
			isFirstDelivery(
				data,
				{ webhookId: 'msg_a', eventId: 'evt_a', timestamp: at },
				at + REMEMBER_SECONDS,
			),
		).toBe(false);
		// Long after: pruned, so a delivery with these ids counts as new (the timestamp check refuses old copies).
		const later = at + 3 * REMEMBER_SECONDS;
		expect(isFirstDelivery(data, { webhookId: 'msg_b', timestamp: later }, later)).toBe(true);
		expect(Object.keys(data.recentDeliveries as IDataObject)).toEqual(['webhook:msg_b']);
	});

	it('keeps a delivery stamped in the future until that stamp plus the window', () => {
		const data: IDataObject = {};
		isFirstDelivery(data, { webhookId: 'msg_future', timestamp: at + 240 }, at);
		expect((data.recentDeliveries as Record<string, number>)['webhook:msg_future']).toBe(
			at + 240 + REMEMBER_SECONDS,
		);
		expect(REMEMBER_SECONDS).toBeGreaterThan(300);
	});

	it(`keeps at most ${MAX_REMEMBERED} entries: past that, the earliest recorded go first`, () => {
		const full: Record<string, number> = {};
		for (let n = 0; n < MAX_REMEMBERED; n++) full[`webhook:msg_${n}`] = at + REMEMBER_SECONDS;
		const data: IDataObject = { recentDeliveries: full };
		for (let n = MAX_REMEMBERED; n < MAX_REMEMBERED + 10; n++) {
			expect(isFirstDelivery(data, { webhookId: `msg_${n}`, timestamp: at }, at)).toBe(true);
		}
		const kept = Object.keys(data.recentDeliveries as IDataObject);
		expect(kept).toHaveLength(MAX_REMEMBERED);
		expect(kept).not.toContain('webhook:msg_9');
		expect(kept).toContain('webhook:msg_10');
		expect(kept).toContain(`webhook:msg_${MAX_REMEMBERED + 9}`);
		// A repeat moves its entry to the newest end, so it is not the next to go.
		expect(isFirstDelivery(data, { webhookId: 'msg_10', timestamp: at }, at)).toBe(false);
		isFirstDelivery(data, { webhookId: 'msg_new', timestamp: at }, at);
		expect(Object.keys(data.recentDeliveries as IDataObject)).toContain('webhook:msg_10');
		expect(Object.keys(data.recentDeliveries as IDataObject)).not.toContain('webhook:msg_11');
	});

	it('ignores a record in static data it cannot read, instead of failing the call', () => {
		const data: IDataObject = { recentDeliveries: ['not', 'a', 'record'] };
		expect(isFirstDelivery(data, { webhookId: 'msg_x', timestamp: at }, at)).toBe(true);
		expect(data.recentDeliveries).toEqual({ 'webhook:msg_x': at + REMEMBER_SECONDS });
	});
});
