/**
 * `npm run e2e:polling`: the three polling triggers (SignatureAPI, signNow, Leegality) in a real
 * n8n of each line, first on its own (SQLite, runs on main) and then in queue mode (PostgreSQL,
 * Redis, polls on main and runs on an `n8n worker`). In each mode:
 *
 * 1. the three workflows are activated and poll every 2 s (Poll Times: "every minute at second S");
 * 2. changes are made in the simulators, and each vendor's next list request fails (SignatureAPI
 *    and signNow answer 429 with a Retry-After beyond what a poll waits, Leegality status 0): every
 *    change must start exactly one run, the failed poll one failed execution in the vendor's words;
 * 3. n8n is stopped, more changes are made, n8n is started again: each of those starts one run,
 *    and none of the earlier ones a second.
 * "Exactly one" is checked after two more polls of every trigger have happened. Each run's item is
 * read back and must be the change it was started for; in queue mode each ran on the worker.
 * E2E_LINES=1 or 2 runs one line.
 */
import { LeegalitySimulator } from '../../../test/simulators/leegality';
import { SignatureApiSimulator } from '../../../test/simulators/signatureapi';
import { SignNowSimulator } from '../../../test/simulators/signnow';
import { Checks } from '../lib/checks';
import { runMain } from '../lib/cleanup';
import { N8n } from '../lib/n8n';
import type { N8nServer } from '../lib/n8n-server';
import { perLine } from '../lib/per-line';
import { startSimulators } from '../lib/simulators';
import type { ExecutionSummary, Line } from '../lib/types';
import { type QueueServices, startQueueServices } from '../queue/services';
import {
	leegalityLane,
	type PollLane,
	POLL_SECONDS,
	signatureApiLane,
	signNowLane,
	TRIGGER_NODE,
} from './lanes';

/** A wait that includes n8n's own scheduling on a busy 2-core machine. */
const TIMEOUT = 90_000;

interface Row {
	line: string;
	mode: string;
	ok: boolean;
	runs: string;
	failedPolls: string;
	seconds: number;
	problems: string[];
}

/** Polls a trigger made since `from`: its list requests, those less than 1 s apart counted as one poll. */
function pollsSince(lane: PollLane, from: number): number {
	let polls = 0;
	let last = -Infinity;
	for (const { at } of lane.listRequests()) {
		if (at <= from) continue;
		if (at - last > 1000) polls++;
		last = at;
	}
	return polls;
}

interface Tally {
	success: ExecutionSummary[];
	failed: ExecutionSummary[];
	running: number;
}

async function tally(server: N8nServer, workflowId: string): Promise<Tally> {
	const list = await server.executions(workflowId);
	return {
		success: list.filter((e) => e.status === 'success'),
		failed: list.filter((e) => e.status === 'error'),
		running: list.filter((e) => ['new', 'running', 'waiting'].includes(e.status)).length,
	};
}

class PollingRun {
	readonly checks = new Checks();
	/** Per lane: the key of every run its changes must start. */
	readonly expected: string[][];

	constructor(
		readonly lanes: PollLane[],
		readonly ids: string[],
	) {
		this.expected = lanes.map(() => []);
	}

	change() {
		this.lanes.forEach((lane, i) => this.expected[i].push(...lane.change()));
	}

	/** Every trigger polled twice since now: its cursor is set, or a duplicate would have shown. */
	async twoPolls(what: string) {
		const from = Date.now();
		await this.checks.until(() => this.lanes.map((lane) => pollsSince(lane, from)), {
			what: `two polls of every trigger ${what}`,
			until: (counts) => counts.every((n) => n >= 2),
			timeoutMs: TIMEOUT,
		});
	}

	/** Waits until every workflow has its expected runs and failed polls, none still running. */
	async runsStarted(server: N8nServer, failedPolls: number, what: string) {
		for (const [i, lane] of this.lanes.entries()) {
			await this.checks.until(() => tally(server, this.ids[i]), {
				what: `${lane.vendor}: ${this.expected[i].length} runs and ${failedPolls} failed poll(s) ${what}`,
				until: (t) =>
					t.success.length >= this.expected[i].length &&
					t.failed.length >= failedPolls &&
					t.running === 0,
				show: (t) => `${t.success.length} runs, ${t.failed.length} failed, ${t.running} running`,
				timeoutMs: TIMEOUT,
			});
		}
	}

