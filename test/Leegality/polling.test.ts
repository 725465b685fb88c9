import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGES } from '../../nodes/Leegality/trigger/polling';
import { activeTrigger, firstPollError, type PollingTrigger } from '../harness/poll';
import { runNode } from '../harness/run';
import { useLeegality } from './setup';

const TYPE = 'leegalityPollingTrigger';

describe('Leegality Polling Trigger', () => {
	const { sim, credentials } = useLeegality();
	beforeEach(() => {
		sim.documents.clear();
		sim.beforeListPage = undefined;
	});

	const params = (overrides: IDataObject = {}) => ({
		events: ['document.sent', 'document.completed'],
		q: '',
		...overrides,
	});
	const trigger = (overrides: IDataObject = {}) =>
		activeTrigger({ type: TYPE, parameters: params(overrides), credentials: credentials() });
	const summary = (t: PollingTrigger) =>
		t.emitted.map((e) => `${String(e.event)} ${String(e.name)} (${String(e.previousStatus)})`);
	const lists = () => sim.received('GET', '/v3.0/sign/request/list');
	const seedMany = (count: number, status: 'SENT' | 'COMPLETED' = 'SENT') =>
		Array.from({ length: count }, (_, n) => sim.seed({ name: `Doc ${n}`, status }));

	it('starts from now: documents that exist at activation start nothing; a completion starts one run', async () => {
		const sent = sim.seed({ name: 'Lease', irn: 'IRN-1' });
		sim.seed({ name: 'Done', status: 'COMPLETED' });
		const t = await trigger();
		expect(lists()[0].query).toEqual({ max: '40', offset: '0' });
		expect(lists()[0].headers['x-auth-token']).toBe(sim.authToken);
		expect(await t.poll()).toEqual([]);

		sim.completeDocument(sent.documentId);
		const runs = await t.poll();
		expect(runs).toHaveLength(1);
		expect(t.emitted[0]).toEqual({
			event: 'document.completed',
			documentId: sent.documentId,
			documentStatus: 'Completed',
			previousStatus: 'Sent',
			irn: 'IRN-1',
			name: 'Lease',
			document: {
				documentId: sent.documentId,
				name: 'Lease',
				irn: 'IRN-1',
				status: 'COMPLETED',
				createdOn: sent.createdOn,
			},
		});
		expect(await t.poll()).toEqual([]);
	});

	it('a document sent and completed between two polls starts two runs, sent first; only picked events count', async () => {
		const t = await trigger();
		const fast = sim.seed({ name: 'Fast', status: 'COMPLETED' });
		sim.seed({ name: 'Slow' });
		sim.seed({ name: 'Draft', status: 'DRAFT' });
		await t.poll();
		expect(summary(t)).toEqual([
			'document.sent Fast (null)',
			'document.completed Fast (null)',
			'document.sent Slow (null)',
		]);
		expect(t.emitted[1].documentId).toBe(fast.documentId);

		const onlyCompleted = await trigger({ events: ['document.completed'] });
		sim.completeDocument([...sim.documents.values()].find((d) => d.name === 'Slow')!.documentId);
		await onlyCompleted.poll();
		expect(summary(onlyCompleted)).toEqual(['document.completed Slow (Sent)']);
	});

	it('watches only what Search finds, with Leegality’s own search', async () => {
		const watched = sim.seed({ name: 'Watched', irn: 'PO-7' });
		sim.seed({ name: 'Other', irn: 'PO-8' });
		const t = await trigger({ q: 'po-7' });
		for (const doc of sim.documents.values()) sim.completeDocument(doc.documentId);
		await t.poll();

		expect(summary(t)).toEqual(['document.completed Watched (Sent)']);
		expect(t.emitted[0].documentId).toBe(watched.documentId);
		expect(lists().every((r) => r.query.q === 'po-7')).toBe(true);
	});

	it('a long list is read 5 pages per poll, carrying on where the last poll stopped; a change anywhere is found within a reading', async () => {
		const docs = seedMany(450);
		const t = await trigger();
		// The first reading (450 documents: 12 pages) takes three polls and reports nothing.
		expect(await t.poll()).toEqual([]);
		expect(await t.poll()).toEqual([]);
		const perPoll: number[] = [];
		sim.completeDocument(docs[3].documentId);
		sim.completeDocument(docs[430].documentId);
		for (let poll = 0; poll < 3; poll++) {
			const before = lists().length;
			await t.poll();
			perPoll.push(lists().length - before);
		}

		expect(Math.max(...perPoll)).toBe(MAX_PAGES);
		expect(summary(t)).toEqual([
			'document.completed Doc 3 (Sent)',
			'document.completed Doc 430 (Sent)',
		]);
		expect(lists().every((r) => r.query.max === '40')).toBe(true);
	});

	it('a page that shifts while the list is read delays a change to the next reading, and reports it once', async () => {
		const docs = seedMany(60);
		const t = await trigger();
		sim.completeDocument(docs[40].documentId);
		// While page 2 is read, the first document is deleted: Doc 40 moves to page 1, read already.
		sim.beforeListPage = (req) => {
			if (req.query.offset === '40') sim.documents.delete(docs[0].documentId);
		};
		await t.poll();
		sim.beforeListPage = undefined;
		expect(t.runs).toHaveLength(0);
		await t.poll();
		await t.poll();

		expect(summary(t)).toEqual(['document.completed Doc 40 (Sent)']);
	});

	it('what it remembers survives a restart: nothing reported twice, nothing lost', async () => {
		const [a, b] = seedMany(2);
		const t = await trigger();
		sim.completeDocument(a.documentId);
		await t.poll();
		t.restart();
		sim.completeDocument(b.documentId);
		await t.activate();
		await t.poll();

		expect(summary(t)).toEqual([
			'document.completed Doc 0 (Sent)',
			'document.completed Doc 1 (Sent)',
		]);
	});

	it('a failure Leegality reports with HTTP 200 fails the poll in its words; the next poll loses nothing', async () => {
		const [doc] = seedMany(1);
		const t = await trigger();
		sim.completeDocument(doc.documentId);
		sim.inject({
			kind: 'status',
			status: 200,
			body: {
				status: 0,
				data: {},
				messages: [{ code: 'auth.token.invalid', message: 'Invalid auth token' }],
			},
		});
		expect((await t.failedPoll()).message).toBe(
			'Leegality [auth.token.invalid]: Invalid auth token',
		);
		await t.poll();
		expect(summary(t)).toEqual(['document.completed Doc 0 (Sent)']);
	});

	it('a list entry without its ID or status fails the poll naming what is missing', async () => {
		const t = await trigger();
		sim.inject({
			kind: 'status',
			status: 200,
			body: { status: 1, data: { documents: [{ name: 'No ID' }] }, messages: [] },
		});
		expect((await t.failedPoll()).message).toMatch(
			/^Leegality \[incomplete_answer\]: .*0\.documentId is missing; 0\.status is missing/,
		);
	});

	it('Fetch Test Event (manual run) shows a document in the status of a picked event', async () => {
		sim.seed({ name: 'Open' });
		sim.seed({ name: 'Signed', status: 'COMPLETED' });
		const { items, error } = await runNode({
			type: TYPE,
			parameters: params({ events: ['document.completed'] }),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.event, item.json.name])).toEqual([
			['document.completed', 'Signed'],
		]);
	});

	it('checks its parameters before any request', async () => {
		expect(
			await firstPollError({
				type: TYPE,
				parameters: params({ events: '={{ [] }}' }),
				credentials: credentials(),
			}),
		).toBe('Events: [] is not allowed. Pick at least one event.');
		expect(sim.requests).toHaveLength(0);
	});
});
