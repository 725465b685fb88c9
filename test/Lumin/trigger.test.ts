import { createHmac } from 'node:crypto';

import { CredentialStore } from '../harness/credentials';
import { runWebhookMethod, startTrigger } from '../harness/trigger';

const PRIMARY_KEY = 'lumin_primary_key_5a4b3c2d1e';
const sign = (body: string, key = PRIMARY_KEY) =>
	createHmac('sha256', key).update(body).digest('hex');

function event(type: string, eventTime = Date.now()) {
	return JSON.stringify({
		event: { event_time: eventTime, event_type: type, event_metadata: { workspace_id: 'ws_1' } },
		signature_request: {
			signature_request_id: 'sr_42',
			title: 'Service agreement',
			status: 'APPROVED',
			signers: [{ name: 'Ana', email: 'ana@example.com', status: 'APPROVED', is_approved: true }],
		},
		details_url: 'https://sign.luminpdf.com/auth?mode=view-contract&token=abc',
	});
}

describe('Lumin Trigger', () => {
	const credentials = new CredentialStore({
		luminApi: { apiKey: PRIMARY_KEY, environment: 'production' },
	});
	let trigger: Awaited<ReturnType<typeof startTrigger>>;

	beforeAll(async () => {
		trigger = await startTrigger({
			type: 'luminTrigger',
			parameters: {
				events: ['signature_request_approved', 'signature_request_declined'],
				options: { maxAgeMinutes: 30 },
			},
			credentials,
		});
	});
	afterAll(() => trigger.close());

	it('starts the workflow with the payload for a correctly signed, selected event', async () => {
		const body = event('signature_request_approved');
		const answer = await trigger.post(body, {
			'x-signature': sign(body),
			'user-agent': 'Lumin Sign API',
		});
		expect(answer.status).toBe(200);
		expect(answer.call.emitted).toHaveLength(1);
		expect(answer.call.emitted![0].json).toEqual(JSON.parse(body));
	});

	it('accepts the signature in upper-case hex', async () => {
		const body = event('signature_request_declined');
		const answer = await trigger.post(body, { 'x-signature': sign(body).toUpperCase() });
		expect(answer.status).toBe(200);
		expect(answer.call.emitted).toHaveLength(1);
	});

	it.each([
		['no signature', () => ({})],
		[
			'a signature made with another key',
			(body: string) => ({ 'x-signature': sign(body, 'some-other-key-123') }),
		],
		[
			'a signature of a different body',
			() => ({ 'x-signature': sign(event('signature_request_approved', 1)) }),
		],
		['a truncated signature', (body: string) => ({ 'x-signature': sign(body).slice(0, 40) })],
	])('answers 401 and starts nothing for %s', async (_name, headers) => {
		const body = event('signature_request_approved');
		const answer = await trigger.post(body, headers(body) as Record<string, string>);
		expect(answer.status).toBe(401);
		expect(answer.body).toEqual({ message: expect.stringContaining('X-Signature') });
		expect(answer.call.emitted).toBeUndefined();
	});

	it('verifies the exact bytes received: re-serialising the JSON would break the signature', async () => {
		const body = event('signature_request_approved').replace('{"event":', '{ "event" :');
		const answer = await trigger.post(body, { 'x-signature': sign(body) });
		expect(answer.status).toBe(200);
		expect(answer.call.emitted).toHaveLength(1);
	});

	it('acknowledges an event that was not selected without starting the workflow', async () => {
		const body = event('signature_request_viewed');
		const answer = await trigger.post(body, { 'x-signature': sign(body) });
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			received: true,
			ignored: 'event signature_request_viewed not selected',
		});
		expect(answer.call.emitted).toBeUndefined();
	});

	it('rejects a signed event older than the allowed age (a replay)', async () => {
		const body = event('signature_request_approved', Date.now() - 31 * 60_000);
		const answer = await trigger.post(body, { 'x-signature': sign(body) });
		expect(answer.status).toBe(401);
		expect(answer.call.emitted).toBeUndefined();
	});

	it('activates and deactivates without calling Lumin: registration is in the dashboard', async () => {
		const setup = {
			type: 'luminTrigger',
			parameters: { events: ['signature_request_approved'] },
			credentials,
		};
		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(true);
		expect((await runWebhookMethod(setup, 'delete')).result).toBe(true);
	});

	describe('one event, one run', () => {
		it('starts one run for an event Lumin sends again (same body, same signature): the copy gets 200 and starts nothing', async () => {
			const body = event('signature_request_approved', Date.now() - 1000);
			const first = await trigger.post(body, { 'x-signature': sign(body) });
			const again = await trigger.post(body, { 'x-signature': sign(body) });
			expect(first.call.emitted).toHaveLength(1);
			expect(again.status).toBe(200);
			expect(again.body).toEqual({
				received: true,
				ignored: 'repeat of a delivery, which already started a run',
			});
			expect(again.call.emitted).toBeUndefined();
		});

		it('treats the same event re-serialised by Lumin (other spacing, same type, time and request) as a repeat', async () => {
			const time = Date.now() - 2000;
			const body = event('signature_request_declined', time);
			const respaced = JSON.stringify(JSON.parse(body), null, 2);
			expect((await trigger.post(body, { 'x-signature': sign(body) })).call.emitted).toHaveLength(
				1,
			);
			expect(
				(await trigger.post(respaced, { 'x-signature': sign(respaced) })).call.emitted,
			).toBeUndefined();
		});

		it('starts a run for each distinct event: another time or another type', async () => {
			const time = Date.now() - 3000;
			for (const body of [
				event('signature_request_approved', time),
				event('signature_request_approved', time + 1),
				event('signature_request_declined', time),
			]) {
				expect((await trigger.post(body, { 'x-signature': sign(body) })).call.emitted).toHaveLength(
					1,
				);
			}
		});

		it('refuses a forged copy with 401 before it is recorded, so the real event still starts its run', async () => {
			const body = event('signature_request_approved', Date.now() - 4000);
			expect(
				(await trigger.post(body, { 'x-signature': sign(body, 'some-other-key-123') })).status,
			).toBe(401);
			expect((await trigger.post(body, { 'x-signature': sign(body) })).call.emitted).toHaveLength(
				1,
			);
		});
	});
});
