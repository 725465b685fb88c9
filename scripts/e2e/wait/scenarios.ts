/**
 * The scenarios of `npm run e2e:wait`, each on one lane (an n8n alone, or main and a worker in
 * queue mode). The simulators play the vendor and the signer: they call the URL the node gave
 * them, and every check waits for what it asserts (an execution's status, a simulator's log).
 */
import type { SignatureApiSimulator } from '../../../test/simulators/signatureapi';
import type { SignNowSimulator } from '../../../test/simulators/signnow';
import type { UmbrellaSimulator } from '../../../test/simulators/umbrella';
import { plainRequest } from '../../../test/harness/tls';
import { Checks } from '../lib/checks';
import type { HttpsN8n } from '../lib/https-n8n';
import type { N8nWorker } from '../lib/n8n-worker';
import type { Line, Workflow } from '../lib/types';
import { executionReaches, startWaitingExecution } from '../lib/waiting';
import { webhookPathUrl } from '../queue/workflows';
import { LAST_NODE, NEXT, WAIT_NODE, type WaitCase } from './workflows';

export interface WaitSims {
	signNow: SignNowSimulator;
	signatureApi: SignatureApiSimulator;
	umbrella: UmbrellaSimulator;
}

export interface Lane {
	line: Line;
	mode: 'one n8n' | 'queue';
	front: HttpsN8n;
	sims: WaitSims;
	workflows: Record<WaitCase, Workflow>;
	ids: Record<WaitCase, string>;
	worker?: N8nWorker;
}

export interface Row {
	line: string;
	mode: string;
	scenario: string;
	ok: boolean;
	seen: string;
}

/** Starts `which` through its Webhook and waits until the new execution waits; its ID. */
async function startWait(lane: Lane, which: WaitCase, body: unknown): Promise<string> {
	const url = webhookPathUrl(lane.front.server, lane.workflows[which], 'Webhook');
	return await startWaitingExecution(lane.front.server, lane.ids[which], url, body);
}

/** Waits until execution `executionId` of `which` has `status`. */
async function reaches(
	lane: Lane,
	which: WaitCase,
	executionId: string,
	status: string,
	checks: Checks,
): Promise<void> {
	await checks.waited(executionReaches(lane.front.server, lane.ids[which], executionId, status));
}

/** The items a node put out in an execution, with their binary fields. */
async function itemsOf(lane: Lane, executionId: string, node: string) {
	const run = (await lane.front.server.executionRun(executionId)) as unknown as {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main?: Array<Array<{ json: Record<string, any>; binary?: object }>> } }>
			>;
		};
	};
	const runs = run.resultData.runData[node] ?? [];
	return runs[runs.length - 1]?.data?.main?.[0] ?? [];
}

/** The outcome the wait gave, and whether the workflow went on past it. */
async function checkOutcome(
	lane: Lane,
	executionId: string,
	checks: Checks,
	expected: { status: string; file: boolean },
): Promise<string> {
	const [item] = await itemsOf(lane, executionId, WAIT_NODE);
	checks.expect(
		item?.json.signing_status === expected.status,
		`the wait put out signing_status ${JSON.stringify(item?.json.signing_status)}, expected ${expected.status}`,
	);
	checks.expect(
		Boolean(item?.binary) === expected.file,
		`the wait's item ${item?.binary ? 'has' : 'has no'} signed file`,
	);
	const after = await itemsOf(lane, executionId, LAST_NODE);
	checks.expect(after.length === 1, `"${LAST_NODE}" got ${after.length} items`);
	if (lane.worker) {
		checks.expect(
			lane.worker.executionIds.has(executionId),
			`the worker did not run execution ${executionId} (it ran ${[...lane.worker.executionIds].join(', ')})`,
		);
	}
	return `${item?.json.signing_status}${item?.binary ? ' + file' : ''}`;
}

/** The signNow subscriptions calling execution `executionId` of this lane's n8n. */
function subscriptionsOf(lane: Lane, executionId: string) {
	const prefix = `${lane.front.proxy.url}/webhook-waiting/${executionId}?`;
	return [...lane.sims.signNow.subscriptions.values()].filter((s) =>
		String(s.json_attributes.callback_url).startsWith(prefix),
	);
}

const post = (url: string, body: string, headers: Record<string, string>) =>
	plainRequest(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});

/**
 * signNow: the resume URL without the package's token, a wrong signature and a call about another
 * document are refused unread; a genuine call before the last signature keeps it waiting; the
 * last signature's callback ends it, with the signed PDF; the wait's subscriptions are gone; a
 * repeat is answered 409.
 */
