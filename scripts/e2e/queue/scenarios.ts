/**
 * The queue-mode scenarios: each activates a workflow, sends its webhook calls, waits (bounded)
 * for the executions it expects to end and for the workers' logs to name them, then checks every
 * execution's items and what the simulators received. One row of the summary table each.
 */
import { randomBytes } from 'node:crypto';

import type { SignatureApiSimulator } from '../../../test/simulators/signatureapi';
import type { SignNowSimulator } from '../../../test/simulators/signnow';
import type { UmbrellaSimulator } from '../../../test/simulators/umbrella';
import { Checks } from '../lib/checks';
import { nodeItems } from '../lib/execute-result';
import type { N8n } from '../lib/n8n';
import type { N8nServer } from '../lib/n8n-server';
import type { N8nWorker } from '../lib/n8n-worker';
import type { Started } from '../lib/simulators';
import type { E2eCredential, ExecutionSummary, Line, Workflow, WorkflowNode } from '../lib/types';
import { signatureApiDelivery } from '../lib/webhooks';
import { webhookPathUrl } from './workflows';

export const WORKERS = 2;
/** Jobs a worker runs at once: 10 executions started together fill both workers. */
export const WORKER_CONCURRENCY = 5;
export const TOKEN_EXECUTIONS = 10;
export const TOKEN_ITEMS = 20;
const CEREMONY_EXECUTIONS = 4;
const CEREMONY_ITEMS = 50;
export const SIGNNOW_EVENTS = ['document.complete', 'document.update'];
/** How long no further execution may start after a delivery for the count to be final. */
const NO_MORE_EXECUTIONS_MS = 3000;
/** How long a trigger's subscriptions must stay as they are before they are counted. */
const SUBSCRIPTIONS_SETTLED_MS = 1500;

export type Sims = Started<{
	umbrella: UmbrellaSimulator;
	signNow: SignNowSimulator;
	signatureApi: SignatureApiSimulator;
}> & {
	webhookSecret: string;
	credentials: {
		umbrella: E2eCredential;
		signNow: E2eCredential;
		signatureApi: E2eCredential;
		signNowTrigger: E2eCredential;
	};
};

export interface Lane {
	line: Line;
	n8n: N8n;
	server: N8nServer;
	workers: N8nWorker[];
	sims: Sims;
	ids: Map<string, string>;
}

export interface Row {
	scenario: string;
	ok: boolean;
	calls: string;
	items: string;
	perWorker: string;
}

async function activateAndWait(
	lane: Lane,
	workflow: Workflow,
	url: string,
	checks: Checks,
): Promise<string> {
	const id = lane.ids.get(workflow.name)!;
	const activation = await lane.server.activate(id);
	checks.expect(
		activation.status === 200,
		`activating "${workflow.name}" answered ${activation.status}: ${activation.message}`,
	);
	await lane.server.waitForWebhook(url);
	return id;
}

/** Which worker ran each execution: waits until the workers' logs name every one of them. */
async function workerOf(
	lane: Lane,
	executions: ExecutionSummary[],
	checks: Checks,
): Promise<Map<string, string | undefined>> {
	const find = (id: string) => lane.workers.find((w) => w.executionIds.has(id))?.name;
	return await checks.until(() => new Map(executions.map((e) => [e.id, find(e.id)])), {
		what: `the workers' logs to name execution(s) ${executions.map((e) => e.id).join(', ')}`,
		until: (placed) => [...placed.values()].every(Boolean),
		show: (placed) =>
			[...placed].map(([id, worker]) => `${id}: ${worker ?? 'no worker'}`).join(', '),
		timeoutMs: 30_000,
	});
}

function perWorkerText(lane: Lane, placed: Map<string, string | undefined>): string {
	const counts = lane.workers.map(
		(w) => `${w.name}: ${[...placed.values()].filter((n) => n === w.name).length}`,
	);
	const nowhere = [...placed.values()].filter((n) => !n).length;
	return counts.join(', ') + (nowhere ? `, no worker: ${nowhere}` : '');
}

function report(lane: Lane, row: Row, checks: Checks) {
	console.log(
		`${row.ok ? '✓' : '✗'} [${lane.line.id}.x] ${row.scenario}: ${[row.calls, row.items, row.perWorker].filter(Boolean).join('; ')}`,
	);
	for (const problem of checks.problems) console.log(`    - ${problem}`);
}