	/** After two more polls: exactly the expected runs, each for its own change, and the failed polls in the vendor's words. */
	async exactly(server: N8nServer, failedPolls: number, words: RegExp[], what: string) {
		await this.twoPolls(`after the runs ${what}`);
		const tallies: Tally[] = [];
		for (const [i, lane] of this.lanes.entries()) {
			const t = await tally(server, this.ids[i]);
			tallies.push(t);
			this.checks.expect(
				t.success.length === this.expected[i].length,
				`${lane.vendor}: ${t.success.length} runs ${what}, expected exactly ${this.expected[i].length}`,
			);
			this.checks.expect(
				t.failed.length === failedPolls,
				`${lane.vendor}: ${t.failed.length} failed polls ${what}, expected ${failedPolls}`,
			);
			const keys: string[] = [];
			for (const execution of t.success) {
				const run = await server.executionRun(execution.id);
				const items = run.resultData.runData[TRIGGER_NODE]?.[0]?.data?.main?.[0] ?? [];
				this.checks.expect(
					items.length === 1,
					`${lane.vendor}: run ${execution.id} has ${items.length} items, not 1`,
				);
				keys.push(...items.map((item) => lane.keyOf(item.json)));
			}
			const want = [...this.expected[i]].sort().join(', ');
			this.checks.expect(
				keys.sort().join(', ') === want,
				`${lane.vendor}: the runs ${what} were for ${keys.join(', ')}, expected ${want}`,
			);
			for (const execution of t.failed) {
				const run = await server.executionRun(execution.id);
				const message =
					run.resultData.error?.message ??
					run.resultData.runData[TRIGGER_NODE]?.[0]?.error?.message ??
					'';
				this.checks.expect(
					words[i].test(message),
					`${lane.vendor}: the failed poll says "${message}", expected ${words[i]}`,
				);
			}
		}
		return tallies;
	}
}

/**
 * Each lane's credential and workflow, created as the editor creates them (through the REST API
 * of the started server: quicker than two more CLI runs per mode); their workflow IDs.
 */
async function createWorkflows(server: N8nServer, lanes: PollLane[]): Promise<string[]> {
	const ids: string[] = [];
	for (const lane of lanes) {
		const { type, name, data } = lane.credential;
		const credential = (await server.rest('POST', '/credentials', { name, type, data })).body.data;
		const nodes = lane.workflow.nodes.map((node) => ({
			...node,
			credentials: { [type]: { id: String(credential.id), name } },
		}));
		const workflow = (
			await server.rest('POST', '/workflows', { ...lane.workflow, nodes, active: false })
		).body.data;
		ids.push(String(workflow.id));
	}
	return ids;
}

/** What each vendor's refused poll must say: its own code and words. */
const REFUSED = [
	/^SignatureAPI \[too-many-requests\]: Too Many Requests: Rate limit exceeded/,
	/^signNow \[429\]: Too many requests/,
	/^Leegality \[too\.many\.requests\]: Too many requests/,
];