export async function signNowCallbacks(
	lane: Lane,
	full: boolean,
): Promise<Omit<Row, 'line' | 'mode'>> {
	const checks = new Checks();
	const sim = lane.sims.signNow;
	const doc = sim.seedSent();
	const id = await startWait(lane, 'signNow', { documentId: doc.id });
	const own = () => subscriptionsOf(lane, id);
	checks.expect(own().length === 2, `${own().length} subscriptions call the wait, expected 2`);
	const [subscription] = own();
	const callbackUrl = String(subscription.json_attributes.callback_url);
	checks.expect(
		callbackUrl.startsWith(`${lane.front.proxy.url}/webhook-waiting/${id}?`),
		`the callback URL ${callbackUrl} is not the execution's https resume URL`,
	);
	const reads = () =>
		sim.received('GET', '/document/:id').filter((r) => r.path === `/document/${doc.id}`).length;
	const readsBefore = reads();
	const genuine = sim.callback(subscription.id, { document_id: doc.id });
	const seen: string[] = [];

	const bare = new URL(callbackUrl);
	for (const name of ['document', 'until', 'esign', 'claim']) bare.searchParams.delete(name);
	const noToken = await post(bare.href, genuine.body, genuine.headers);
	checks.expect(
		noToken.status === 401,
		`the resume URL without the token answered ${noToken.status}`,
	);
	const forged = await post(callbackUrl, genuine.body, { 'X-SignNow-Signature': 'AAAA' });
	checks.expect(forged.status === 401, `a wrong signature was answered ${forged.status}`);
	seen.push(`no token ${noToken.status}, wrong signature ${forged.status}`);
	if (full) {
		const other = sim.callback(subscription.id, { document_id: 'f'.repeat(40) });
		const foreign = await post(callbackUrl, other.body, other.headers);
		checks.expect(
			foreign.status === 200 && foreign.body.includes('"ignored"'),
			`a call about another document was answered ${foreign.status} ${foreign.body}`,
		);
		checks.expect(
			reads() === readsBefore,
			`refused calls read the document ${reads() - readsBefore} times`,
		);
		sim.sign(doc.id, doc.field_invites[0].id);
		const early = await post(callbackUrl, genuine.body, genuine.headers);
		checks.expect(
			early.body.includes('"waiting"'),
			`an early genuine call was answered ${early.body}`,
		);
		checks.expect(reads() === readsBefore + 1, 'the early call did not read the document once');
		seen.push(`other document ${foreign.status}, early call ${early.status} still waiting`);
	}
	checks.expect(
		(await lane.front.server.executions(lane.ids.signNow)).find((e) => e.id === id)?.status ===
			'waiting',
		'the execution is no longer waiting after the refused calls',
	);
	const answers = await sim.signAll(doc.id);
	checks.expect(
		answers.length === 1 && answers[0].status === 200,
		`signNow's completion callback was answered ${answers.map((a) => a.status).join(', ')}`,
	);
	await reaches(lane, 'signNow', id, 'success', checks);
	seen.push(await checkOutcome(lane, id, checks, { status: 'completed', file: true }));
	checks.expect(own().length === 0, `${own().length} subscriptions of the ended wait are left`);
	const repeat = await post(callbackUrl, genuine.body, genuine.headers);
	checks.expect(repeat.status === 409, `a repeated callback was answered ${repeat.status}`);
	seen.push(`repeat ${repeat.status}`);
	return {
		scenario: 'signNow: forged, early, final, repeated callbacks',
		ok: checks.ok,
		seen: [...seen, ...checks.problems].join('; '),
	};
}

/**
 * SignatureAPI: the ceremony's redirect is the https resume URL; a tampered next page is refused;
 * the signer's return ends the wait with the signed PDF and sends them on; a reload is 409.
 */
