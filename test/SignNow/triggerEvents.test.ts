import { runWebhookMethod, startTrigger, type TriggerSetup } from '../harness/trigger';
import { useSignNow } from './setup';

const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/b3c1d2e4-0000-4000-8000-00000000abcd/webhook';

describe('signNow Trigger: invite expired and document group completed', () => {
	const { sim, credentials } = useSignNow();

	it('All My Documents subscribes user.invite.expired and user.document_group.complete, and a delivery starts one run', async () => {
		const setup: TriggerSetup = {
			type: 'signNowTrigger',
			parameters: { scope: 'user', events: ['invite.expired', 'document_group.complete'] },
			credentials: credentials(),
			staticData: {},
		};
		await runWebhookMethod(setup, 'create');
		expect(
			sim.received('POST', '/api/v2/events').map((r) => [r.body.event, r.body.entity_id]),
		).toEqual([
			['user.invite.expired', sim.userId],
			['user.document_group.complete', sim.userId],
		]);
		expect(sim.subscriptionsCalling(WEBHOOK_URL)).toHaveLength(2);

		const trigger = await startTrigger(setup);
		try {
			const [expired] = sim.deliver('user.invite.expired', sim.userId, {
				document_id: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9',
				user_id: sim.userId,
			});
			const first = await trigger.post(expired.body, expired.headers);
			expect(first.status).toBe(200);
			expect(first.call.emitted).toHaveLength(1);
			expect(first.call.emitted![0].json).toMatchObject({
				meta: { event: 'user.invite.expired' },
				content: { document_id: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9' },
			});
			const again = await trigger.post(expired.body, expired.headers);
			expect(again.call.emitted).toBeUndefined();

			const [group] = sim.deliver('user.document_group.complete', sim.userId, {
				document_group_id: 'd0c0000000000000000000000000000000000001',
			});
			expect((await trigger.post(group.body, group.headers)).call.emitted).toHaveLength(1);
		} finally {
			await trigger.close();
		}
	});

	it('One Document subscribes invite.expired for the document', async () => {
		const doc = sim.seed();
		const setup: TriggerSetup = {
			type: 'signNowTrigger',
			parameters: { scope: 'document', documentId: doc.id, events: ['invite.expired'] },
			credentials: credentials(),
			staticData: {},
		};
		await runWebhookMethod(setup, 'create');
		expect(
			sim.received('POST', '/api/v2/events').map((r) => [r.body.event, r.body.entity_id]),
		).toEqual([['invite.expired', doc.id]]);
	});

	it('One Document refuses Document Group Completed before any request: a group’s events need All My Documents', async () => {
		const doc = sim.seed();
		const setup: TriggerSetup = {
			type: 'signNowTrigger',
			parameters: {
				scope: 'document',
				documentId: doc.id,
				events: ['document.complete', 'document_group.complete'],
			},
			credentials: credentials(),
			staticData: {},
		};
		await expect(runWebhookMethod(setup, 'create')).rejects.toThrow(
			'Events: ["document.complete","document_group.complete"] is not allowed. Document Group Completed needs Watch: All My Documents; one document has no group events.',
		);
		expect(sim.requests.filter((r) => r.path !== '/oauth2/token')).toHaveLength(0);
	});
});