export async function runExamples(
	lane: Lane,
	examples: Array<{ file: string; workflow: Workflow }>,
	prepare: (w: Workflow) => Promise<void>,
): Promise<Row[]> {
	const rows: Row[] = [];
	for (const { file, workflow } of examples) {
		const checks = new Checks();
		await prepare(workflow);
		const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook')!;
		const url = webhookPathUrl(lane.server, workflow, trigger.name);
		const id = await activateAndWait(lane, workflow, url, checks);
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		checks.expect(response.ok, `the webhook answered ${response.status}`);
		const executions = await checks.waited(
			lane.server.waitForExecutions(id, { count: 1, timeoutMs: 120_000 }),
		);
		const placed = await workerOf(lane, executions, checks);
		const last = workflow.nodes[workflow.nodes.length - 1].name;
		let out = 0;
		checks.expect(executions.length === 1, `${executions.length} executions, expected 1`);
		for (const execution of executions) {
			checks.expect(
				execution.status === 'success',
				`execution ${execution.id} ended ${execution.status}`,
			);
			checks.expect(
				execution.mode === 'webhook',
				`execution ${execution.id} ran in mode ${execution.mode}`,
			);
			const run = await lane.server.executionRun(execution.id);
			out = nodeItems(run, last).length;
			checks.expect(
				out > 0 && !run.resultData.error,
				`"${last}" produced ${out} items${run.resultData.error ? `; error: ${run.resultData.error.message}` : ''}`,
			);
		}
		await lane.server.deactivate(id);
		rows.push({
			scenario: `example ${file}`,
			ok: checks.ok,
			calls: '',
			items: `1 in, ${out} out of "${last}"`,
			perWorker: perWorkerText(lane, placed),
		});
		report(lane, rows[rows.length - 1], checks);
	}
	return rows;
}

/**
 * `executions` requests at once, each with `items` entries; waits for every execution and checks
 * each one's items in and out. Returns the per-execution figures and where each ran.
 */
async function burst(
	lane: Lane,
	workflow: Workflow,
	bodies: Array<{ items: unknown[] }>,
	checks: Checks,
	timeoutMs: number,
) {
	const id = lane.ids.get(workflow.name)!;
	const url = webhookPathUrl(lane.server, workflow);
	const known = new Set((await lane.server.executions(id)).map((e) => e.id));
	const started = Date.now();
	const answers = await Promise.all(
		bodies.map((body) =>
			fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			}),
		),
	);
	checks.expect(
		answers.every((a) => a.ok),
		`webhook answers: ${answers.map((a) => a.status).join(',')}`,
	);
	const all = await checks.waited(
		lane.server.waitForExecutions(id, { count: known.size + bodies.length, timeoutMs }),
	);
	const seconds = (Date.now() - started) / 1000;
	const executions = all.filter((e) => !known.has(e.id));
	checks.expect(
		executions.length === bodies.length,
		`${executions.length} executions, expected ${bodies.length}`,
	);
	const placed = await workerOf(lane, executions, checks);
	const figures: Array<{ in: number; out: number; failed: number }> = [];
	for (const execution of executions) {
		const run = await lane.server.executionRun(execution.id);
		const input = nodeItems(run, 'Items').length;
		const output = nodeItems(run, 'Action');
		const failed =
			output.filter((json) => json.error !== undefined).length + (run.resultData.error ? 1 : 0);
		figures.push({ in: input, out: output.length - failed, failed });
		checks.expect(
			execution.status === 'success',
			`execution ${execution.id} ended ${execution.status}${run.resultData.error ? `: ${run.resultData.error.message}` : ''}`,
		);
	}
	const expected = bodies[0].items.length;
	checks.expect(
		figures.every((f) => f.in === expected && f.out === expected && f.failed === 0),
		`items in/out/failed per execution: ${figures.map((f) => `${f.in}/${f.out}/${f.failed}`).join(' ')}`,
	);
	const shapes = new Set(figures.map((f) => `${f.in}→${f.out}`));
	const itemsText = `${figures.reduce((s, f) => s + f.out, 0)}/${bodies.length * expected} items out (per execution in→out: ${[...shapes].join(', ')}${figures.length > 1 && shapes.size === 1 ? ` ×${figures.length}` : ''})`;
	return {
		placed,
		seconds,
		itemsText,
		workers: new Set([...placed.values()].filter(Boolean)).size,
	};
}

