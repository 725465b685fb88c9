/**
 * `npm run e2e:faults`: fault scenarios in a real n8n of each line. Every scenario asserts on what
 * the vendor simulator received and on what n8n produced, and reports an outcome made only of
 * facts that must not depend on the line; the outcomes of both lines are then compared.
 * E2E_LINES=1 or 2 runs one line; E2E_SCENARIOS=a,c runs some scenarios.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import { LeegalitySimulator } from '../../test/simulators/leegality';
import { LuminSimulator } from '../../test/simulators/lumin';
import { SignatureApiSimulator } from '../../test/simulators/signatureapi';
import { SignNowSimulator } from '../../test/simulators/signnow';
import { type E2eCredential, type ExecuteResult, type Line, N8n, type N8nServer, selectedLines, type Workflow, type WorkflowNode } from './n8n';
import { e2eCredential } from './simulators';
import { quiet, signatureApiDelivery } from './webhooks';

const PACKAGE = 'n8n-nodes-esign';
const GENERIC_NOT_FOUND = 'The resource you are requesting could not be found';

/** Collects what a scenario found wrong, and the line-independent facts it observed. */
class Checks {
	readonly problems: string[] = [];
	readonly facts: string[] = [];

	expect(condition: boolean, problem: string): boolean {
		if (!condition) this.problems.push(problem);
		return condition;
	}

	fact(text: string) {
		this.facts.push(text);
	}
}

interface Sims {
	lumin: LuminSimulator;
	leegality: LeegalitySimulator;
	signatureApi: SignatureApiSimulator;
	signNow: SignNowSimulator;
	credentials: E2eCredential[];
	webhookSecret: string;
}

interface Context {
	line: Line;
	n8n: N8n;
	sims: Sims;
	/** Workflow IDs by scenario workflow name, imported once per line. */
	ids: Map<string, string>;
	server(): Promise<N8nServer>;
}

interface Scenario {
	key: string;
	title: string;
	/** For the table. */
	short: string;
	/** Workflows to import before any scenario runs (one import per line). */
	workflows(sims: Sims): Workflow[];
	run(ctx: Context, checks: Checks): Promise<void>;
}

function credentialRef(type: string, credentials: E2eCredential[]) {
	const credential = credentials.find((c) => c.type === type)!;
	return { [type]: { id: credential.id, name: credential.name } };
}

/** A Manual Trigger followed by one of our action nodes. */
/** What a scenario says about a node; the rest is filled in. */
interface NodeSpec {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: string;
}

