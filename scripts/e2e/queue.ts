/**
 * `npm run e2e:queue`: the package in n8n's queue mode, as users who outgrow one n8n run it: n8n
 * main with EXECUTIONS_MODE=queue on PostgreSQL, two `n8n worker` processes taking jobs from
 * Redis, the package installed as a community package, the vendor simulators beside them.
 *
 * - every example workflow runs on a worker: its Manual Trigger is swapped for a Webhook node and
 *   the workflow is activated, the way production work reaches workers (a Manual Trigger only
 *   runs from the editor); the worker's log names the execution;
 * - tokens kept in the credential: 10 executions of 20 items started together through Umbrella
 *   Create Session Link and signNow Get Document, first with no token, then with an expired one;
 * - SignatureAPI's 10 requests/s per key while 4 executions of 50 ceremonies run on 2 workers;
 * - triggers: a signed SignatureAPI delivery runs once on a worker (also when sent twice), a
 *   forged one starts nothing; signNow activation registers one subscription per event.
 *
 * Redis and PostgreSQL come from Debian (installed with apt-get when missing) and run as this
 * script's processes; everything is stopped at the end and on Ctrl-C. E2E_LINES=1 or 2 runs one line.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SignatureApiSimulator } from '../../test/simulators/signatureapi';
import { SignNowSimulator } from '../../test/simulators/signnow';
import { UmbrellaSimulator } from '../../test/simulators/umbrella';
import { type E2eCredential, type ExecutionSummary, type Line, N8n, type N8nServer, type N8nWorker, root, selectedLines, type Workflow, type WorkflowNode } from './n8n';
import { type QueueServices, startQueueServices } from './services';
import { startDemoSimulators } from './simulators';
import { quiet, signatureApiDelivery } from './webhooks';

const PACKAGE = 'n8n-nodes-esign';
const WORKERS = 2;
/** Jobs a worker runs at once: 10 executions started together fill both workers. */
const WORKER_CONCURRENCY = 5;
const TOKEN_EXECUTIONS = 10;
const TOKEN_ITEMS = 20;
const CEREMONY_EXECUTIONS = 4;
const CEREMONY_ITEMS = 50;
const SIGNNOW_DOCUMENT_ID = 'e2e0queue0document0for0token0sharing000';
const SIGNNOW_WATCHED_ID = 'e2e0queue0document0watched0by0trigger00';
const SIGNNOW_EVENTS = ['document.complete', 'document.update'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------- stopping everything, also on Ctrl-C ----------

const cleanups: Array<() => Promise<void>> = [];
/** Runs `stop` at the end, or at once on SIGINT/SIGTERM; newest first. */
function onCleanup(stop: () => Promise<void>): () => Promise<void> {
	let done: Promise<void> | undefined;
	const once = () => (done ??= stop().catch((error) => console.error(`cleanup failed: ${error instanceof Error ? error.message : error}`)));
	cleanups.unshift(once);
	return once;
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (interrupted) return;
		interrupted = true;
		console.error(`\n${signal}: stopping n8n, workers, simulators, Redis and PostgreSQL…`);
		void (async () => {
			for (const stop of cleanups) await stop();
			process.exit(signal === 'SIGINT' ? 130 : 143);
		})();
	});
}

// ---------- checks and the summary ----------

class Checks {
	readonly problems: string[] = [];
	expect(condition: boolean, problem: string): boolean {
		if (!condition) this.problems.push(problem);
		return condition;
	}
}

interface Row {
	scenario: string;
	ok: boolean;
	calls: string;
	items: string;
	perWorker: string;
}

// ---------- workflows ----------

/** What a scenario says about one of our nodes; the rest is filled in. */
interface NodeSpec {
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

function credentialRef(credential: E2eCredential) {
	return { [credential.type]: { id: credential.id, name: credential.name } };
}

function webhookNode(name: string): WorkflowNode {
	const path = randomUUID();
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		webhookId: path,
	};
}