export async function signatureApiReturn(lane: Lane): Promise<Omit<Row, 'line' | 'mode'>> {
	const checks = new Checks();
	const sim = lane.sims.signatureApi;
	const { envelope, recipient } = sim.seedEnvelope({}, { delivery_type: 'none' });
	const id = await startWait(lane, 'signatureApi', {
		envelopeId: envelope.id,
		recipientId: recipient.id,
	});
	const redirect = String(recipient.ceremony?.redirect_url);
	checks.expect(
		redirect.startsWith(`${lane.front.proxy.url}/webhook-waiting/${id}?`),
		`the ceremony's redirect_url ${redirect} is not the execution's https resume URL`,
	);
	const back = sim.finishCeremony(recipient.id);
	const tampered = new URL(back);
	tampered.searchParams.set('next', 'https://attacker.example.com/');
	const refused = await plainRequest(tampered.href);
	checks.expect(refused.status === 401, `a tampered next page was answered ${refused.status}`);
	const returned = await plainRequest(back);
	checks.expect(
		returned.status === 302 && returned.headers.location === NEXT,
		`the signer's return was answered ${returned.status} → ${returned.headers.location}`,
	);
	await reaches(lane, 'signatureApi', id, 'success', checks);
	const outcome = await checkOutcome(lane, id, checks, { status: 'completed', file: true });
	const reload = await plainRequest(back);
	checks.expect(reload.status === 409, `a reload was answered ${reload.status}`);
	return {
		scenario: 'SignatureAPI: the signer comes back from the ceremony',
		ok: checks.ok,
		seen: [
			`tampered ${refused.status}, return ${returned.status} to next`,
			outcome,
			`reload ${reload.status}`,
			...checks.problems,
		].join('; '),
	};
}

/** Umbrella: the session's redirectUrl is the resume URL; the signer's return ends the wait. */
export async function umbrellaReturn(lane: Lane): Promise<Omit<Row, 'line' | 'mode'>> {
	const checks = new Checks();
	const sim = lane.sims.umbrella;
	const known = new Set(sim.sessions.keys());
	const id = await startWait(lane, 'umbrella', {});
	const session = [...sim.sessions.values()].find((s) => !known.has(s.requestId))!;
	const returned = await plainRequest(sim.finishSession(session.requestId));
	checks.expect(
		returned.status === 302 && returned.headers.location === NEXT,
		`the signer's return was answered ${returned.status} → ${returned.headers.location}`,
	);
	await reaches(lane, 'umbrella', id, 'success', checks);
	const outcome = await checkOutcome(lane, id, checks, { status: 'completed', file: true });
	return {
		scenario: 'Umbrella: the signer comes back from the session',
		ok: checks.ok,
		seen: [`return ${returned.status} to next`, outcome, ...checks.problems].join('; '),
	};
}

/** A wait whose limit is about to pass; `check` waits for n8n to go on without running the node. */
export async function startLimitedWait(lane: Lane) {
	const checks = new Checks();
	const doc = lane.sims.signNow.seedSent();
	const input = { documentId: doc.id, order: 'PO-9' };
	const id = await startWait(lane, 'signNowLimit', input);
	const startedAt = Date.now();
	return {
		async check(): Promise<Omit<Row, 'line' | 'mode'>> {
			await reaches(lane, 'signNowLimit', id, 'success', checks);
			const [item] = await itemsOf(lane, id, WAIT_NODE);
			checks.expect(
				item !== undefined &&
					item.json.signing_status === undefined &&
					item.json.body?.order === 'PO-9',
				`the wait put out ${JSON.stringify(item?.json).slice(0, 200)}, expected its input without signing_status`,
			);
			const left = subscriptionsOf(lane, id).length;
			checks.expect(left === 2, `${left} subscriptions of the timed-out wait are left, expected 2`);
			return {
				scenario: 'the wait limit passes (3 s)',
				ok: checks.ok,
				seen: [
					`went on after ${Math.round((Date.now() - startedAt) / 1000)} s without signing_status; ${left} subscriptions left for the next wait to remove`,
					...checks.problems,
				].join('; '),
			};
		},
	};
}

/** A wait started before n8n restarts ends when the signer signs after the restart. */
export async function startWaitAcrossRestart(lane: Lane) {
	const checks = new Checks();
	const doc = lane.sims.signNow.seedSent({ roleNames: ['Signer 1'] });
	const id = await startWait(lane, 'signNow', { documentId: doc.id });
	return {
		async check(): Promise<Omit<Row, 'line' | 'mode'>> {
			const answers = await lane.sims.signNow.signAll(doc.id);
			checks.expect(
				answers[0]?.status === 200,
				`the callback after the restart was answered ${answers[0]?.status}`,
			);
			await reaches(lane, 'signNow', id, 'success', checks);
			const outcome = await checkOutcome(lane, id, checks, { status: 'completed', file: true });
			return {
				scenario: 'n8n restarts during a wait',
				ok: checks.ok,
				seen: [outcome, ...checks.problems].join('; '),
			};
		},
	};
}
