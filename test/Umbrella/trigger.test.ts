import type { IDataObject } from 'n8n-workflow';

import { runWebhookMethod, startTrigger, type TriggerSetup } from '../harness/trigger';
import { useUmbrella } from './setup';

const HEADER = 'X-N8N-Webhook-Secret';

describe('Umbrella QES Trigger', () => {
	const { sim, credentials } = useUmbrella();
	const setup = (): TriggerSetup => ({
		type: 'umbrellaTrigger',
		parameters: {},
		credentials: credentials(),
		staticData: {},
	});

	it('registers its URL on activation with a generated secret header and remembers it', async () => {
		const trigger = setup();
		expect((await runWebhookMethod(trigger, 'checkExists')).result).toBe(false);
		const { result, staticData } = await runWebhookMethod(trigger, 'create');

		expect(result).toBe(true);
		const [received] = sim.received('POST', '/onboarding/configureWebhook');
		expect(received.headers.authorization).toMatch(/^Bearer eyJ/);
		const secret = received.body.metadata.authHeader[HEADER];
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(received.body.webhookUrl).toMatch(/^http:\/\/127\.0\.0\.1:5678\/webhook\/.+\/webhook$/);
		expect(staticData).toMatchObject({
			webhookUrl: received.body.webhookUrl,
			secret,
			umbrellaWebhookId: sim.webhook!.id,
		});
		expect((await runWebhookMethod(trigger, 'checkExists')).result).toBe(true);
	});

	it('starts the workflow only for calls carrying the exact secret header; others get 401', async () => {
		const trigger = setup();
		await runWebhookMethod(trigger, 'create');
		const secret = sim.webhook!.authHeader[HEADER];
		const server = await startTrigger(trigger);
		try {
			const payload = JSON.stringify({ requestId: 'r-1', status: 'completed', isVerified: true });
			const good = await server.post(payload, { [HEADER]: secret });
			expect(good.status).toBe(200);
			expect(good.call.emitted).toHaveLength(1);
			expect(good.call.emitted![0].json).toEqual({
				requestId: 'r-1',
				status: 'completed',
				isVerified: true,
			});

			for (const headers of [
				{},
				{ [HEADER]: 'wrong' },
				{ [HEADER]: `${secret}0` },
				{ [HEADER]: secret.slice(0, -1) },
				{ Authorization: secret },
			]) {
				const bad = await server.post(payload, headers as Record<string, string>);
				expect(bad.status).toBe(401);
				expect(bad.body).toEqual({ message: `Missing or wrong ${HEADER} header` });
				expect(bad.call.emitted).toBeUndefined();
			}
		} finally {
			await server.close();
		}
	});

	it('never passes the secret on, even if Umbrella echoes it in the payload', async () => {
		const trigger = setup();
		await runWebhookMethod(trigger, 'create');
		const secret = sim.webhook!.authHeader[HEADER];
		const server = await startTrigger(trigger);
		try {
			const echoed = await server.post(
				JSON.stringify({ requestId: 'r-2', metadata: { authHeader: { [HEADER]: secret } } }),
				{ [HEADER]: secret },
			);
			expect(echoed.status).toBe(200);
			expect(JSON.stringify(echoed.call.emitted)).not.toContain(secret);
			expect((echoed.call.emitted![0].json.metadata as IDataObject).authHeader).toEqual({
				[HEADER]: '[redacted]',
			});
		} finally {
			await server.close();
		}
	});

	it('forgets the secret on deactivation, so late calls get 401, and registers a new secret on reactivation', async () => {
		const trigger = setup();
		await runWebhookMethod(trigger, 'create');
		const first = sim.webhook!.authHeader[HEADER];
		await runWebhookMethod(trigger, 'delete');
		expect(trigger.staticData).toEqual({ 'node:Trigger Under Test': {} });
		expect((await runWebhookMethod(trigger, 'checkExists')).result).toBe(false);

		const closed = await startTrigger(trigger);
		try {
			expect((await closed.post('{}', { [HEADER]: first })).status).toBe(401);
		} finally {
			await closed.close();
		}

		await runWebhookMethod(trigger, 'create');
		const second = sim.webhook!.authHeader[HEADER];
		expect(second).not.toBe(first);
		expect(sim.received('POST', '/onboarding/configureWebhook')).toHaveLength(2);
		const reopened = await startTrigger(trigger);
		try {
			expect((await reopened.post('{}', { [HEADER]: first })).status).toBe(401);
			expect((await reopened.post('{"ok":true}', { [HEADER]: second })).status).toBe(200);
		} finally {
			await reopened.close();
		}
	});

	it('keeps the previous state when Umbrella refuses the registration', async () => {
		const trigger = setup();
		sim.inject(
			{
				kind: 'status',
				status: 200,
				body: { status: false, message: 'Webhook URL not reachable' },
			},
			1,
			(r) => r.path === '/onboarding/configureWebhook',
		);
		await expect(runWebhookMethod(trigger, 'create')).rejects.toThrow(
			'Umbrella [status_false]: Webhook URL not reachable',
		);
		expect((await runWebhookMethod(trigger, 'checkExists')).result).toBe(false);
	});

	it('starts one run for a call Umbrella sends again; a different result starts its own', async () => {
		const trigger = setup();
		await runWebhookMethod(trigger, 'create');
		const secret = sim.webhook!.authHeader[HEADER];
		const server = await startTrigger(trigger);
		try {
			const payload = JSON.stringify({ requestId: 'r-7', status: 'completed', isVerified: true });
			expect((await server.post(payload, { [HEADER]: secret })).call.emitted).toHaveLength(1);
			const again = await server.post(payload, { [HEADER]: secret });
			expect(again.status).toBe(200);
			expect(again.body).toEqual({
				received: true,
				ignored: 'repeat of a delivery, which already started a run',
			});
			expect(again.call.emitted).toBeUndefined();
			const other = JSON.stringify({ requestId: 'r-8', status: 'completed', isVerified: true });
			expect((await server.post(other, { [HEADER]: secret })).call.emitted).toHaveLength(1);
		} finally {
			await server.close();
		}
	});
});