/** An example with its Manual Trigger replaced by a Webhook node of the same name. */
function asWebhookWorkflow(example: Workflow): Workflow {
	return {
		...example,
		nodes: example.nodes.map((node) => (node.type === 'n8n-nodes-base.manualTrigger' ? { ...webhookNode(node.name), position: node.position } : node)),
		settings: { ...example.settings, executionOrder: 'v1' },
	};
}

/** Webhook → Split Out (body.items) → one of our nodes: one execution per request, one item per entry. */
function fanOutWorkflow(name: string, node: NodeSpec): Workflow {
	return {
		name,
		nodes: [
			webhookNode('Webhook'),
			{ id: randomUUID(), name: 'Items', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [240, 0], parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} } },
			{ id: randomUUID(), name: 'Action', typeVersion: 1, position: [480, 0], ...node },
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Action', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function triggerWorkflow(name: string, node: NodeSpec & { name: string }): Workflow {
	return {
		name,
		nodes: [{ id: randomUUID(), typeVersion: 1, position: [0, 0], webhookId: randomUUID(), ...node }],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

// ---------- one line ----------

interface Sims {
	umbrella: UmbrellaSimulator;
	signNow: SignNowSimulator;
	signatureApi: SignatureApiSimulator;
	webhookSecret: string;
	credentials: { umbrella: E2eCredential; signNow: E2eCredential; signatureApi: E2eCredential; signNowTrigger: E2eCredential };
}

interface Lane {
	line: Line;
	n8n: N8n;
	server: N8nServer;
	workers: N8nWorker[];
	sims: Sims;
	ids: Map<string, string>;
}

function webhookPathUrl(server: N8nServer, workflow: Workflow, nodeName = 'Webhook'): string {
	const node = workflow.nodes.find((n) => n.name === nodeName)!;
	return `${server.baseUrl}/webhook/${(node.parameters as { path: string }).path}`;
}

async function activateAndWait(lane: Lane, workflow: Workflow, url: string, checks: Checks): Promise<string> {
	const id = lane.ids.get(workflow.name)!;
	const activation = await lane.server.activate(id);
	checks.expect(activation.status === 200, `activating "${workflow.name}" answered ${activation.status}: ${activation.message}`);
	await lane.server.waitForWebhook(url);
	return id;
}

/** Which worker ran each execution, from the workers' logs; waits briefly for the log lines. */
async function workerOf(lane: Lane, executions: ExecutionSummary[]): Promise<Map<string, string | undefined>> {
	const deadline = Date.now() + 5000;
	const find = (id: string) => lane.workers.find((w) => w.executionIds.has(id))?.name;
	while (executions.some((e) => !find(e.id)) && Date.now() < deadline) await sleep(200);
	return new Map(executions.map((e) => [e.id, find(e.id)]));
}

function perWorkerText(lane: Lane, placed: Map<string, string | undefined>): string {
	const counts = lane.workers.map((w) => `${w.name}: ${[...placed.values()].filter((n) => n === w.name).length}`);
	const nowhere = [...placed.values()].filter((n) => !n).length;
	return counts.join(', ') + (nowhere ? `, no worker: ${nowhere}` : '');
}

function nodeItems(run: Awaited<ReturnType<N8nServer['executionRun']>>, node: string): Array<Record<string, any>> {
	return (run?.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

/** Waits until `count` executions of a workflow exist and none is still running. */
async function executionsSettled(server: N8nServer, id: string, count: number, timeoutMs: number): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const list = await server.executions(id);
		if (list.length >= count && !list.some((e) => ['new', 'running', 'waiting'].includes(e.status))) return list;
		await sleep(500);
	}
	return await server.executions(id);
}

async function runExamples(lane: Lane, examples: Array<{ file: string; workflow: Workflow }>, prepare: (w: Workflow) => Promise<void>): Promise<Row[]> {
	const rows: Row[] = [];
	for (const { file, workflow } of examples) {
		const checks = new Checks();
		await prepare(workflow);
		const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook')!;
		const url = webhookPathUrl(lane.server, workflow, trigger.name);
		const id = await activateAndWait(lane, workflow, url, checks);
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		checks.expect(response.ok, `the webhook answered ${response.status}`);
		const executions = await executionsSettled(lane.server, id, 1, 60_000);
		const placed = await workerOf(lane, executions);
		const last = workflow.nodes[workflow.nodes.length - 1].name;
		let out = 0;
		checks.expect(executions.length === 1, `${executions.length} executions, expected 1`);
		for (const execution of executions) {
			checks.expect(execution.status === 'success', `execution ${execution.id} ended ${execution.status}`);
			checks.expect(execution.mode === 'webhook', `execution ${execution.id} ran in mode ${execution.mode}`);
			checks.expect(placed.get(execution.id) !== undefined, `no worker's log names execution ${execution.id}`);
			const run = await lane.server.executionRun(execution.id);
			out = nodeItems(run, last).length;
			checks.expect(out > 0 && !run.resultData.error, `"${last}" produced ${out} items${run.resultData.error ? `; error: ${run.resultData.error.message}` : ''}`);
		}
		await lane.server.deactivate(id);
		rows.push({ scenario: `example ${file}`, ok: checks.problems.length === 0, calls: '', items: `1 in, ${out} out of "${last}"`, perWorker: perWorkerText(lane, placed) });
		report(lane, rows[rows.length - 1], checks);
	}
	return rows;
}

function report(lane: Lane, row: Row, checks: Checks) {
	console.log(`${row.ok ? '✓' : '✗'} [${lane.line.id}.x] ${row.scenario}: ${[row.calls, row.items, row.perWorker].filter(Boolean).join('; ')}`);
	for (const problem of checks.problems) console.log(`    - ${problem}`);
}

/**
 * `executions` requests at once, each with `items` entries; waits for every execution and checks
 * each one's items in and out. Returns the per-execution figures and where each ran.
 */
async function burst(lane: Lane, workflow: Workflow, bodies: Array<{ items: unknown[] }>, checks: Checks, timeoutMs: number) {
	const id = lane.ids.get(workflow.name)!;
	const url = webhookPathUrl(lane.server, workflow);
	const known = new Set((await lane.server.executions(id)).map((e) => e.id));
	const started = Date.now();
	const answers = await Promise.all(bodies.map((body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })));
	checks.expect(
		answers.every((a) => a.ok),
		`webhook answers: ${answers.map((a) => a.status).join(',')}`,
	);
	const all = await executionsSettled(lane.server, id, known.size + bodies.length, timeoutMs);
	const seconds = (Date.now() - started) / 1000;
	const executions = all.filter((e) => !known.has(e.id));
	checks.expect(executions.length === bodies.length, `${executions.length} executions, expected ${bodies.length}`);
	const placed = await workerOf(lane, executions);
	const figures: Array<{ in: number; out: number; failed: number }> = [];
	for (const execution of executions) {
		const run = await lane.server.executionRun(execution.id);
		const input = nodeItems(run, 'Items').length;
		const output = nodeItems(run, 'Action');
		const failed = output.filter((json) => json.error !== undefined).length + (run.resultData.error ? 1 : 0);
		figures.push({ in: input, out: output.length - failed, failed });
		checks.expect(execution.status === 'success', `execution ${execution.id} ended ${execution.status}${run.resultData.error ? `: ${run.resultData.error.message}` : ''}`);
		checks.expect(placed.get(execution.id) !== undefined, `no worker's log names execution ${execution.id}`);
	}
	const expected = bodies[0].items.length;
	checks.expect(
		figures.every((f) => f.in === expected && f.out === expected && f.failed === 0),
		`items in/out/failed per execution: ${figures.map((f) => `${f.in}/${f.out}/${f.failed}`).join(' ')}`,
	);
	const itemsText = `${figures.reduce((s, f) => s + f.out, 0)}/${bodies.length * expected} items out (per execution in→out: ${[...new Set(figures.map((f) => `${f.in}→${f.out}`))].join(', ')}${figures.length > 1 && new Set(figures.map((f) => `${f.in}→${f.out}`)).size === 1 ? ` ×${figures.length}` : ''})`;
	return { placed, seconds, itemsText, workers: new Set([...placed.values()].filter(Boolean)).size };
}

async function tokenSharing(
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
	const bodies = Array.from({ length: TOKEN_EXECUTIONS }, (_, e) => ({ items: Array.from({ length: TOKEN_ITEMS }, (_, i) => itemFor(e * TOKEN_ITEMS + i)) }));
	for (const round of ['no token yet', 'token expired'] as const) {
		const checks = new Checks();
		checks.problems.push(...probe.problems.splice(0));
		if (round === 'token expired') expire();
		const callsBefore = tokenCalls();
		const result = await burst(lane, workflow, bodies, checks, 120_000);
		const calls = tokenCalls() - callsBefore;
		// n8n has no lock around a credential's token refresh: executions that start together may each
		// fetch one. The nodes keep no state, so the honest bound is one per execution started together.
		checks.expect(calls >= 1 && calls <= TOKEN_EXECUTIONS, `${calls} token requests, expected 1..${TOKEN_EXECUTIONS}`);
		checks.expect(result.workers === WORKERS, `the executions ran on ${result.workers} worker(s), expected ${WORKERS}`);
		const row = {
			scenario: `${label}, ${TOKEN_EXECUTIONS}×${TOKEN_ITEMS} at once, ${round}`,
			ok: checks.problems.length === 0,
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

async function ceremoniesUnderRateLimit(lane: Lane, workflow: Workflow): Promise<Row> {
	const { signatureApi } = lane.sims;
	const checks = new Checks();
	const url = webhookPathUrl(lane.server, workflow);
	await activateAndWait(lane, workflow, url, checks);
	const recipients = Array.from({ length: CEREMONY_EXECUTIONS * CEREMONY_ITEMS }, () => signatureApi.seedEnvelope().recipient.id);
	signatureApi.resetRate();
	signatureApi.clearLog();
	const bodies = Array.from({ length: CEREMONY_EXECUTIONS }, (_, e) => ({ items: recipients.slice(e * CEREMONY_ITEMS, (e + 1) * CEREMONY_ITEMS).map((id) => ({ id })) }));
	const result = await burst(lane, workflow, bodies, checks, 240_000);
	const posts = signatureApi.received('POST', '/recipients/:id/ceremonies');
	const throttled = signatureApi.throttled.length;
	const accepted = posts.length - throttled;
	const withCeremony = recipients.filter((id) => (signatureApi.recipients.get(id)?.ceremonies.length ?? 0) > 0).length;
	// The most requests the simulator let through in any one second (its bucket allows a burst of 10 on top of 10/s).
	const times = posts.filter((r) => !signatureApi.throttled.includes(r)).map((r) => r.at);
	const busiest = Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
	checks.expect(withCeremony === recipients.length, `${withCeremony} of ${recipients.length} recipients got a ceremony`);
	checks.expect(accepted === recipients.length, `${accepted} ceremony requests were accepted, expected one per recipient (${recipients.length})`);
	checks.expect(result.workers === WORKERS, `the executions ran on ${result.workers} worker(s), expected ${WORKERS}`);
	await lane.server.deactivate(lane.ids.get(workflow.name)!);
	const row = {
		scenario: `SignatureAPI ${CEREMONY_EXECUTIONS}×${CEREMONY_ITEMS} ceremonies at once, 10 req/s per key`,
		ok: checks.problems.length === 0,
		calls: `${posts.length} requests, ${throttled} answered 429, busiest second ${busiest}, ${result.seconds.toFixed(0)} s`,
		items: result.itemsText,
		perWorker: perWorkerText(lane, result.placed),
	};
	report(lane, row, checks);
	return row;
}

async function signedDelivery(lane: Lane, workflow: Workflow): Promise<Row> {
	const checks = new Checks();
	const server = lane.server;
	const id = lane.ids.get(workflow.name)!;
	const trigger = ((await server.workflow(id)).nodes as WorkflowNode[])[0];
	const url = server.webhookUrl(trigger);
	const activation = await server.activate(id);
	checks.expect(activation.status === 200, `activation answered ${activation.status}: ${activation.message}`);
	await server.waitForWebhook(url);

	const signed = signatureApiDelivery(lane.sims.webhookSecret);
	const first = await fetch(url, signed.init);
	await server.settledExecutions(id, 1500, 60_000);
	const replay = await fetch(url, signed.init);
	await server.settledExecutions(id, 1500, 60_000);
	const forged = signatureApiDelivery(`whsec_${randomBytes(24).toString('base64')}`);
	const forgedAnswer = await fetch(url, forged.init);
	const executions = await server.settledExecutions(id, 2000, 60_000);
	const placed = await workerOf(lane, executions);
	checks.expect(first.status === 200, `the signed delivery was answered ${first.status}`);
	checks.expect(replay.status < 500, `the replay was answered ${replay.status}; the vendor would keep retrying`);
	checks.expect(forgedAnswer.status >= 400 && forgedAnswer.status < 500, `the forged delivery was answered ${forgedAnswer.status}`);
	checks.expect(executions.length === 1, `${executions.length} executions for one signed delivery sent twice and one forged, expected 1`);
	for (const execution of executions) {
		checks.expect(placed.get(execution.id) !== undefined, `no worker's log names execution ${execution.id}`);
		const run = await server.executionRun(execution.id);
		const items = nodeItems(run, workflow.nodes[0].name);
		checks.expect(items.length === 1 && items[0].webhook_id === signed.webhookId, `the execution's item is not the signed delivery: ${JSON.stringify(items).slice(0, 300)}`);
	}
	await server.deactivate(id);
	const row = {
		scenario: 'SignatureAPI Trigger: signed ×2 + forged ×1',
		ok: checks.problems.length === 0,
		calls: `answers ${first.status}, ${replay.status}, forged ${forgedAnswer.status}`,
		items: `${executions.length} execution(s)`,
		perWorker: perWorkerText(lane, placed),
	};
	report(lane, row, checks);
	return row;
}

async function signNowActivation(lane: Lane, workflow: Workflow): Promise<Row> {
	const checks = new Checks();
	const { signNow } = lane.sims;
	const server = lane.server;
	const id = lane.ids.get(workflow.name)!;
	const trigger = ((await server.workflow(id)).nodes as WorkflowNode[])[0];
	const callback = server.webhookUrl(trigger);
	const activation = await server.activate(id);
	checks.expect(activation.status === 200, `activation answered ${activation.status}: ${activation.message}`);
	await server.waitForWebhook(callback);
	await quiet(signNow, 1500);
	const perEvent = SIGNNOW_EVENTS.map((event) => signNow.subscriptionsCalling(callback).filter((s) => s.event === event).length);
	checks.expect(perEvent.every((n) => n === 1), `${perEvent.join('/')} subscriptions per event (${SIGNNOW_EVENTS.join(', ')}), expected one each`);
	await server.deactivate(id);
	await quiet(signNow, 1000);
	const left = signNow.subscriptionsCalling(callback).length;
	checks.expect(left === 0, `deactivation left ${left} subscription(s)`);
	const row = {
		scenario: 'signNow Trigger activation in queue mode',
		ok: checks.problems.length === 0,
		calls: `${perEvent.join('/')} subscription(s) per event; ${left} after deactivation`,
		items: '',
		perWorker: '(activation runs on main)',
	};
	report(lane, row, checks);
	return row;
}

async function startSims(): Promise<Sims & { stop(): Promise<void> }> {
	const umbrella = await new UmbrellaSimulator().start();
	const signNow = await new SignNowSimulator().start();
	const signatureApi = await new SignatureApiSimulator().start();
	signNow.seed({ id: SIGNNOW_DOCUMENT_ID, document_name: 'Agreement read by every item', roleNames: ['Signer 1'] });
	signNow.seed({ id: SIGNNOW_WATCHED_ID, document_name: 'Watched agreement', roleNames: ['Signer 1'] });
	const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
	// IDs of their own, so that these credentials start without a token whatever the examples did.
	const credential = (id: string, type: string, data: Record<string, unknown>): E2eCredential => ({ id, name: `${type} (queue test)`, type, data });
	return {
		umbrella,
		signNow,
		signatureApi,
		webhookSecret,
		credentials: {
			umbrella: credential('queueUmbrella001', 'umbrellaApi', umbrella.credential()),
			signNow: credential('queueSignNow0001', 'signNowApi', signNow.credential()),
			signNowTrigger: credential('queueSignNow0002', 'signNowApi', signNow.credential()),
			signatureApi: credential('queueSignatureAp', 'signatureApiApi', { ...signatureApi.credential(), webhookSecret }),
		},
		async stop() {
			for (const sim of [umbrella, signNow, signatureApi]) await sim.stop();
		},
	};
}

async function runLine(line: Line, services: QueueServices): Promise<Row[]> {
	const queueEnv = {
		...services.postgres.createDatabase(`n8n_line_${line.id}_${Date.now()}`),
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(services.redis.port),
		QUEUE_BULL_PREFIX: `bull-line-${line.id}`,
		// 1.x runs editor executions on main unless told; 2.x always offloads them (the variable is gone).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		QUEUE_WORKER_TIMEOUT: '10',
	};
	const n8n = await N8n.create(line, { env: queueEnv });
	const stopN8n = onCleanup(() => n8n.dispose());
	const demo = await startDemoSimulators();
	const stopDemo = onCleanup(() => demo.stop());
	const sims = await startSims();
	const stopSims = onCleanup(() => sims.stop());
	try {
		const files = readdirSync(join(root, 'examples'))
			.filter((f) => f.endsWith('.json'))
			.sort();
		const examples = files.map((file) => ({ file, workflow: asWebhookWorkflow(JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')) as Workflow) }));
		const { credentials: c } = sims;
		const umbrellaFanOut = fanOutWorkflow('queue: Umbrella tokens', {
			type: `${PACKAGE}.umbrella`,
			parameters: {
				resource: 'qesOnboarding',
				operation: 'createSessionLink',
				email: '={{ $json.email }}',
				phoneNumber: '+436501234567',
				redirectUrl: 'https://example.com/onboarding/success',
				docUrl: 'https://cdn.example.com/contracts/employment-contract.pdf',
				signForms: { field: [{ fieldId: 'Signature1', actorId: 'userToIdentify' }] },
			},
			credentials: credentialRef(c.umbrella),
		});
		const signNowFanOut = fanOutWorkflow('queue: signNow tokens', {
			type: `${PACKAGE}.signNow`,
			parameters: { resource: 'document', operation: 'get', documentId: '={{ $json.documentId }}', simplify: true },
			credentials: credentialRef(c.signNow),
		});
		const ceremonies = fanOutWorkflow('queue: SignatureAPI ceremonies', {
			type: `${PACKAGE}.signatureApi`,
			parameters: {
				resource: 'ceremony',
				operation: 'create',
				recipientId: '={{ $json.id }}',
				authentication: { method: [{ type: 'custom', provider: 'my-app-login', data: '{"order_id":"1042"}' }] },
				redirectUrl: 'https://app.example.com/signed',
				urlVariant: 'standard',
				embeddableIn: 'https://app.example.com',
			},
			credentials: credentialRef(c.signatureApi),
		});
		const signatureTrigger = triggerWorkflow('queue: SignatureAPI Trigger', {
			name: 'SignatureAPI Trigger',
			type: `${PACKAGE}.signatureApiTrigger`,
			parameters: { events: ['envelope.completed'] },
			credentials: credentialRef(c.signatureApi),
		});
		const signNowTrigger = triggerWorkflow('queue: signNow Trigger', {
			name: 'signNow Trigger',
			type: `${PACKAGE}.signNowTrigger`,
			parameters: { scope: 'document', documentId: SIGNNOW_WATCHED_ID, events: SIGNNOW_EVENTS },
			credentials: credentialRef(c.signNowTrigger),
		});
		const credentials = [...demo.credentials, c.umbrella, c.signNow, c.signNowTrigger, c.signatureApi];
		const workflows = [...examples.map((e) => e.workflow), umbrellaFanOut, signNowFanOut, ceremonies, signatureTrigger, signNowTrigger];
		await n8n.importCredentials(credentials);
		const imported = await n8n.importWorkflows(workflows, credentials);
		const ids = new Map(workflows.map((w, i) => [w.name, imported[i]]));

		console.log(`Starting n8n main and ${WORKERS} workers…`);
		const server = await n8n.start();
		const workers = await Promise.all(Array.from({ length: WORKERS }, () => n8n.startWorker({}, WORKER_CONCURRENCY)));
		console.log(`main on ${server.baseUrl}, ${workers.length} workers (concurrency ${WORKER_CONCURRENCY} each), PostgreSQL :${services.postgres.port}, Redis :${services.redis.port}\n`);
		const lane: Lane = { line, n8n, server, workers, sims, ids };

		const rows: Row[] = [];
		rows.push(
			...(await runExamples(lane, examples, async (workflow) => {
				for (const sim of demo.running) await sim.prepare?.(workflow as never);
			})),
		);
		rows.push(
			...(await tokenSharing(
				lane,
				'Umbrella Create Session Link',
				umbrellaFanOut,
				(i) => ({ email: `signer.${i}@example.com` }),
				() => sims.umbrella.received('POST', '/auth').length,
				() => sims.umbrella.expireTokens(),
			)),
		);
		rows.push(
			...(await tokenSharing(
				lane,
				'signNow Get Document',
				signNowFanOut,
				() => ({ documentId: SIGNNOW_DOCUMENT_ID }),
				() => sims.signNow.received('POST', '/oauth2/token').length,
				() => sims.signNow.expireTokens(),
			)),
		);
		rows.push(await ceremoniesUnderRateLimit(lane, ceremonies));
		rows.push(await signedDelivery(lane, signatureTrigger));
		rows.push(await signNowActivation(lane, signNowTrigger));
		return rows;
	} finally {
		await stopN8n();
		await stopSims();
		await stopDemo();
	}
}

async function main() {
	const started = Date.now();
	const services = await startQueueServices();
	const stopServices = onCleanup(() => services.stop());
	const results = new Map<string, Row[]>();
	try {
		for (const line of selectedLines()) {
			if (interrupted) break;
			console.log(`\n=== Queue mode: n8n ${line.n8nVersion} (line ${line.id}.x), main + ${WORKERS} workers, PostgreSQL, Redis ===\n`);
			const lineStarted = Date.now();
			try {
				results.set(line.id, await runLine(line, services));
			} catch (error) {
				console.error(`✗ [${line.id}.x] ${error instanceof Error ? error.stack : String(error)}`);
				results.set(line.id, [{ scenario: 'the line did not run', ok: false, calls: '', items: '', perWorker: '' }]);
			}
			console.log(`line ${line.id}.x: ${((Date.now() - lineStarted) / 1000).toFixed(0)} s`);
		}
	} finally {
		await stopServices();
	}
	let passed = 0;
	let failed = 0;
	for (const [id, rows] of results) {
		console.log(`\nQueue mode on n8n ${id}.x:`);
		console.table(Object.fromEntries(rows.map((r) => [r.scenario, { result: r.ok ? 'pass' : 'FAIL', 'token / API calls': r.calls, items: r.items, 'executions per worker': r.perWorker }])));
		for (const r of rows) (r.ok ? passed++ : failed++);
	}
	console.log(`e2e:queue: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
	if (failed) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
