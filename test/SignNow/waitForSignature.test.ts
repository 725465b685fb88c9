import type { INode, INodeExecutionData } from 'n8n-workflow';

import { PACKAGE_NAME } from '../harness/package';
import { plainRequest } from '../harness/tls';
import { startWaitingRun } from '../harness/waiting';
import { useSignNow } from './setup';

// The package's own token functions, as built: a wake-up URL of a wait that ended long ago.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { wakeUpKey, wakeUpUrl } =
	require('../../dist/nodes/shared/wait/wakeUp') as typeof import('../../nodes/shared/wait/wakeUp');

const SUBSCRIPTIONS = '/v2/event-subscriptions';

describe('signNow → Document → Wait for Signature', () => {
	const { sim, credentials, run } = useSignNow();

	const waitNode = (parameters: Record<string, unknown> = {}): INode => ({
		id: 'wait-node',
		name: 'Wait for Signature',
		type: `${PACKAGE_NAME}.signNow`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			resource: 'document',
			operation: 'waitForSignature',
			documentId: '={{ $json.documentId }}',
			...parameters,
		},
		credentials: { signNowApi: { id: 'cred-signNowApi', name: 'signNow' } },
	});
	const start = (input: INodeExecutionData[], parameters: Record<string, unknown> = {}) =>
		startWaitingRun(
			{ nodes: [waitNode(parameters)], connections: {} },
			{ store: credentials(), input },
		);
	const itemFor = (documentId: string, more: Record<string, unknown> = {}) => ({
		json: { documentId, ...more },
	});
	const documentReads = () => sim.received('GET', '/document/:id');

	it('goes on at once when the document is signed already, subscribing to nothing', async () => {
		const doc = sim.seedSent();
		await sim.signAll(doc.id);
		const { items, error } = await run({
			resource: 'document',
			operation: 'waitForSignature',
			documentId: doc.id,
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			signing_status: 'completed',
			vendor_status: 'completed',
			request_id: doc.id,
			signers: [
				{ email: 'signer1@example.com', status: 'fulfilled', role: 'Signer 1' },
				{ email: 'signer2@example.com', status: 'fulfilled', role: 'Signer 2' },
			],
			finished_at: new Date(doc.updated * 1000).toISOString(),
		});
		expect(sim.received('POST', '/api/v2/events')).toHaveLength(0);
	});

	it('waits on a subscription per final event, refuses forged, foreign and early calls, and goes on once when signNow reports the document complete', async () => {
		const doc = sim.seedSent();
		const input = itemFor(doc.id, { order: 'PO-7' });
		const waiting = await start([input], { downloadSignedFile: true });
		expect(waiting.status).toBe('waiting');
		expect(waiting.waitTill!.getTime() - Date.now()).toBeGreaterThan(86_300_000);

		// One subscription per final event, calling this execution's resume URL, signed with a
		// secret of this wait (not a credential secret).
		const own = [...sim.subscriptions.values()];
		expect(own.map((s) => [s.event, s.entity_id])).toEqual([
			['document.complete', doc.id],
			['document.fieldinvite.decline', doc.id],
		]);
		const callback = new URL(String(own[0].json_attributes.callback_url));
		const resume = new URL(waiting.resumeUrl);
		expect(callback.origin + callback.pathname).toBe(resume.origin + resume.pathname);
		expect(callback.searchParams.get('signature')).toBe(resume.searchParams.get('signature'));
		expect(callback.searchParams.get('document')).toBe(doc.id);
		expect(Number(callback.searchParams.get('until'))).toBe(
			Math.floor(waiting.waitTill!.getTime() / 1000),
		);
		expect(callback.searchParams.get('esign')).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const secret = own[0].json_attributes.secret_key as string;
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(Object.values(sim.credential())).not.toContain(secret);
		expect(sim.subscriptionsCalling(callback.toString())).toHaveLength(1);

		sim.clearLog();
		const early = sim.callback(own[0].id, { document_id: doc.id });
		// The resume URL without the package's token (as anyone could guess it on n8n 1.x).
		const bare = await plainRequest(waiting.resumeUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...early.headers },
			body: early.body,
		});
		expect(bare.status).toBe(401);
		// The right URL with a signature made with another secret.
		const forged = await plainRequest(callback.toString(), {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'X-SignNow-Signature': 'AAAA' },
			body: early.body,
		});
		expect(forged.status).toBe(401);
		// A call about another document, signed correctly.
		const other = sim.callback(own[0].id, { document_id: 'f'.repeat(40) });
		const foreign = await plainRequest(callback.toString(), {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...other.headers },
			body: other.body,
		});
		expect(foreign.status).toBe(200);
		expect(JSON.parse(foreign.body)).toMatchObject({ outcome: 'ignored' });
		expect(documentReads()).toHaveLength(0);

		// A genuine call before every signer has signed: the node reads, and keeps waiting.
		sim.sign(doc.id, doc.field_invites[0].id);
		const tooEarly = await plainRequest(callback.toString(), {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...early.headers },
			body: early.body,
		});
		expect(JSON.parse(tooEarly.body)).toMatchObject({ outcome: 'waiting' });
		expect(documentReads()).toHaveLength(1);
		expect(waiting.status).toBe('waiting');
		expect(waiting.calls.every((c) => !c.resumed && !c.threw)).toBe(true);

		// The last signer signs: signNow calls back, and the execution goes on.
		const [answer] = await sim.signAll(doc.id);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toMatchObject({ outcome: 'resumed' });
		const { outputs, error } = await waiting.finished;
		expect(error).toBeUndefined();
		const [item] = outputs['Wait for Signature'];
		expect(item.json).toMatchObject({
			signing_status: 'completed',
			request_id: doc.id,
			file_name: `${doc.id}-signed.pdf`,
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary?.data.mimeType).toBe('application/pdf');
		expect(sim.subscriptions.size).toBe(0);

		// The same callback again, after the execution went on: n8n answers 409, nothing changes.
		const repeat = await plainRequest(callback.toString(), {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...early.headers },
			body: early.body,
		});
		expect(repeat.status).toBe(409);
		expect(waiting.calls.filter((c) => c.resumed)).toHaveLength(1);
		expect(waiting.stops).toHaveLength(2);
	});

	it('ends as declined when a signer declines', async () => {
		const doc = sim.seedSent();
		const waiting = await start([itemFor(doc.id)]);
		expect(waiting.status).toBe('waiting');
		const [answer] = await sim.decline(doc.id);
		expect(JSON.parse(answer.body)).toMatchObject({ outcome: 'resumed' });
		const { outputs } = await waiting.finished;
		expect(outputs['Wait for Signature'][0].json).toMatchObject({
			signing_status: 'declined',
			vendor_status: 'declined',
		});
		expect(outputs['Wait for Signature'][0].binary).toBeUndefined();
	});

	it('goes on once when two documents finish together and both callbacks arrive at the same moment', async () => {
		const first = sim.seedSent({ roleNames: ['Signer 1'] });
		const second = sim.seedSent({ roleNames: ['Signer 1'] });
		const waiting = await start([itemFor(first.id), itemFor(second.id)]);
		expect(sim.subscriptions.size).toBe(4);
		for (const doc of [first, second]) sim.sign(doc.id, doc.field_invites[0].id);
		const answers = (
			await Promise.all([
				sim.notify('document.complete', first.id),
				sim.notify('document.complete', second.id),
			])
		).flat();
		expect(answers.map((a) => a.status)).toEqual([200, 200]);
		const { outputs } = await waiting.finished;
		expect(outputs['Wait for Signature'].map((i) => i.json.signing_status)).toEqual([
			'completed',
			'completed',
		]);
		expect(waiting.calls.filter((c) => c.resumed)).toHaveLength(1);
		expect(sim.subscriptions.size).toBe(0);
	});

	it('lets the items go on as they came in when the limit passes; the next wait removes what the ended one left', async () => {
		const doc = sim.seedSent();
		const input = itemFor(doc.id, { order: 'PO-9' });
		const waiting = await start([input], { resumeAmount: 1, resumeUnit: 'minutes' });
		const { outputs } = await waiting.expire();
		expect(outputs['Wait for Signature']).toEqual([{ json: input.json, pairedItem: { item: 0 } }]);
		// n8n could not run the node: its subscriptions stay until a later wait of this credential
		// finds their limit more than ten minutes past.
		const left = [...sim.subscriptions.keys()];
		expect(left).toHaveLength(2);
		const now = Math.floor(Date.now() / 1000);
		const ended = (executionId: string, until: number) =>
			sim.seedSubscription({
				event: 'document.complete',
				entityId: doc.id,
				callbackUrl: wakeUpUrl(
					`https://n8n.example.com/webhook-waiting/${executionId}`,
					['document', 'until'],
					{ document: doc.id, until: String(until) },
					wakeUpKey(sim.credential(), ['clientSecret'])!,
					executionId,
				),
			});
		const longAgo = ended('77', now - 700);
		const justNow = ended('78', now - 60);
		const foreign = sim.seedSubscription({
			event: 'document.complete',
			entityId: doc.id,
			callbackUrl: 'https://other.example.com/webhook-waiting/79?until=1',
		});
		const next = await start([itemFor(sim.seedSent().id)]);
		expect(next.status).toBe('waiting');
		expect(sim.subscriptions.has(longAgo.id)).toBe(false);
		for (const id of [justNow.id, foreign.id, ...left])
			expect(sim.subscriptions.has(id)).toBe(true);
	});

	it('checks the document and the limit before any request', async () => {
		const badId = await run({
			resource: 'document',
			operation: 'waitForSignature',
			documentId: '={{ "abc/def" }}',
		});
		expect(badId.error?.message).toBe(
			'Document ID: "abc/def" is not allowed. The document ID must not contain "/", "?", "#" or spaces.',
		);
		const noLimit = await run({
			resource: 'document',
			operation: 'waitForSignature',
			documentId: sim.seedSent().id,
			resumeAmount: 0,
		});
		expect(noLimit.error?.message).toBe('Amount: 0 is not allowed. Must be more than 0.');
		expect(sim.requests.filter((r) => r.path !== '/oauth2/token')).toHaveLength(0);
		expect(sim.received('GET', SUBSCRIPTIONS)).toHaveLength(0);
	});
});