export async function tokenSharing(
	lane: Lane,
	label: string,
	workflow: Workflow,
	itemFor: (i: number) => Record<string, unknown>,
	tokenCalls: () => number,
	expire: () => void,
): Promise<Row[]> {
	const rows: Row[] = [];
	const url = webhookPathUrl(lane.server, workflow);
	const probe = new Checks();
	await activateAndWait(lane, workflow, url, probe);
	const bodies = Array.from({ length: TOKEN_EXECUTIONS }, (_, e) => ({
		items: Array.from({ length: TOKEN_ITEMS }, (_, i) => itemFor(e * TOKEN_ITEMS + i)),
	}));
	for (const round of ['no token yet', 'token expired'] as const) {
		const checks = new Checks();
		checks.problems.push(...probe.problems.splice(0));
		if (round === 'token expired') expire();
		const callsBefore = tokenCalls();
		const result = await burst(lane, workflow, bodies, checks, 180_000);
		const calls = tokenCalls() - callsBefore;
		// n8n has no lock around a credential's token refresh: executions that start together may each
		// fetch one. The nodes keep no state, so the honest bound is one per execution started together.
		checks.expect(
			calls >= 1 && calls <= TOKEN_EXECUTIONS,
			`${calls} token requests, expected 1..${TOKEN_EXECUTIONS}`,
		);
		checks.expect(
			result.workers === WORKERS,
			`the executions ran on ${result.workers} worker(s), expected ${WORKERS}`,
		);
		const row = {
			scenario: `${label}, ${TOKEN_EXECUTIONS}×${TOKEN_ITEMS} at once, ${round}`,
			ok: checks.ok,
			calls: `${calls} token request(s) for ${TOKEN_EXECUTIONS} executions`,
			items: result.itemsText,
			perWorker: perWorkerText(lane, result.placed),
		};
		rows.push(row);
		report(lane, row, checks);
	}
	await lane.server.deactivate(lane.ids.get(workflow.name)!);
	return rows;
}

export async function ceremoniesUnderRateLimit(lane: Lane, workflow: Workflow): Promise<Row> {
	const { signatureApi } = lane.sims;
	const checks = new Checks();
	const url = webhookPathUrl(lane.server, workflow);
	await activateAndWait(lane, workflow, url, checks);
	const recipients = Array.from(
		{ length: CEREMONY_EXECUTIONS * CEREMONY_ITEMS },
		() => signatureApi.seedEnvelope().recipient.id,
	);
	signatureApi.resetRate();
	signatureApi.clearLog();
	const bodies = Array.from({ length: CEREMONY_EXECUTIONS }, (_, e) => ({
		items: recipients.slice(e * CEREMONY_ITEMS, (e + 1) * CEREMONY_ITEMS).map((id) => ({ id })),
	}));
	const result = await burst(lane, workflow, bodies, checks, 300_000);
	const posts = signatureApi.received('POST', '/recipients/:id/ceremonies');
	const throttled = signatureApi.throttled.length;
	const accepted = posts.length - throttled;
	const withCeremony = recipients.filter(
		(id) => (signatureApi.recipients.get(id)?.ceremonies.length ?? 0) > 0,
	).length;
	// The most requests the simulator let through in any one second (its bucket allows a burst of 10 on top of 10/s).
	const times = posts.filter((r) => !signatureApi.throttled.includes(r)).map((r) => r.at);
	const busiest = Math.max(
		0,
		...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length),
	);
	checks.expect(
		withCeremony === recipients.length,
		`${withCeremony} of ${recipients.length} recipients got a ceremony`,
	);
	checks.expect(
		accepted === recipients.length,
		`${accepted} ceremony requests were accepted, expected one per recipient (${recipients.length})`,
	);
	checks.expect(
		result.workers === WORKERS,
		`the executions ran on ${result.workers} worker(s), expected ${WORKERS}`,
	);
	await lane.server.deactivate(lane.ids.get(workflow.name)!);
	const row = {
		scenario: `SignatureAPI ${CEREMONY_EXECUTIONS}×${CEREMONY_ITEMS} ceremonies at once, 10 req/s per key`,
		ok: checks.ok,
		calls: `${posts.length} requests, ${throttled} answered 429, busiest second ${busiest}, ${result.seconds.toFixed(0)} s`,
		items: result.itemsText,
		perWorker: perWorkerText(lane, result.placed),
	};
	report(lane, row, checks);
	return row;
}

