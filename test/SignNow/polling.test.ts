import type { IDataObject } from 'n8n-workflow';

import { MAX_CHANGES } from '../../nodes/SignNow/trigger/polling';
import { activeTrigger, firstPollError, type PollingTrigger } from '../harness/poll';
import { runNode } from '../harness/run';
import { useSignNow } from './setup';

const TYPE = 'signNowPollingTrigger';
/** A Unix time (seconds) `n` seconds after a fixed moment. */
const T = (n: number) => 1_796_000_000 + n;

describe('signNow Polling Trigger', () => {
	const { sim, credentials, apiRequests } = useSignNow();
	beforeEach(() => sim.documents.clear());

	const params = (overrides: IDataObject = {}) => ({
		scope: 'user',
		events: [
			'document.fieldinvite.create',
			'document.fieldinvite.signed',
			'document.fieldinvite.decline',
			'document.complete',
		],
		...overrides,
	});
	const trigger = (overrides: IDataObject = {}, store = credentials()) =>
		activeTrigger({ type: TYPE, parameters: params(overrides), credentials: store });
	const summary = (t: PollingTrigger) =>
		t.emitted.map((e) => {
			const { meta, content } = e as { meta: IDataObject; content: IDataObject };
			const invite = content.invite as IDataObject | undefined;
			return `${String(meta.event)} ${String(content.document_name)}${invite ? ` ${String(invite.email)}` : ''} @${String(meta.timestamp)}`;
		});
	/** A document with two signers, both invited at `at`. */
	const invitedDocument = (name: string, at: number) => {
		const document = sim.seed({ document_name: name, updated: at, created: at });
		const invites = sim.addInvites(document.id, ['ana@example.com', 'ben@example.com'], at);
		return { document, invites };
	};

	it('starts from now: documents and invites that exist at activation start nothing; new ones start one run each, shaped as the webhook’s calls', async () => {
		const old = invitedDocument('Old', T(0));
		sim.signAt(old.document.id, old.invites[0].id, T(1));
		const t = await trigger();
		expect(await t.poll()).toEqual([]);

		const fresh = invitedDocument('Lease', T(10));
		sim.signAt(fresh.document.id, fresh.invites[0].id, T(11));
		sim.signAt(fresh.document.id, fresh.invites[1].id, T(12));
		const runs = await t.poll();

		expect(runs.map((run) => run.length)).toEqual([1, 1, 1, 1, 1]);
		expect(summary(t)).toEqual([
			`user.document.fieldinvite.create Lease ana@example.com @${T(10)}`,
			`user.document.fieldinvite.create Lease ben@example.com @${T(10)}`,
			`user.document.fieldinvite.signed Lease ana@example.com @${T(11)}`,
			`user.document.fieldinvite.signed Lease ben@example.com @${T(12)}`,
			`user.document.complete Lease @${T(12)}`,
		]);
		expect(t.emitted[4]).toEqual({
			meta: { timestamp: T(12), event: 'user.document.complete', environment: sim.baseUrl },
			content: { document_id: fresh.document.id, document_name: 'Lease', user_id: sim.userId },
		});
		expect(t.emitted[3].content).toMatchObject({
			invite: { id: fresh.invites[1].id, email: 'ben@example.com', status: 'fulfilled' },
		});
		expect(await t.poll()).toEqual([]);
		// One list read per poll, with the token fetched once and kept in the credential.
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(
			Array(4).fill('GET /user/documentsv2'),
		);
		expect(sim.received('POST', '/oauth2/token')).toHaveLength(1);
	});

	it('watches one document by reading only that document; its events have no "user." prefix', async () => {
		const { document, invites } = invitedDocument('Watched', T(0));
		invitedDocument('Other', T(0));
		const t = await trigger({
			scope: 'document',
			documentId: { __rl: true, mode: 'id', value: document.id },
		});
		sim.declineAt(document.id, invites[0].id, T(5));
		await t.poll();

		expect(summary(t)).toEqual([`document.fieldinvite.decline Watched ana@example.com @${T(5)}`]);
		expect(new Set(apiRequests().map((r) => `${r.method} ${r.path}`))).toEqual(
			new Set([`GET /document/${document.id}`]),
		);
	});

	it('reports only the picked events; each change of the document’s time is one Document Updated', async () => {
		const { document } = invitedDocument('Contract', T(0));
		const t = await trigger({ events: ['document.update'] });
		sim.touch(document.id, T(3));
		await t.poll();
		await t.poll();
		sim.touch(document.id, T(4));
		await t.poll();

		expect(summary(t)).toEqual([
			`user.document.update Contract @${T(3)}`,
			`user.document.update Contract @${T(4)}`,
		]);
	});

	it('a change in the same second as the last one handled is reported once, however often polled', async () => {
		const { document, invites } = invitedDocument('Tie', T(0));
		const t = await trigger();
		sim.signAt(document.id, invites[0].id, T(7));
		await t.poll();
		// Signed in the very second of the last change handled, after the poll read the list.
		sim.signAt(document.id, invites[1].id, T(7));
		await t.poll();
		await t.poll();

		expect(summary(t)).toEqual([
			`user.document.fieldinvite.signed Tie ana@example.com @${T(7)}`,
			`user.document.fieldinvite.signed Tie ben@example.com @${T(7)}`,
			`user.document.complete Tie @${T(7)}`,
		]);
	});

	it(`after a long pause: every change since, oldest first, ${MAX_CHANGES} per poll, the rest in the next polls`, async () => {
		const t = await trigger({ events: ['document.fieldinvite.signed'] });
		const signed: string[] = [];
		for (let n = 0; n < 70; n++) {
			const { document, invites } = invitedDocument(`Doc ${n}`, T(100 + n));
			sim.signAt(document.id, invites[0].id, T(200 + n));
			signed.push(`user.document.fieldinvite.signed Doc ${n} ana@example.com @${T(200 + n)}`);
		}
		const counts: number[] = [];
		for (let poll = 0; poll < 4; poll++) counts.push((await t.poll()).length);

		// 70 documents: 140 invites created, then 70 × (1 signed + 1 updated), oldest first.
		expect(counts).toEqual([0, 30, 40, 0]);
		expect(summary(t)).toEqual(signed);
	});

	it('the cursor survives a restart: nothing reported twice, nothing lost', async () => {
		const { document, invites } = invitedDocument('Restart', T(0));
		const t = await trigger();
		sim.signAt(document.id, invites[0].id, T(1));
		await t.poll();
		t.restart();
		sim.signAt(document.id, invites[1].id, T(2));
		await t.activate();
		await t.poll();

		expect(summary(t)).toEqual([
			`user.document.fieldinvite.signed Restart ana@example.com @${T(1)}`,
			`user.document.fieldinvite.signed Restart ben@example.com @${T(2)}`,
			`user.document.complete Restart @${T(2)}`,
		]);
	});

	it('templates start nothing', async () => {
		const t = await trigger();
		const template = sim.seed({ document_name: 'Template', template: true, updated: T(1) });
		sim.addInvites(template.id, ['ana@example.com'], T(1));
		await t.poll();
		expect(t.runs).toHaveLength(0);
	});

	it('a list without the invites fails the poll naming what is missing, rather than reporting nothing', async () => {
		const t = await trigger();
		sim.inject({ kind: 'status', status: 200, body: [{ id: 'doc1', updated: T(1) }] });
		const error = await t.failedPoll();
		expect(error.message).toMatch(/^signNow \[incomplete_answer\]: .*0\.field_invites is missing/);
	});

	it('a 429 fails the poll with signNow’s words, and the next poll loses nothing', async () => {
		const { document, invites } = invitedDocument('Busy', T(0));
		const t = await trigger();
		sim.signAt(document.id, invites[0].id, T(1));
		sim.inject({
			kind: 'status',
			status: 429,
			body: { errors: [{ code: 429, message: 'Too many requests' }] },
			headers: { 'retry-after': '300' },
		});
		expect((await t.failedPoll()).message).toBe('signNow [429]: Too many requests');
		await t.poll();
		expect(summary(t)).toEqual([`user.document.fieldinvite.signed Busy ana@example.com @${T(1)}`]);
	});

	it('Fetch Test Event (manual run) shows the newest event of the picked kinds', async () => {
		const a = invitedDocument('First', T(0));
		sim.signAt(a.document.id, a.invites[0].id, T(5));
		// Newer, but of a kind not picked: invites created.
		invitedDocument('Second', T(6));
		const { items, error } = await runNode({
			type: TYPE,
			parameters: params({ events: ['document.fieldinvite.signed'] }),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				meta: expect.objectContaining({
					event: 'user.document.fieldinvite.signed',
					timestamp: T(5),
				}),
			}),
		]);
	});

	it('checks its parameters before any request', async () => {
		const refused = (parameters: IDataObject) =>
			firstPollError({ type: TYPE, parameters: params(parameters), credentials: credentials() });
		expect(
			await refused({ scope: 'document', documentId: { __rl: true, mode: 'id', value: '' } }),
		).toMatch(/^Document: "" is not allowed\./);
		expect(await refused({ events: '={{ [] }}' })).toBe(
			'Events: [] is not allowed. Pick at least one event.',
		);
		expect(sim.requests).toHaveLength(0);
	});
});
