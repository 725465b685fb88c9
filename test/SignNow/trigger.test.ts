import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { CredentialStore } from '../harness/credentials';
import { runWebhookMethod, startTrigger, type TriggerSetup } from '../harness/trigger';
import { useSignNow } from './setup';

const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/b3c1d2e4-0000-4000-8000-00000000abcd/webhook';
const OTHER_WORKFLOW_URL =
	'http://127.0.0.1:5678/webhook/0c0c0c0c-1111-4111-8111-000000000001/webhook';
const SUBSCRIPTIONS = '/v2/event-subscriptions';
const SUBSCRIPTION = '/v2/event-subscriptions/:id';
const EVENTS_POST = '/api/v2/events';

/**
 * Runs one activation method like n8n does: the workflow's static data is saved only when the
 * method succeeded; after a failure the copy saved before stays (n8n 1.x then calls delete() with
 * it, n8n 2.41 retries create() with it).
 */
async function call(setup: TriggerSetup, method: 'checkExists' | 'create' | 'delete') {
	const saved = JSON.parse(JSON.stringify(setup.staticData ?? {})) as IDataObject;
	try {
		return await runWebhookMethod(setup, method);
	} catch (error) {
		setup.staticData = saved;
		throw error;
	}
}

describe('signNow Trigger', () => {
	const { sim, credentials } = useSignNow();

	const own = () => sim.subscriptionsCalling(WEBHOOK_URL);
	const recordedIds = (setup: TriggerSetup) =>
		(setup.staticData?.['node:Trigger Under Test'] as IDataObject | undefined)?.subscriptionIds;

	function documentTrigger(
		events = ['document.complete', 'document.fieldinvite.signed'],
		store?: CredentialStore,
	) {
		const doc = sim.seed();
		const setup: TriggerSetup = {
			type: 'signNowTrigger',
			parameters: { scope: 'document', documentId: doc.id, events },
			credentials: store ?? credentials(),
			staticData: {},
		};
		return { doc, setup };
	}

	it('registers one subscription per event on activation, finds them again, and removes them on deactivation', async () => {
		const { doc, setup } = documentTrigger(
			undefined,
			credentials({ webhookSecret: 'whsec-signnow-5a1e7c' }),
		);
		const foreign = sim.seedSubscription({
			event: 'document.complete',
			entityId: doc.id,
			callbackUrl: OTHER_WORKFLOW_URL,
		});

		expect((await call(setup, 'checkExists')).result).toBe(false);
		expect(sim.requests).toHaveLength(0);

		const created = await call(setup, 'create');
		expect(created.result).toBe(true);
		const posts = sim.received('POST', EVENTS_POST);
		expect(posts.map((p) => p.body)).toEqual([
			{
				event: 'document.complete',
				entity_id: doc.id,
				action: 'callback',
				attributes: {
					callback: WEBHOOK_URL,
					delete_access_token: true,
					secret_key: 'whsec-signnow-5a1e7c',
				},
			},
			{
				event: 'document.fieldinvite.signed',
				entity_id: doc.id,
				action: 'callback',
				attributes: {
					callback: WEBHOOK_URL,
					delete_access_token: true,
					secret_key: 'whsec-signnow-5a1e7c',
				},
			},
		]);
		expect(posts[0].headers.authorization).toMatch(/^Bearer /);
		const ids = created.staticData.subscriptionIds as string[];
		expect(ids).toHaveLength(2);
		expect(ids.map((id) => sim.subscriptions.get(id)!.event)).toEqual([
			'document.complete',
			'document.fieldinvite.signed',
		]);
		expect(
			own()
				.map((s) => s.id)
				.sort(),
		).toEqual([...ids].sort());

		sim.clearLog();
		expect((await call(setup, 'checkExists')).result).toBe(true);
		expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${SUBSCRIPTIONS}`]);

		sim.clearLog();
		const deleted = await call(setup, 'delete');
		expect(deleted.result).toBe(true);
		expect(sim.received('DELETE', SUBSCRIPTION).map((r) => r.path)).toEqual(
			ids.map((id) => `${SUBSCRIPTIONS}/${id}`),
		);
		expect(own()).toHaveLength(0);
		expect(sim.subscriptions.has(foreign.id)).toBe(true);
		expect(deleted.staticData.subscriptionIds).toBeUndefined();
		expect((await call(setup, 'checkExists')).result).toBe(false);
	});

	it('subscribes user-wide with the user’s ID and user.-prefixed events; after one vanished it re-registers a clean set', async () => {
		const setup: TriggerSetup = {
			type: 'signNowTrigger',
			parameters: { scope: 'user', events: ['document.complete', 'document.open'] },
			credentials: credentials(),
			staticData: {},
		};
		await call(setup, 'create');
		expect(sim.received('GET', '/user')).toHaveLength(1);
		const bodies = sim.received('POST', EVENTS_POST).map((r) => r.body);
		expect(bodies.map((b) => [b.event, b.entity_id])).toEqual([
			['user.document.complete', sim.userId],
			['user.document.open', sim.userId],
		]);
		expect(bodies[0].attributes.secret_key).toBeUndefined();

		// n8n 1.x after a restart: checkExists, then create when it answers false.
		const [first, second] = recordedIds(setup) as string[];
		sim.subscriptions.delete(first);
		sim.clearLog();
		expect((await call(setup, 'checkExists')).result).toBe(false);
		expect(sim.received('DELETE')).toHaveLength(0);
		await call(setup, 'create');
		expect(sim.received('DELETE', SUBSCRIPTION).map((r) => r.path)).toEqual([
			`${SUBSCRIPTIONS}/${first}`,
			`${SUBSCRIPTIONS}/${second}`,
		]);
		expect(
			own()
				.map((s) => s.event)
				.sort(),
		).toEqual(['user.document.complete', 'user.document.open']);
		expect(
			own()
				.map((s) => s.id)
				.sort(),
		).toEqual([...(recordedIds(setup) as string[])].sort());
	});

	it('checkExists answers false for a duplicate, changed events or a changed secret, and create then leaves one per event', async () => {
		const { doc, setup } = documentTrigger(
			['document.complete'],
			credentials({ webhookSecret: 'first-secret' }),
		);
		await call(setup, 'create');
		expect((await call(setup, 'checkExists')).result).toBe(true);

		const duplicate = sim.seedSubscription({
			event: 'document.complete',
			entityId: doc.id,
			callbackUrl: WEBHOOK_URL,
		});
		expect((await call(setup, 'checkExists')).result).toBe(false);
		sim.subscriptions.delete(duplicate.id);
		expect((await call(setup, 'checkExists')).result).toBe(true);

		const changedEvents = {
			...setup,
			parameters: { ...setup.parameters, events: ['document.complete', 'document.update'] },
		};
		expect((await call(changedEvents, 'checkExists')).result).toBe(false);

		const changedSecret = {
			...setup,
			credentials: credentials({ webhookSecret: 'second-secret' }),
		};
		expect((await call(changedSecret, 'checkExists')).result).toBe(false);
		await call(changedSecret, 'create');
		expect(own()).toHaveLength(1);
		expect(own()[0].json_attributes.secret_key).toBe('second-secret');
	});

	describe('activation never leaves more than one subscription per event', () => {
		it('the second subscription fails with 500: the first is removed again, the IDs are cleared, and the error says so', async () => {
			const { doc, setup } = documentTrigger();
			const foreign = sim.seedSubscription({
				event: 'document.fieldinvite.signed',
				entityId: doc.id,
				callbackUrl: OTHER_WORKFLOW_URL,
			});
			sim.inject(
				{
					kind: 'status',
					status: 500,
					body: { errors: [{ code: 500, message: 'Internal error' }] },
				},
				1,
				(r) => r.method === 'POST' && r.body?.event === 'document.fieldinvite.signed',
			);

			const failure = call(setup, 'create');
			await expect(failure).rejects.toThrow(
				'The signNow Trigger could not be activated: signNow [500]: Internal error',
			);
			await failure.catch((error: { description?: string }) =>
				expect(error.description).toContain(
					'Nothing is left registered with signNow for this trigger.',
				),
			);
			expect(sim.received('POST', EVENTS_POST)).toHaveLength(2);
			expect(sim.received('DELETE', SUBSCRIPTION)).toHaveLength(1);
			expect(own()).toHaveLength(0);
			expect(sim.subscriptions.has(foreign.id)).toBe(true);
			expect(recordedIds(setup)).toBeUndefined();
		});

		it('the list fails right after the first subscription: it is still found and removed', async () => {
			const { setup } = documentTrigger();
			sim.inject(
				{
					kind: 'status',
					status: 500,
					body: { errors: [{ code: 500, message: 'List unavailable' }] },
				},
				1,
				(r) =>
					r.method === 'GET' &&
					r.path === SUBSCRIPTIONS &&
					sim.received('POST', EVENTS_POST).length === 1,
			);

			await expect(call(setup, 'create')).rejects.toThrow(
				'The signNow Trigger could not be activated: signNow [500]: List unavailable',
			);
			expect(sim.received('POST', EVENTS_POST)).toHaveLength(1);
			expect(own()).toHaveLength(0);
		});

		it('when removing fails as well, the error says so, and deactivation without recorded IDs still removes it', async () => {
			const { setup } = documentTrigger();
			sim.inject(
				{
					kind: 'status',
					status: 500,
					body: { errors: [{ code: 500, message: 'List unavailable' }] },
				},
				2,
				(r) =>
					r.method === 'GET' &&
					r.path === SUBSCRIPTIONS &&
					sim.received('POST', EVENTS_POST).length === 1,
			);

			const failure = call(setup, 'create');
			await expect(failure).rejects.toThrow('The signNow Trigger could not be activated');
			await failure.catch((error: { description?: string }) =>
				expect(error.description).toContain(
					'Removing what this attempt registered failed too (signNow [500]: List unavailable); the next activation or deactivation removes it.',
				),
			);
			expect(own()).toHaveLength(1);

			// n8n 1.x calls delete() after a failed create(), with the static data saved before it.
			expect(recordedIds(setup)).toBeUndefined();
			await call(setup, 'delete');
			expect(own()).toHaveLength(0);
		});

		it('create() run again without delete() (n8n 2.x retrying in the background) replaces the set instead of adding one', async () => {
			const { setup } = documentTrigger();
			await call(setup, 'create');
			await call(setup, 'create');
			expect(own()).toHaveLength(2);
			expect(
				own()
					.map((s) => s.id)
					.sort(),
			).toEqual([...(recordedIds(setup) as string[])].sort());

			// The same, when the static data of the earlier create() was never saved.
			setup.staticData = {};
			await call(setup, 'create');
			expect(
				own()
					.map((s) => s.event)
					.sort(),
			).toEqual(['document.complete', 'document.fieldinvite.signed']);
			expect(sim.received('POST', EVENTS_POST)).toHaveLength(6);
		});

		it('a failed activation, then reactivation: one subscription per event, and one event starts one run', async () => {
			const { doc, setup } = documentTrigger(['document.complete', 'document.update']);
			sim.inject(
				{
					kind: 'status',
					status: 500,
					body: { errors: [{ code: 500, message: 'Internal error' }] },
				},
				1,
				(r) => r.method === 'POST' && r.body?.event === 'document.update',
			);
			await expect(call(setup, 'create')).rejects.toThrow('could not be activated');
			expect(own()).toHaveLength(0);
			// n8n 1.x: delete() after the failure; the user activates again: checkExists, create.
			await call(setup, 'delete');
			expect((await call(setup, 'checkExists')).result).toBe(false);
			await call(setup, 'create');
			// n8n 2.x: the background retry runs create() once more.
			await call(setup, 'create');
			expect(
				own()
					.map((s) => s.event)
					.sort(),
			).toEqual(['document.complete', 'document.update']);

			const trigger = await startTrigger(setup);
			try {
				const callbacks = sim.deliver('document.complete', doc.id, { document_id: doc.id });
				expect(callbacks).toHaveLength(1);
				for (const callback of callbacks) await trigger.post(callback.body, callback.headers);
				expect(trigger.calls.filter((c) => c.emitted)).toHaveLength(1);
			} finally {
				await trigger.close();
			}
		});

		it('leftovers of activations whose IDs were never saved are removed: three stacked become one', async () => {
			const { doc, setup } = documentTrigger(['document.complete']);
			for (let n = 0; n < 3; n++)
				sim.seedSubscription({
					event: 'document.complete',
					entityId: doc.id,
					callbackUrl: WEBHOOK_URL,
				});
			expect((await call(setup, 'checkExists')).result).toBe(false);
			await call(setup, 'create');
			expect(sim.received('DELETE', SUBSCRIPTION)).toHaveLength(3);
			expect(own()).toHaveLength(1);
			expect(sim.deliver('document.complete', doc.id, {})).toHaveLength(1);
		});

		it('a subscription whose answer was lost after signNow made it is settled from the list, not sent again', async () => {
			const { setup } = documentTrigger();
			sim.inject(
				{ kind: 'applied', then: 502 },
				1,
				(r) => r.method === 'POST' && r.body?.event === 'document.fieldinvite.signed',
			);
			const { result, staticData } = await call(setup, 'create');
			expect(result).toBe(true);
			expect(sim.received('POST', EVENTS_POST)).toHaveLength(2);
			expect(sim.applied.filter((a) => a.request.path === EVENTS_POST)).toHaveLength(2);
			expect(
				own()
					.map((s) => s.id)
					.sort(),
			).toEqual([...(staticData.subscriptionIds as string[])].sort());
			expect(own()).toHaveLength(2);
		});

		it('a subscription whose answer was lost before signNow acted fails the activation as unknown, sent once, nothing left', async () => {
			const { setup } = documentTrigger();
			sim.inject(
				{ kind: 'status', status: 502, body: 'Bad gateway' },
				1,
				(r) => r.method === 'POST' && r.body?.event === 'document.fieldinvite.signed',
			);
			await expect(call(setup, 'create')).rejects.toThrow(
				'The signNow Trigger could not be activated: signNow [outcome_unknown]: the answer was lost (HTTP 502 from the gateway in front of the API), so it is not known whether the subscription to document.fieldinvite.signed was created',
			);
			expect(
				sim
					.received('POST', EVENTS_POST)
					.filter((r) => r.body.event === 'document.fieldinvite.signed'),
			).toHaveLength(1);
			expect(own()).toHaveLength(0);
		});
	});

	it('deactivation settles a removal whose answer was lost from signNow’s 404 for it', async () => {
		const { setup } = documentTrigger(['document.complete']);
		await call(setup, 'create');
		sim.clearLog();
		sim.inject({ kind: 'applied', then: 'drop' }, 1, (r) => r.method === 'DELETE');
		const { result } = await call(setup, 'delete');
		expect(result).toBe(true);
		expect(sim.received('DELETE', SUBSCRIPTION)).toHaveLength(1);
		expect(sim.received('GET', SUBSCRIPTION)).toHaveLength(1);
		expect(own()).toHaveLength(0);
	});

	it('refuses activation with signNow’s message for a document that does not exist', async () => {
		const setup = {
			type: 'signNowTrigger',
			parameters: { scope: 'document', documentId: 'nope', events: ['document.complete'] },
			credentials: credentials(),
			staticData: {},
		};
		await expect(call(setup, 'create')).rejects.toThrow(
			'The signNow Trigger could not be activated: signNow [65579]: entity_id does not match the event',
		);
		expect(sim.subscriptions.size).toBe(0);
	});

	it('refuses activation without a usable document ID or without events, before any request', async () => {
		const noDoc = {
			type: 'signNowTrigger',
			parameters: { scope: 'document', documentId: '={{ "a/b" }}', events: ['document.complete'] },
			credentials: credentials(),
			staticData: {},
		};
		await expect(call(noDoc, 'create')).rejects.toThrow(
			'Document ID: "a/b" is not allowed. The document ID must not contain "/"',
		);
		const noEvents = {
			type: 'signNowTrigger',
			parameters: { scope: 'user', events: [] },
			credentials: credentials(),
			staticData: {},
		};
		await expect(call(noEvents, 'create')).rejects.toThrow(
			'Events: [] is not allowed. Pick at least one event.',
		);
		expect(sim.requests).toHaveLength(0);
	});

	describe('receiving callbacks', () => {
		async function activeTrigger(webhookSecret: string, events = ['document.complete']) {
			const { doc, setup } = documentTrigger(events, credentials({ webhookSecret }));
			const { staticData } = await call(setup, 'create');
			const trigger = await startTrigger(setup);
			return { doc, trigger, subscriptionId: (staticData.subscriptionIds as string[])[0] };
		}

		/** X-SignNow-Signature as third-party code computes it: base64 HMAC-SHA256 of the raw body. */
		const sign = (secret: string, body: string) =>
			createHmac('sha256', secret).update(body, 'utf8').digest('base64');

		it('starts the workflow for a correctly signed call, without the payload’s access token', async () => {
			const { doc, trigger, subscriptionId } = await activeTrigger('whsec-signnow-5a1e7c');
			try {
				const { body, headers } = sim.callback(subscriptionId, {
					document_id: doc.id,
					document_name: doc.document_name,
					user_id: sim.userId,
				});
				expect(headers['X-SignNow-Signature']).toBe(sign('whsec-signnow-5a1e7c', body));
				const payloadToken = JSON.parse(body).meta.access_token as string;
				const answer = await trigger.post(body, headers);

				expect(answer.status).toBe(200);
				expect(answer.call.emitted).toHaveLength(1);
				const json = answer.call.emitted![0].json as IDataObject & {
					meta: IDataObject;
					content: IDataObject;
				};
				expect(json.meta.event).toBe('document.complete');
				expect(json.meta).not.toHaveProperty('access_token');
				expect(json.content).toEqual({
					document_id: doc.id,
					document_name: doc.document_name,
					user_id: sim.userId,
				});
				expect(JSON.stringify(answer.call.emitted)).not.toContain(payloadToken);
			} finally {
				await trigger.close();
			}
		});

		it('starts one run for a callback signNow sends again, even with a fresh access token in it', async () => {
			const { doc, trigger, subscriptionId } = await activeTrigger('whsec-signnow-5a1e7c');
			try {
				const { body, headers } = sim.callback(subscriptionId, { document_id: doc.id });
				expect((await trigger.post(body, headers)).call.emitted).toHaveLength(1);

				const parsed = JSON.parse(body) as { meta: IDataObject; content: IDataObject };
				const retried = JSON.stringify({
					...parsed,
					meta: { ...parsed.meta, access_token: 'a-fresh-token-0042' },
				});
				const again = await trigger.post(retried, {
					'X-SignNow-Signature': sign('whsec-signnow-5a1e7c', retried),
				});
				expect(again.status).toBe(200);
				expect(again.body).toEqual({
					received: true,
					ignored: 'repeat of a delivery, which already started a run',
				});
				expect(again.call.emitted).toBeUndefined();

				const later = JSON.stringify({
					...parsed,
					meta: { ...parsed.meta, timestamp: Number(parsed.meta.timestamp) + 60 },
				});
				expect(
					(
						await trigger.post(later, {
							'X-SignNow-Signature': sign('whsec-signnow-5a1e7c', later),
						})
					).call.emitted,
				).toHaveLength(1);
			} finally {
				await trigger.close();
			}
		});

		it('checks the signature over the raw bytes: a body signed here is accepted as sent, byte for byte', async () => {
			const { doc, trigger } = await activeTrigger('whsec-signnow-5a1e7c');
			try {
				// Spacing and key order no JSON serialiser would reproduce.
				const body = `{ "content" : {"document_id":"${doc.id}"},  "meta":{"event":"document.complete","access_token":"abc"} }`;
				const accepted = await trigger.post(body, {
					'X-SignNow-Signature': sign('whsec-signnow-5a1e7c', body),
				});
				expect(accepted.status).toBe(200);
				expect(accepted.call.emitted).toHaveLength(1);

				const otherKey = await trigger.post(body, {
					'X-SignNow-Signature': sign('another-secret', body),
				});
				expect(otherKey.status).toBe(401);
				expect(otherKey.call.emitted).toBeUndefined();
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

				const wrongKey = await trigger.post(body, {
					'X-SignNow-Signature': 'bm90LXRoZS1yaWdodC1zaWduYXR1cmU=',
				});
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

				const other = JSON.stringify({
					meta: { event: 'document.update', access_token: 'x' },
					content: { document_id: doc.id },
				});
				const ignored = await trigger.post(other);
				expect(ignored.status).toBe(200);
				expect(ignored.body).toEqual({
					received: true,
					ignored: 'event document.update not selected',
				});
				expect(ignored.call.emitted).toBeUndefined();
			} finally {
				await trigger.close();
			}
		});
	});
});