export async function signedDelivery(lane: Lane, workflow: Workflow): Promise<Row> {
	const checks = new Checks();
	const server = lane.server;
	const id = lane.ids.get(workflow.name)!;
	const trigger = ((await server.workflow(id)).nodes as WorkflowNode[])[0];
	const url = server.webhookUrl(trigger);
	const activation = await server.activate(id);
	checks.expect(
		activation.status === 200,
		`activation answered ${activation.status}: ${activation.message}`,
	);
	await server.waitForWebhook(url);

	const signed = signatureApiDelivery(lane.sims.webhookSecret);
	const first = await fetch(url, signed.init);
	await checks.waited(
		server.waitForExecutions(id, {
			count: 1,
			what: 'the signed delivery to start an execution that ends',
			timeoutMs: 120_000,
		}),
	);
	const replay = await fetch(url, signed.init);
	const forged = signatureApiDelivery(`whsec_${randomBytes(24).toString('base64')}`);
	const forgedAnswer = await fetch(url, forged.init);
	// n8n answers a delivery before it starts the run: the count is final once it has stayed the same a while.
	const executions = await checks.waited(
		server.waitForExecutions(id, { count: 1, stableMs: NO_MORE_EXECUTIONS_MS, timeoutMs: 120_000 }),
	);
	const placed = await workerOf(lane, executions, checks);
	checks.expect(first.status === 200, `the signed delivery was answered ${first.status}`);
	checks.expect(
		replay.status < 500,
		`the replay was answered ${replay.status}; the vendor would keep retrying`,
	);
	checks.expect(
		forgedAnswer.status >= 400 && forgedAnswer.status < 500,
		`the forged delivery was answered ${forgedAnswer.status}`,
	);
	checks.expect(
		executions.length === 1,
		`${executions.length} executions for one signed delivery sent twice and one forged, expected 1`,
	);
	for (const execution of executions) {
		const run = await server.executionRun(execution.id);
		const items = nodeItems(run, workflow.nodes[0].name);
		checks.expect(
			items.length === 1 && items[0].webhook_id === signed.webhookId,
			`the execution's item is not the signed delivery: ${JSON.stringify(items).slice(0, 300)}`,
		);
	}
	await server.deactivate(id);
	const row = {
		scenario: 'SignatureAPI Trigger: signed ×2 + forged ×1',
		ok: checks.ok,
		calls: `answers ${first.status}, ${replay.status}, forged ${forgedAnswer.status}`,
		items: `${executions.length} execution(s)`,
		perWorker: perWorkerText(lane, placed),
	};
	report(lane, row, checks);
	return row;
}

export async function signNowActivation(lane: Lane, workflow: Workflow): Promise<Row> {
	const checks = new Checks();
	const { signNow } = lane.sims;
	const server = lane.server;
	const id = lane.ids.get(workflow.name)!;
	const trigger = ((await server.workflow(id)).nodes as WorkflowNode[])[0];
	const callback = server.webhookUrl(trigger);
	const perEvent = () =>
		SIGNNOW_EVENTS.map(
			(event) => signNow.subscriptionsCalling(callback).filter((s) => s.event === event).length,
		);
	const activation = await server.activate(id);
	checks.expect(
		activation.status === 200,
		`activation answered ${activation.status}: ${activation.message}`,
	);
	await server.waitForWebhook(callback);
	const active = await checks.until(perEvent, {
		what: `one subscription per event (${SIGNNOW_EVENTS.join(', ')})`,
		until: (counts) => counts.every((n) => n === 1),
		show: (counts) => `${counts.join('/')} subscription(s) per event`,
		stableMs: SUBSCRIPTIONS_SETTLED_MS,
		timeoutMs: 60_000,
	});
	await server.deactivate(id);
	const left = await checks.until(() => signNow.subscriptionsCalling(callback).length, {
		what: 'no subscription after deactivation',
		until: (n) => n === 0,
		show: (n) => `${n} subscription(s)`,
		stableMs: SUBSCRIPTIONS_SETTLED_MS,
		timeoutMs: 60_000,
	});
	const row = {
		scenario: 'signNow Trigger activation in queue mode',
		ok: checks.ok,
		calls: `${active.join('/')} subscription(s) per event; ${left} after deactivation`,
		items: '',
		perWorker: '(activation runs on main)',
	};
	report(lane, row, checks);
	return row;
}
