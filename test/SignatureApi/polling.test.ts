import type { IDataObject } from 'n8n-workflow';

import { LOOKBACK_MS, MAX_PAGES } from '../../nodes/SignatureApi/trigger/polling';
import { activeTrigger, firstPollError } from '../harness/poll';
import { runNode } from '../harness/run';
import type { SimEvent } from '../simulators/signatureapi';
import { useSignatureApi } from './setup';

const TYPE = 'signatureApiPollingTrigger';
const T0 = Date.parse('2026-12-01T10:00:00.000Z');
/** An ISO timestamp `seconds` after T0. */
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/** An event as the list and the webhooks give it: without the simulator's bookkeeping. */
const listed = ({ seq: _seq, mode: _mode, ...event }: SimEvent) => event;

describe('SignatureAPI Polling Trigger', () => {
	const { sim, credentials } = useSignatureApi();

	const params = (overrides: IDataObject = {}) => ({
		events: ['recipient.completed', 'envelope.completed', 'deliverable.generated'],
		filters: {},
		...overrides,
	});
	const trigger = (overrides: IDataObject = {}) =>
		activeTrigger({ type: TYPE, parameters: params(overrides), credentials: credentials() });

	const envelopeEvent = (type: string, seconds: number, metadata: IDataObject = {}) =>
		sim.addEvent(
			type,
			{
				envelope_id: 'env_1',
				envelope_metadata: metadata,
				object_id: 'env_1',
				object_type: 'envelope',
			},
			{ timestamp: at(seconds) },
		);

	beforeEach(() => {
		sim.events.length = 0;
		sim.beforeEventsPage = undefined;
	});

	it('starts from now: what the list holds at activation starts nothing, a new event starts one run shaped as the webhook delivers it', async () => {
		envelopeEvent('envelope.completed', 1);
		envelopeEvent('envelope.completed', 2);
		const t = await trigger();

		const first = sim.received('GET', '/events');
		expect(first).toHaveLength(1);
		expect(first[0].headers['x-api-key']).toBe(sim.testKey);
		expect(first[0].query).toEqual({ limit: '20' });
		expect(await t.poll()).toEqual([]);

		const { envelope } = sim.seedEnvelope({ metadata: { order: '1042' } });
		const events = sim.completeWithEvents(envelope.id, at(3));
		const runs = await t.poll();

		expect(runs).toHaveLength(3);
		expect(runs.map((run) => run.length)).toEqual([1, 1, 1]);
		expect(t.emitted).toEqual(events.map(listed));
		expect(t.emitted[2]).toMatchObject({
			type: 'deliverable.generated',
			data: {
				envelope_id: envelope.id,
				envelope_metadata: { order: '1042' },
				object_type: 'deliverable',
			},
		});
		expect(await t.poll()).toEqual([]);
	});

	it('reports only the picked events, and with one picked asks SignatureAPI for that type alone', async () => {
		const t = await trigger({ events: ['deliverable.generated'] });
		const { envelope } = sim.seedEnvelope();
		const events = sim.completeWithEvents(envelope.id, at(5));
		await t.poll();

		expect(t.emitted).toEqual([listed(events[2])]);
		expect(
			sim.received('GET', '/events').every((r) => r.query.type === 'deliverable.generated'),
		).toBe(true);
	});

	it('filters on envelope metadata: every pair must match exactly', async () => {
		const t = await trigger({
			filters: {
				metadata: {
					pair: [
						{ key: 'order', value: '7' },
						{ key: 'team', value: 'sales' },
					],
				},
			},
		});
		envelopeEvent('envelope.completed', 1, { order: '7', team: 'sales' });
		envelopeEvent('envelope.completed', 2, { order: '7' });
		envelopeEvent('envelope.completed', 3, { order: '8', team: 'sales' });
		await t.poll();

		expect(t.emitted.map((e) => e.timestamp)).toEqual([at(1)]);
	});

	it('an event sharing its timestamp with the last one handled is reported once, however often polled', async () => {
		envelopeEvent('envelope.completed', 10);
		const t = await trigger();
		// Same second as the one seen at activation, listed later.
		const late = envelopeEvent('envelope.completed', 10);
		const runs = await t.poll();
		expect(runs.map((run) => run[0].json.id)).toEqual([late.id]);

		const same = [
			envelopeEvent('envelope.completed', 11),
			envelopeEvent('recipient.completed', 11),
		];
		await t.poll();
		const tie = envelopeEvent('deliverable.generated', 11);
		await t.poll();
		await t.poll();
		expect(t.emitted.map((e) => e.id)).toEqual([late.id, ...same.map((e) => e.id), tie.id]);
	});

	it('30 events of one timestamp, across a page boundary, each start one run, in the order recorded', async () => {
		const t = await trigger();
		const events = Array.from({ length: 30 }, () => envelopeEvent('envelope.completed', 20));
		await t.poll();
		await t.poll();

		// In the order SignatureAPI recorded them.
		expect(t.emitted.map((e) => e.id)).toEqual(events.map((e) => e.id));
	});

	it('an event listed late, older than the newest one handled (within the look-back), is still reported once', async () => {
		const t = await trigger();
		envelopeEvent('envelope.completed', 100);
		await t.poll();
		const late = envelopeEvent('recipient.completed', 100 - LOOKBACK_MS / 1000 / 2);
		await t.poll();
		await t.poll();

		expect(t.emitted.map((e) => e.timestamp)).toEqual([at(100), late.timestamp]);
	});

	it('events arriving while a poll reads its later pages are reported by the next poll, each once', async () => {
		const t = await trigger();
		const before = Array.from({ length: 45 }, (_, i) =>
			envelopeEvent('envelope.completed', 30 + i),
		);
		const during: SimEvent[] = [];
		sim.beforeEventsPage = (req) => {
			if (req.query.cursor) during.push(envelopeEvent('recipient.completed', 80 + during.length));
		};
		await t.poll();
		sim.beforeEventsPage = undefined;
		expect(during.length).toBeGreaterThan(0);
		expect(t.emitted.map((e) => e.id)).toEqual(before.map((e) => e.id));

		await t.poll();
		expect(t.emitted.map((e) => e.id)).toEqual([...before, ...during].map((e) => e.id));
	});

	it('after a long pause: every event since, oldest first, at most 5 pages per poll, the rest in the next polls', async () => {
		envelopeEvent('envelope.completed', 0);
		const t = await trigger();
		const backlog = Array.from({ length: 170 }, (_, i) =>
			envelopeEvent('envelope.completed', 1 + i),
		);
		const pages: number[] = [];
		for (let poll = 0; poll < 10; poll++) {
			// A poll's requests stay within the key's limit; polls are minutes apart.
			sim.resetRate();
			const before = sim.received('GET', '/events').length;
			await t.poll();
			pages.push(sim.received('GET', '/events').length - before);
		}

		expect(Math.max(...pages)).toBe(MAX_PAGES);
		expect(t.emitted.map((e) => e.id)).toEqual(backlog.map((e) => e.id));
		expect(sim.throttled).toHaveLength(0);
	});

	it('a page link SignatureAPI refuses in the middle of a catch-up fails that poll; the next walks again and loses nothing', async () => {
		envelopeEvent('envelope.completed', 0);
		const t = await trigger();
		const backlog = Array.from({ length: 130 }, (_, i) =>
			envelopeEvent('envelope.completed', 1 + i),
		);
		sim.resetRate();
		await t.poll();
		// The walk goes on at a page link that SignatureAPI refuses from now on.
		const stale = new URL(String((t.staticData.walk as IDataObject).next)).searchParams.get(
			'cursor',
		);
		sim.inject(
			{
				kind: 'status',
				status: 422,
				body: {
					type: 'https://signatureapi.com/docs/v1/errors/validation-error',
					title: 'Validation Error',
					status: 422,
					errors: ['cursor is invalid'],
				},
			},
			50,
			(req) => req.query.cursor === stale,
		);
		expect((await t.failedPoll()).message).toBe(
			'SignatureAPI [validation-error]: Validation Error',
		);
		// A new event moves every page boundary, so a new walk meets other page links.
		const late = envelopeEvent('envelope.completed', 200);
		for (let poll = 0; poll < 6; poll++) {
			sim.resetRate();
			await t.poll();
		}
		expect(t.emitted.map((e) => e.id)).toEqual([...backlog, late].map((e) => e.id));
	});

	it('the cursor survives a restart: nothing reported twice, nothing lost, also after polls that reported nothing', async () => {
		const t = await trigger();
		const first = envelopeEvent('envelope.completed', 1);
		await t.poll();
		// Polls that report nothing change only n8n's memory.
		await t.poll();
		envelopeEvent('envelope.created', 2);
		await t.poll();
		t.restart();
		const second = envelopeEvent('envelope.completed', 3);
		expect(await t.activate()).toHaveLength(1);
		await t.poll();

		expect(t.emitted.map((e) => e.id)).toEqual([first.id, second.id]);
	});

	it('a 429 fails the poll with SignatureAPI’s words and loses nothing; a short Retry-After is waited out', async () => {
		const t = await trigger();
		const event = envelopeEvent('envelope.completed', 1);
		const tooMany = {
			type: 'https://signatureapi.com/docs/v1/errors/too-many-requests',
			title: 'Too Many Requests',
			status: 429,
			detail: 'Rate limit exceeded.',
		};
		sim.inject({ kind: 'status', status: 429, body: tooMany, headers: { 'retry-after': '120' } });
		const error = await t.failedPoll();
		expect(error.message).toBe(
			'SignatureAPI [too-many-requests]: Too Many Requests: Rate limit exceeded.',
		);
		expect(t.runs).toHaveLength(0);

		sim.inject({ kind: 'status', status: 429, body: tooMany, headers: { 'retry-after': '1' } });
		await t.poll();
		expect(t.emitted.map((e) => e.id)).toEqual([event.id]);
		expect(sim.received('GET', '/events')).toHaveLength(4);
	});

	it('a vendor error fails the poll and the next one picks up from the same cursor', async () => {
		const t = await trigger();
		const event = envelopeEvent('envelope.completed', 1);
		sim.inject({
			kind: 'status',
			status: 401,
			body: {
				type: 'https://signatureapi.com/docs/v1/errors/invalid-api-key',
				title: 'Invalid API Key',
				status: 401,
			},
		});
		expect((await t.failedPoll()).message).toBe('SignatureAPI [invalid-api-key]: Invalid API Key');
		await t.poll();
		expect(t.emitted.map((e) => e.id)).toEqual([event.id]);
	});

	it('a poll that starts while another is still reading sends nothing and starts nothing', async () => {
		const t = await trigger();
		const event = envelopeEvent('envelope.completed', 1);
		sim.inject({ kind: 'slow', delayMs: 300 });
		const first = t.poll();
		await new Promise((resolve) => setTimeout(resolve, 50));
		const requests = sim.received('GET', '/events').length;
		expect(await t.poll()).toEqual([]);
		expect(sim.received('GET', '/events')).toHaveLength(requests);
		expect((await first).map((run) => run[0].json.id)).toEqual([event.id]);
		expect(t.staticData.pollUnderWay).toBeUndefined();
	});

	it('Fetch Test Event (manual run) shows the newest event the filters let through and moves no cursor', async () => {
		envelopeEvent('deliverable.generated', 1, { order: '1' });
		envelopeEvent('envelope.completed', 2, { order: '1' });
		envelopeEvent('deliverable.generated', 3, { order: '2' });
		const { items, error } = await runNode({
			type: TYPE,
			parameters: params({
				events: ['deliverable.generated'],
				filters: { metadata: { pair: [{ key: 'order', value: '1' }] } },
			}),
			credentials: credentials(),
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ type: 'deliverable.generated', timestamp: at(1) });

		const none = await runNode({
			type: TYPE,
			parameters: params({ events: ['envelope.canceled'] }),
			credentials: credentials(),
		});
		expect(none.error).toBeUndefined();
		expect(none.items).toHaveLength(0);
	});

	it('checks its filters before any request: no event picked, or a metadata key SignatureAPI would refuse', async () => {
		const refused = (parameters: IDataObject) =>
			firstPollError({ type: TYPE, parameters: params(parameters), credentials: credentials() });
		expect(await refused({ events: '={{ [] }}' })).toBe(
			'Events: [] is not allowed. Pick at least one event.',
		);
		expect(
			await refused({ filters: { metadata: { pair: [{ key: 'k'.repeat(33), value: 'v' }] } } }),
		).toMatch(
			/^Envelope Metadata → #1 → Key: "k{33}" is not allowed\. SignatureAPI metadata keys have at most 32 characters\.$/,
		);
		expect(sim.received()).toHaveLength(0);
	});
});