function manualWorkflow(name: string, node: NodeSpec): Workflow {
	const trigger = 'Start';
	return {
		name,
		nodes: [
			{ id: randomUUID(), name: trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: randomUUID(), typeVersion: 1, position: [240, 0], ...node },
		],
		connections: { [trigger]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function triggerWorkflow(name: string, node: NodeSpec): Workflow {
	return {
		name,
		nodes: [{ id: randomUUID(), typeVersion: 1, position: [0, 0], webhookId: randomUUID(), ...node }],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

async function execute(ctx: Context, workflowName: string): Promise<ExecuteResult> {
	return await ctx.n8n.execute(ctx.ids.get(workflowName)!);
}

function noRun(checks: Checks, result: ExecuteResult): boolean {
	return !checks.expect(result.run !== undefined, `n8n printed no run (${result.tail})`);
}

const LUMIN_RETRY_ID = 'sr_e2e_retry_after';
const LUMIN_MISSING_ID = 'sr_e2e_does_not_exist';
const LUMIN_SESSION_ID = 'sr_e2e_lost_answer';
const LEEGALITY_DOCUMENT_ID = 'doc_e2e_no_status';

const scenarios: Scenario[] = [
	{
		key: 'a',
		title: 'Lumin Get answered 429 (Retry-After: 1), then success',
		short: 'Lumin 429 + Retry-After, then 200',
		workflows: (sims) => [
			manualWorkflow('a: retry after 429', {
				name: 'Get',
				type: `${PACKAGE}.lumin`,
				parameters: { resource: 'signatureRequest', operation: 'get', signatureRequestId: LUMIN_RETRY_ID },
				credentials: credentialRef('luminApi', sims.credentials),
			}),
		],
		async run(ctx, checks) {
			const { lumin } = ctx.sims;
			lumin.seed({ signature_request_id: LUMIN_RETRY_ID, title: 'Retry-After agreement' });
			const path = `/signature_request/${LUMIN_RETRY_ID}`;
			lumin.inject(
				{ kind: 'status', status: 429, headers: { 'Retry-After': '1' }, body: { error_code: 'rate_limit_exceeded', error_message: 'Too many requests' } },
				1,
				(req) => req.method === 'GET' && req.path === path,
			);
			const result = await execute(ctx, 'a: retry after 429');
			if (noRun(checks, result)) return;
			const gets = lumin.received('GET', path);
			const items = result.items('Get');
			checks.expect(!result.error, `the run failed: ${result.error?.message}`);
			checks.expect(gets.length === 2, `the simulator got ${gets.length} GET requests, expected 2`);
			const waited = gets.length === 2 ? gets[1].at - gets[0].at : 0;
			checks.expect(waited >= 900, `the retry came ${waited} ms after the 429, before Retry-After (1 s)`);
			checks.expect(items.length === 1 && items[0].signature_request_id === LUMIN_RETRY_ID, `expected one item for ${LUMIN_RETRY_ID}, got ${JSON.stringify(items).slice(0, 300)}`);
			checks.fact(`${gets.length} requests, retry after ≥1 s: ${waited >= 900}; ${items.length} item (${items[0]?.signature_request_id ?? 'none'})`);
		},
	},
	{
		key: 'b',
		title: 'Lumin 404 signature_request_not_found: the vendor’s code and message; Continue On Fail item',
		short: 'Lumin 404: vendor code, Continue On Fail',
		workflows: (sims) => {
			const node = {
				name: 'Get',
				type: `${PACKAGE}.lumin`,
				parameters: { resource: 'signatureRequest', operation: 'get', signatureRequestId: LUMIN_MISSING_ID },
				credentials: credentialRef('luminApi', sims.credentials),
			};
			return [manualWorkflow('b: vendor 404', node), manualWorkflow('b: vendor 404, continue', { ...node, onError: 'continueRegularOutput' })];
		},
		async run(ctx, checks) {
			const { lumin } = ctx.sims;
			const path = `/signature_request/${LUMIN_MISSING_ID}`;
			const vendorMessage = `Signature request ${LUMIN_MISSING_ID} not found`;

			const stopped = await execute(ctx, 'b: vendor 404');
			if (noRun(checks, stopped)) return;
			const error = stopped.nodeError('Get');
			const message = String(error?.message ?? '');
			checks.expect(stopped.exitCode !== 0 && error !== undefined, `the run did not fail (exit ${stopped.exitCode})`);
			checks.expect(message.includes('signature_request_not_found') && message.includes(vendorMessage), `the error does not show the vendor's code and message: "${message}"`);
			checks.expect(!message.includes(GENERIC_NOT_FOUND) && !String(error?.description ?? '').includes(GENERIC_NOT_FOUND), `the error shows n8n's generic 404 text: "${message}"`);
			checks.expect(lumin.received('GET', path).length === 1, `a 404 read was sent ${lumin.received('GET', path).length} times, expected once`);

			const continued = await execute(ctx, 'b: vendor 404, continue');
			if (noRun(checks, continued)) return;
			const items = continued.items('Get');
			const item = items[0] ?? {};
			checks.expect(continued.exitCode === 0 && !continued.error, `the Continue On Fail run failed: ${continued.error?.message}`);
			checks.expect(items.length === 1, `expected one error item, got ${items.length}`);
			checks.expect(
				String(item.error).includes(vendorMessage) && item.code === 'signature_request_not_found' && item.httpCode === '404' && typeof item.description === 'string' && item.description.length > 0,
				`the error item lacks {error, code, httpCode, description}: ${JSON.stringify(item)}`,
			);
			checks.fact(`error "${message.replace(LUMIN_MISSING_ID, '<id>')}"; item {${Object.keys(item).sort().join(', ')}}, code ${item.code}, httpCode ${item.httpCode}`);
		},
	},
	{
		key: 'c',
		title: 'Lumin Create Signing Session whose answer is lost (applied, then 504)',
		short: 'Lumin write applied, answer lost (504)',
		workflows: (sims) => [
			manualWorkflow('c: answer lost', {
				name: 'Create Signing Session',
				type: `${PACKAGE}.lumin`,
				parameters: { resource: 'signatureRequest', operation: 'createSigningSession', signatureRequestId: LUMIN_SESSION_ID, signerEmail: 'lost.answer@example.com', expiry: 900000 },
				credentials: credentialRef('luminApi', sims.credentials),
				onError: 'continueRegularOutput',
			}),
		],
		async run(ctx, checks) {
			const { lumin } = ctx.sims;
			lumin.seed({
				signature_request_id: LUMIN_SESSION_ID,
				signers: [{ email_address: 'lost.answer@example.com', name: 'Lost Answer', is_approved: false, status: 'NEED_TO_SIGN' }],
			});
			const path = `/signature_request/${LUMIN_SESSION_ID}/signing-session`;
			lumin.inject({ kind: 'applied', then: 504 }, 1, (req) => req.method === 'POST' && req.path === path);
			const result = await execute(ctx, 'c: answer lost');
			if (noRun(checks, result)) return;
			const posts = lumin.received('POST', path).length;
			const applied = lumin.applied.filter((a) => a.request.path === path).length;
			const items = result.items('Create Signing Session');
			checks.expect(posts === 1 && applied === 1, `the write reached the vendor ${posts} times (acted on ${applied}), expected once`);
			checks.expect(items.length === 1 && items[0].code === 'outcome_unknown', `expected one item with code outcome_unknown, got ${JSON.stringify(items).slice(0, 400)}`);
			checks.expect(/not known whether/i.test(String(items[0]?.error)), `the item does not say the outcome is unknown: ${items[0]?.error}`);
			checks.fact(`${posts} request, acted on ${applied}; item code ${items[0]?.code}`);
		},
	},
	{
		key: 'd',
		title: 'Leegality 200 answer without status: 1 ({}) is an error',
		short: 'Leegality 200 {} without status 1',
		workflows: (sims) => [
			manualWorkflow('d: no status', {
				name: 'Get',
				type: `${PACKAGE}.leegality`,
				parameters: { resource: 'signRequest', operation: 'get', documentId: LEEGALITY_DOCUMENT_ID },
				credentials: credentialRef('leegalityApi', sims.credentials),
			}),
		],
		async run(ctx, checks) {
			const { leegality } = ctx.sims;
			const path = '/v3.3/document/details';
			leegality.inject({ kind: 'status', status: 200, body: {} }, 1, (req) => req.method === 'GET' && req.path === path);
			const result = await execute(ctx, 'd: no status');
			if (noRun(checks, result)) return;
			const requests = leegality.received('GET', path).length;
			const error = result.nodeError('Get');
			checks.expect(requests === 1, `the simulator got ${requests} requests, expected 1`);
			checks.expect(error !== undefined && result.exitCode !== 0, `an answer without status 1 counted as success: ${JSON.stringify(result.items('Get')).slice(0, 300)}`);
			checks.expect(result.items('Get').length === 0, 'the node produced items from an answer without status 1');
			checks.fact(`${requests} request; ${error ? 'error' : 'success'}`);
		},
	},
	{
		key: 'e',
		title: 'A replayed SignatureAPI delivery (same signed body and headers) starts one execution',
		short: 'SignatureAPI delivery replayed',
		workflows: (sims) => [
			triggerWorkflow('e: replayed delivery', {
				name: 'SignatureAPI Trigger',
				type: `${PACKAGE}.signatureApiTrigger`,
				parameters: { events: ['envelope.completed'] },
				credentials: credentialRef('signatureApiApi', sims.credentials),
			}),
		],
		async run(ctx, checks) {
			const server = await ctx.server();
			const id = ctx.ids.get('e: replayed delivery')!;
			const workflow = await server.workflow(id);
			const trigger = (workflow.nodes as WorkflowNode[])[0];
			const activation = await server.activate(id);
			checks.expect(activation.status === 200, `activation answered ${activation.status}: ${activation.message}`);
			const url = server.webhookUrl(trigger);
			await server.waitForWebhook(url);

			const { webhookId, init } = signatureApiDelivery(ctx.sims.webhookSecret);
			const first = await fetch(url, init);
			await server.settledExecutions(id);
			const replay = await fetch(url, init);
			const executions = await server.settledExecutions(id);
			checks.expect(first.status === 200, `the first delivery was answered ${first.status}`);
			checks.expect(replay.status < 500, `the replay was answered ${replay.status}; the vendor would keep retrying`);
			checks.expect(executions.length === 1, `${executions.length} executions started, expected 1`);
			if (executions[0]) {
				const run = await server.executionRun(executions[0].id);
				const items = run.resultData.runData['SignatureAPI Trigger']?.[0]?.data?.main?.[0] ?? [];
				checks.expect(items.length === 1 && items[0].json.webhook_id === webhookId, `the execution's item is not the delivery: ${JSON.stringify(items).slice(0, 300)}`);
			}
			await server.deactivate(id);
			checks.fact(`first ${first.status}; replay ${replay.status < 300 ? '2xx' : replay.status}; ${executions.length} execution(s)`);
		},
	},
	{
		key: 'f',
		title: 'signNow Trigger activation failing halfway leaves no subscription; reactivation one per event',
		short: 'signNow activation fails halfway',
		workflows: (sims) => [
			triggerWorkflow('f: half-failed activation', {
				name: 'signNow Trigger',
				type: `${PACKAGE}.signNowTrigger`,
				parameters: { scope: 'document', documentId: SIGNNOW_DOCUMENT_ID, events: SIGNNOW_EVENTS },
				credentials: credentialRef('signNowApi', sims.credentials),
			}),
		],
		async run(ctx, checks) {
			const { signNow } = ctx.sims;
			const server = await ctx.server();
			const id = ctx.ids.get('f: half-failed activation')!;
			const trigger = ((await server.workflow(id)).nodes as WorkflowNode[])[0];
			const callback = server.webhookUrl(trigger);
			const subscriptions = () => signNow.subscriptionsCalling(callback);

			// Every subscription to the second event fails while armed: 2.x retries activation in the
			// background, and each retry must clean up after itself too.
			let armed = true;
			signNow.inject(
				{ kind: 'status', status: 500, body: { errors: [{ code: 65535, message: 'Internal error while creating the subscription' }] } },
				50,
				(req) => armed && req.method === 'POST' && req.path === '/api/v2/events' && req.body?.event === SIGNNOW_EVENTS[1],
			);
			const failed = await server.activate(id);
			await quiet(signNow, 1500);
			const afterFailure = subscriptions();
			const failedPosts = signNow.received('POST', '/api/v2/events').length;
			await server.deactivate(id);
			armed = false;
			await quiet(signNow, 1000);
			const afterDeactivation = subscriptions();
			checks.expect(failedPosts >= 2, `activation made ${failedPosts} subscription requests, expected the second to fail`);
			checks.expect(afterFailure.length === 0, `after the failed activation the simulator holds ${afterFailure.length} subscription(s): ${afterFailure.map((s) => s.event).join(', ')}`);
			checks.expect(afterDeactivation.length === 0, `after deactivating, ${afterDeactivation.length} subscription(s) remain: ${afterDeactivation.map((s) => s.event).join(', ')}`);

			const reactivated = await server.activate(id);
			await quiet(signNow, 1000);
			const active = subscriptions();
			const perEvent = SIGNNOW_EVENTS.map((event) => active.filter((s) => s.event === event).length);
			checks.expect(reactivated.status === 200, `reactivation answered ${reactivated.status}: ${reactivated.message}`);
			checks.expect(active.length === SIGNNOW_EVENTS.length && perEvent.every((n) => n === 1), `after reactivation: ${perEvent.join('/')} subscriptions per event (${SIGNNOW_EVENTS.join(', ')}), expected one each`);

			await server.deactivate(id);
			await quiet(signNow, 500);
			const afterCleanup = subscriptions();
			checks.expect(afterCleanup.length === 0, `deactivation left ${afterCleanup.length} subscription(s)`);
			checks.fact(
				`after failed activation: ${afterFailure.length}; after deactivation: ${afterDeactivation.length}; after reactivation: ${perEvent.join('/')} per event; after deactivation: ${afterCleanup.length}`,
			);
			// Line-specific, shown but not compared: 1.x refuses the activation, 2.x accepts it and retries.
			console.log(`    [${ctx.line.id}.x] the failing activation was answered ${failed.status}${failed.message ? ` (${failed.message.slice(0, 120)})` : ''}`);
		},
	},
];

const SIGNNOW_DOCUMENT_ID = 'e2e0document0watched0by0the0trigger0000';
const SIGNNOW_EVENTS = ['document.complete', 'document.update'];

async function startSims(): Promise<Sims & { stop(): Promise<void> }> {
	const lumin = await new LuminSimulator().start();
	const leegality = await new LeegalitySimulator().start();
	const signatureApi = await new SignatureApiSimulator().start();
	const signNow = await new SignNowSimulator().start();
	signNow.seed({ id: SIGNNOW_DOCUMENT_ID, document_name: 'Watched agreement', roleNames: ['Signer 1'] });
	const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
	const credentials = [
		e2eCredential('luminApi', lumin.credential()),
		e2eCredential('leegalityApi', leegality.credential()),
		e2eCredential('signatureApiApi', { ...signatureApi.credential(), webhookSecret }),
		e2eCredential('signNowApi', signNow.credential()),
	];
	return {
		lumin,
		leegality,
		signatureApi,
		signNow,
		credentials,
		webhookSecret,
		async stop() {
			for (const sim of [lumin, leegality, signatureApi, signNow]) await sim.stop();
		},
	};
}

interface Outcome {
	key: string;
	title: string;
	short: string;
	ok: boolean;
	facts: string;
	problems: string[];
}

async function runLine(line: Line, chosen: Scenario[]): Promise<Outcome[]> {
	const n8n = await N8n.create(line);
	const sims = await startSims();
	try {
		await n8n.importCredentials(sims.credentials);
		const workflows = chosen.flatMap((s) => s.workflows(sims));
		const imported = await n8n.importWorkflows(workflows, sims.credentials);
		const ids = new Map(workflows.map((w, i) => [w.name, imported[i]]));
		const ctx: Context = { line, n8n, sims, ids, server: () => n8n.start() };
		const outcomes: Outcome[] = [];
		for (const scenario of chosen) {
			const checks = new Checks();
			for (const sim of [sims.lumin, sims.leegality, sims.signatureApi, sims.signNow]) sim.clearLog();
			try {
				await scenario.run(ctx, checks);
			} catch (error) {
				checks.problems.push(`scenario crashed: ${error instanceof Error ? error.message : String(error)}`);
			}
			const outcome = { key: scenario.key, title: scenario.title, short: scenario.short, ok: checks.problems.length === 0, facts: checks.facts.join('; '), problems: checks.problems };
			console.log(`${outcome.ok ? '✓' : '✗'} [${line.id}.x] (${scenario.key}) ${scenario.title}`);
			for (const problem of outcome.problems) console.log(`    - ${problem}`);
			outcomes.push(outcome);
		}
		return outcomes;
	} finally {
		await sims.stop();
		await n8n.dispose();
	}
}

async function main() {
	const only = process.env.E2E_SCENARIOS?.split(',').map((s) => s.trim());
	const chosen = scenarios.filter((s) => !only || only.includes(s.key));
	const results = new Map<string, Outcome[]>();
	for (const line of selectedLines()) {
		console.log(`\n=== Fault scenarios in n8n ${line.n8nVersion} (line ${line.id}.x) ===\n`);
		try {
			results.set(line.id, await runLine(line, chosen));
		} catch (error) {
			console.error(`✗ [${line.id}.x] ${error instanceof Error ? error.stack : String(error)}`);
			results.set(line.id, chosen.map((s) => ({ key: s.key, title: s.title, short: s.short, ok: false, facts: 'not run', problems: ['the line did not start'] })));
		}
	}
	let passed = 0;
	let failed = 0;
	for (const [id, outcomes] of results) {
		console.log(`\nFault scenarios on n8n ${id}.x:`);
		console.table(Object.fromEntries(outcomes.map((o) => [`(${o.key}) ${o.short}`, { result: o.ok ? 'pass' : 'FAIL', observed: o.facts }])));
		for (const o of outcomes) (o.ok ? passed++ : failed++);
	}
	if (results.size > 1) {
		const [first, ...others] = [...results.values()];
		const differing = first.filter((o, i) => others.some((other) => other[i].ok !== o.ok || other[i].facts !== o.facts));
		for (const o of differing) {
			console.log(`✗ (${o.key}) differs between the lines:`);
			for (const [id, outcomes] of results) {
				const own = outcomes.find((x) => x.key === o.key)!;
				console.log(`    ${id}.x: ${own.ok ? 'pass' : 'FAIL'}: ${own.facts}`);
			}
		}
		if (differing.length) failed++;
		console.log(differing.length ? '\nThe lines do not behave the same.' : '\nBoth lines produced the same outcome in every scenario.');
	}
	console.log(`e2e:faults: ${passed} passed, ${failed} failed`);
	if (failed) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