async function runMode(
	line: Line,
	mode: 'regular' | 'queue',
	env: Record<string, string>,
): Promise<Row> {
	const started = Date.now();
	const sims = await startSimulators({
		signatureApi: () => new SignatureApiSimulator(),
		signNow: () => new SignNowSimulator(),
		leegality: () => new LeegalitySimulator(),
	});
	const lanes = [
		signatureApiLane(sims.signatureApi),
		signNowLane(sims.signNow),
		leegalityLane(sims.leegality),
	];
	const n8n = await N8n.create(line, { env: { N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5', ...env } });
	let run: PollingRun | undefined;
	const say = (text: string) =>
		console.log(`[${line.id}.x ${mode}, ${Math.round((Date.now() - started) / 1000)} s] ${text}`);
	try {
		let server = await n8n.start();
		say('n8n started');
		const ids = await createWorkflows(server, lanes);
		run = new PollingRun(lanes, ids);
		const { checks } = run;
		// The worker starts while the triggers activate: runs wait in Redis until it takes them.
		const workerStarting = mode === 'queue' ? n8n.startWorker() : undefined;
		for (const [i, lane] of lanes.entries()) {
			const answer = await server.activate(ids[i]);
			checks.expect(
				answer.status === 200,
				`${lane.vendor}: activation answered ${answer.status}: ${answer.message}`,
			);
		}
		await run.twoPolls('after activation');
		say(`active and polling every ${POLL_SECONDS} s`);
		const worker = await workerStarting;
		if (worker) say('worker started');

		// Changes, and each trigger's next poll refused by the vendor.
		run.change();
		for (const lane of lanes) lane.refuseNextPoll();
		await run.runsStarted(server, 1, 'after the changes and a refused poll');
		await run.exactly(server, 1, REFUSED, 'after the changes and a refused poll');
		say('changes and refused polls checked');

		// n8n restarts; what changed meanwhile comes once, what came before does not come again.
		await n8n.stopServer();
		say('n8n stopped');
		run.change();
		server = await n8n.start();
		say('n8n started again');
		await run.runsStarted(server, 1, 'after the restart');
		const tallies = await run.exactly(server, 1, REFUSED, 'after the restart');
		if (worker) {
			const onMain = tallies
				.flatMap((t) => t.success)
				.filter((e) => !worker.executionIds.has(e.id));
			checks.expect(
				onMain.length === 0,
				`runs not taken by the worker: ${onMain.map((e) => e.id).join(', ')}`,
			);
		}
		say('restart checked');
		return row(line, mode, started, run, tallies);
	} catch (error) {
		run?.checks.problems.push(error instanceof Error ? error.message : String(error));
		return row(line, mode, started, run);
	} finally {
		await n8n.dispose();
		await sims.stop();
	}
}

function row(line: Line, mode: string, started: number, run?: PollingRun, tallies?: Tally[]): Row {
	const problems = run?.checks.problems ?? ['the run did not start'];
	return {
		line: `${line.id}.x`,
		mode,
		ok: problems.length === 0,
		runs: run
			? run.lanes
					.map(
						(lane, i) =>
							`${lane.vendor} ${tallies?.[i]?.success.length ?? '?'}/${run.expected[i].length}`,
					)
					.join(', ')
			: '',
		failedPolls: tallies ? tallies.map((t) => t.failed.length).join('/') : '',
		seconds: Math.round((Date.now() - started) / 1000),
		problems,
	};
}

function queueEnv(line: Line, services: QueueServices): Record<string, string> {
	return { ...services.queueMode(`polling_${line.id}_${Date.now()}`), QUEUE_WORKER_TIMEOUT: '5' };
}

runMain('e2e:polling', async () => {
	const started = Date.now();
	const services = await startQueueServices();
	let rows: Row[] = [];
	try {
		const lines = await perLine(
			'Polling triggers, on their own and in queue mode',
			async (line) => [
				await runMode(line, 'regular', {}),
				await runMode(line, 'queue', queueEnv(line, services)),
			],
			(error): Row[] => [
				{
					line: '?',
					mode: 'both',
					ok: false,
					runs: '',
					failedPolls: '',
					seconds: 0,
					problems: [String(error)],
				},
			],
		);
		rows = lines.flatMap(({ result }) => result);
	} finally {
		await services.stop();
	}
	console.log('\nPolling triggers, runs per vendor (got/expected) and failed polls:');
	console.table(
		rows.map(({ problems: _problems, ok, ...r }) => ({ result: ok ? 'pass' : 'FAIL', ...r })),
	);
	for (const r of rows) for (const p of r.problems) console.error(`✗ [${r.line} ${r.mode}] ${p}`);
	const failed = rows.filter((r) => !r.ok).length;
	console.log(
		`e2e:polling: ${rows.length - failed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`,
	);
	return failed;
});
