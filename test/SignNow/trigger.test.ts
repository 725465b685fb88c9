import type { IDataObject } from 'n8n-workflow';

import { runWebhookMethod, startTrigger } from '../harness/trigger';
import { useSignNow } from './setup';

const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/b3c1d2e4-0000-4000-8000-00000000abcd/webhook';

describe('signNow Trigger', () => {
	const { sim, credentials } = useSignNow();

	it('registers one subscription per event on activation, finds them again, and removes them on deactivation', async () => {
		const doc = sim.seed();
		const setup = {
			type: 'signNowTrigger',
			parameters: { scope: 'document', documentId: doc.id, events: ['document.complete', 'document.fieldinvite.signed'] },
			credentials: credentials({ webhookSecret: 'whsec-signnow-5a1e7c' }),
			staticData: {} as IDataObject,
		};

		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(false);
		expect(sim.requests).toHaveLength(0);

		const created = await runWebhookMethod(setup, 'create');
		expect(created.result).toBe(true);
		const posts = sim.received('POST', '/api/v2/events');
		expect(posts.map((p) => p.body)).toEqual([
			{ event: 'document.complete', entity_id: doc.id, action: 'callback', attributes: { callback: WEBHOOK_URL, delete_access_token: true, secret_key: 'whsec-signnow-5a1e7c' } },
			{ event: 'document.fieldinvite.signed', entity_id: doc.id, action: 'callback', attributes: { callback: WEBHOOK_URL, delete_access_token: true, secret_key: 'whsec-signnow-5a1e7c' } },
		]);
		expect(posts[0].headers.authorization).toMatch(/^Bearer /);
		const ids = created.staticData.subscriptionIds as string[];
		expect(ids).toHaveLength(2);
		expect(ids.map((id) => sim.subscriptions.get(id)!.event)).toEqual(['document.complete', 'document.fieldinvite.signed']);

		sim.clearLog();
		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(true);
		expect(sim.received('GET', '/v2/event-subscriptions/:id').map((r) => r.path)).toEqual(ids.map((id) => `/v2/event-subscriptions/${id}`));

		sim.clearLog();
		const deleted = await runWebhookMethod(setup, 'delete');
		expect(deleted.result).toBe(true);
		expect(sim.received('DELETE', '/v2/event-subscriptions/:id').map((r) => r.path)).toEqual(ids.map((id) => `/v2/event-subscriptions/${id}`));
		expect(sim.subscriptions.size).toBe(0);
		expect(deleted.staticData.subscriptionIds).toBeUndefined();
		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(false);
	});

	it('subscribes user-wide with the user’s ID and user.-prefixed events, and re-registers when one subscription vanished', async () => {
		const setup = {
			type: 'signNowTrigger',
			parameters: { scope: 'user', events: ['document.complete', 'document.open'] },
			credentials: credentials(),
			staticData: {} as IDataObject,
		};
		const { staticData } = await runWebhookMethod(setup, 'create');
		expect(sim.received('GET', '/user')).toHaveLength(1);
		const bodies = sim.received('POST', '/api/v2/events').map((r) => r.body);
		expect(bodies.map((b) => [b.event, b.entity_id])).toEqual([
			['user.document.complete', sim.userId],
			['user.document.open', sim.userId],
		]);
		expect(bodies[0].attributes.secret_key).toBeUndefined();

		const [first, second] = staticData.subscriptionIds as string[];
		sim.subscriptions.delete(first);
		sim.clearLog();
		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(false);
		expect(sim.received('DELETE', '/v2/event-subscriptions/:id').map((r) => r.path)).toEqual([`/v2/event-subscriptions/${second}`]);
		expect(sim.subscriptions.size).toBe(0);
	});

	it('refuses activation with signNow’s message for a document that does not exist', async () => {
		const setup = { type: 'signNowTrigger', parameters: { scope: 'document', documentId: 'nope', events: ['document.complete'] }, credentials: credentials(), staticData: {} };
		await expect(runWebhookMethod(setup, 'create')).rejects.toThrow('signNow [65579]: entity_id does not match the event');
	});

	it('refuses activation without a usable document ID or without events, before any request', async () => {
		const noDoc = { type: 'signNowTrigger', parameters: { scope: 'document', documentId: '={{ "a/b" }}', events: ['document.complete'] }, credentials: credentials(), staticData: {} };
		await expect(runWebhookMethod(noDoc, 'create')).rejects.toThrow('Document ID: "a/b" is not allowed. The document ID must not contain "/"');
		const noEvents = { type: 'signNowTrigger', parameters: { scope: 'user', events: [] }, credentials: credentials(), staticData: {} };
		await expect(runWebhookMethod(noEvents, 'create')).rejects.toThrow('Events: [] is not allowed. Pick at least one event.');
		expect(sim.requests).toHaveLength(0);
	});

	describe('receiving callbacks', () => {
		async function activeTrigger(webhookSecret: string, events = ['document.complete']) {
			const doc = sim.seed();
			const store = credentials({ webhookSecret });
			const setup = { type: 'signNowTrigger', parameters: { scope: 'document', documentId: doc.id, events }, credentials: store, staticData: {} as IDataObject };
			const { staticData } = await runWebhookMethod(setup, 'create');
			const trigger = await startTrigger(setup);
			return { doc, trigger, subscriptionId: (staticData.subscriptionIds as string[])[0] };
		}

		it('starts the workflow for a correctly signed call, without the payload’s access token', async () => {
			const { doc, trigger, subscriptionId } = await activeTrigger('whsec-signnow-5a1e7c');
			try {
				const { body, headers } = sim.callback(subscriptionId, { document_id: doc.id, document_name: doc.document_name, user_id: sim.userId });
				const payloadToken = JSON.parse(body).meta.access_token as string;
				const answer = await trigger.post(body, headers);

				expect(answer.status).toBe(200);
				expect(answer.call.emitted).toHaveLength(1);
				const json = answer.call.emitted![0].json as IDataObject & { meta: IDataObject; content: IDataObject };
				expect(json.meta.event).toBe('document.complete');
				expect(json.meta).not.toHaveProperty('access_token');
				expect(json.content).toEqual({ document_id: doc.id, document_name: doc.document_name, user_id: sim.userId });
				expect(JSON.stringify(answer.call.emitted)).not.toContain(payloadToken);
			} finally {
				await trigger.close();
			}
		});

		it('answers 401 and starts nothing for a forged or missing signature', async () => {
			const { doc, trigger, subscriptionId } = await activeTrigger('whsec-signnow-5a1e7c');
			try {
				const { body, headers } = sim.callback(subscriptionId, { document_id: doc.id });
				const forged = await trigger.post(body.replace(doc.id, 'another-document'), headers);
				expect(forged.status).toBe(401);
				expect(forged.body).toEqual({ message: 'Invalid or missing X-SignNow-Signature' });
				expect(forged.call.emitted).toBeUndefined();

				const unsigned = await trigger.post(body);
				expect(unsigned.status).toBe(401);
				expect(unsigned.call.emitted).toBeUndefined();

				const wrongKey = await trigger.post(body, { 'X-SignNow-Signature': 'bm90LXRoZS1yaWdodC1zaWduYXR1cmU=' });
				expect(wrongKey.status).toBe(401);
			} finally {
				await trigger.close();
			}
		});

		it('accepts unsigned calls when no secret is set, and acknowledges events it was not asked for', async () => {
			const { doc, trigger, subscriptionId } = await activeTrigger('');
			try {
				const { body, headers } = sim.callback(subscriptionId, { document_id: doc.id });
				expect(headers).toEqual({});
				const accepted = await trigger.post(body);
				expect(accepted.status).toBe(200);
				expect(accepted.call.emitted).toHaveLength(1);

				const other = JSON.stringify({ meta: { event: 'document.update', access_token: 'x' }, content: { document_id: doc.id } });
				const ignored = await trigger.post(other);
				expect(ignored.status).toBe(200);
				expect(ignored.body).toEqual({ received: true, ignored: 'event document.update not selected' });
				expect(ignored.call.emitted).toBeUndefined();
			} finally {
				await trigger.close();
			}
		});
	});
});
