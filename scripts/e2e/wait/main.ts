/**
 * `npm run e2e:wait`: Wait for Signature in a real n8n of each line, woken the way each vendor
 * wakes it: signNow's callbacks, and the signer's browser coming back from SignatureAPI's ceremony
 * and Umbrella's session. n8n runs behind an https front (SignatureAPI sends signers only to
 * https), first alone on SQLite (with a restart during a wait), then in queue mode (main and a
 * worker on PostgreSQL and Redis, which the run installs from Debian when missing). The
 * simulators play the vendor and the signer; production workflows start from a Webhook.
 * E2E_LINES=1 or 2 runs one line. Every step's time is printed.
 */
import { SignatureApiSimulator } from '../../../test/simulators/signatureapi';
import { SignNowSimulator } from '../../../test/simulators/signnow';
import { UmbrellaSimulator } from '../../../test/simulators/umbrella';
import { runMain } from '../lib/cleanup';
import { HttpsN8n } from '../lib/https-n8n';
import { N8n } from '../lib/n8n';
import { perLine } from '../lib/per-line';
import { e2eCredential, startSimulators } from '../lib/simulators';
import type { Line } from '../lib/types';
import { type QueueServices, startQueueServices } from '../queue/services';
import {
	type Lane,
	type Row,
	signatureApiReturn,
	signNowCallbacks,
	startLimitedWait,
	startWaitAcrossRestart,
	umbrellaReturn,
	type WaitSims,
} from './scenarios';
import { type WaitCase, waitWorkflows } from './workflows';

interface LineResult {
	rows: Row[];
	seconds: Record<string, number>;
}

async function prepareLane(n8n: N8n, sims: WaitSims) {
	const credentials = {
		signNow: e2eCredential('signNowApi', sims.signNow.credential()),
		signatureApi: e2eCredential('signatureApiApi', sims.signatureApi.credential()),
		umbrella: e2eCredential('umbrellaApi', sims.umbrella.credential()),
	};
	const workflows = waitWorkflows(credentials);
	await n8n.importCredentials(Object.values(credentials));
	const keys = Object.keys(workflows) as WaitCase[];
	const ids = await n8n.importWorkflows(
		keys.map((k) => workflows[k]),
		Object.values(credentials),
	);
	return {
		workflows,
		ids: Object.fromEntries(keys.map((k, n) => [k, ids[n]])) as Record<WaitCase, string>,
	};
}

async function activateAll(lane: Lane): Promise<void> {
	for (const id of Object.values(lane.ids)) {
		const answer = await lane.front.server.activate(id);
		if (answer.status !== 200)
			throw new Error(`activating ${id} answered ${answer.status}: ${answer.message}`);
	}
	for (const workflow of Object.values(lane.workflows)) {
		const webhook = workflow.nodes.find((n) => n.name === 'Webhook')!;
		await lane.front.server.waitForWebhook(
			`${lane.front.server.baseUrl}/webhook/${String(webhook.parameters.path)}`,
		);
	}
}

function report(lane: Lane, result: Omit<Row, 'line' | 'mode'>): Row {
	const row = { line: `${lane.line.id}.x`, mode: lane.mode, ...result };
	console.log(`${row.ok ? '✓' : '✗'} [${row.line} ${row.mode}] ${row.scenario}: ${row.seen}`);
	return row;
}

/** n8n alone: every scenario, and a restart during a wait. */
async function alone(line: Line, sims: WaitSims): Promise<Row[]> {
	const n8n = await N8n.create(line);
	try {
		const prepared = await prepareLane(n8n, sims);
		const front = await HttpsN8n.start(n8n);
		const lane: Lane = { line, mode: 'one n8n', front, sims, ...prepared };
		await activateAll(lane);
		const rows: Row[] = [];
		// Started first: n8n's timer looks for due waits about once a minute.
		const limited = await startLimitedWait(lane);
		rows.push(report(lane, await signNowCallbacks(lane, true)));
		rows.push(report(lane, await signatureApiReturn(lane)));
		rows.push(report(lane, await umbrellaReturn(lane)));
		const acrossRestart = await startWaitAcrossRestart(lane);
		await front.restart();
		rows.push(report(lane, await acrossRestart.check()));
		// A restarted n8n resumes waits whose limit has passed at once.
		rows.push(report(lane, await limited.check()));
		return rows;
	} finally {
		await n8n.dispose();
	}
}

/** Queue mode: main receives the calls, a worker runs the executions before and after the wait. */
async function queued(line: Line, sims: WaitSims, services: QueueServices): Promise<Row[]> {
	const env = {
		...services.queueMode(`wait_${line.id}_${Date.now()}`),
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		QUEUE_WORKER_TIMEOUT: '10',
	};
	const n8n = await N8n.create(line, { env });
	try {
		const prepared = await prepareLane(n8n, sims);
		const front = await HttpsN8n.start(n8n);
		// The worker computes the resume URL the node hands out: it needs the same public address.
		const worker = await n8n.startWorker(HttpsN8n.webhookEnv(front.proxy), 5);
		const lane: Lane = { line, mode: 'queue', front, sims, worker, ...prepared };
		await activateAll(lane);
		const limited = await startLimitedWait(lane);
		const rows = [
			report(lane, await signNowCallbacks(lane, false)),
			report(lane, await signatureApiReturn(lane)),
			report(lane, await umbrellaReturn(lane)),
		];
		rows.push(report(lane, await limited.check()));
		return rows;
	} finally {
		await n8n.dispose();
	}
}

async function runLine(line: Line, services: QueueServices): Promise<LineResult> {
	const sims = await startSimulators({
		signNow: () => new SignNowSimulator(),
		signatureApi: () => new SignatureApiSimulator(),
		umbrella: () => new UmbrellaSimulator(),
	});
	const seconds: Record<string, number> = {};
	const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
		const started = Date.now();
		try {
			return await run();
		} finally {
			seconds[name] = Math.round((Date.now() - started) / 1000);
		}
	};
	try {
		const rows = [
			...(await timed('one n8n', () => alone(line, sims))),
			...(await timed('queue', () => queued(line, sims, services))),
		];
		return { rows, seconds };
	} finally {
		await sims.stop();
	}
}

runMain('e2e:wait', async () => {
	const started = Date.now();
	const services = await startQueueServices();
	try {
		const results = await perLine(
			'Wait for Signature',
			(line) => runLine(line, services),
			(error): LineResult => ({
				rows: [{ line: '?', mode: '?', scenario: 'the run', ok: false, seen: String(error) }],
				seconds: {},
			}),
		);
		console.log('\nWait for Signature per n8n line:');
		console.table(
			results.map(({ line, result, seconds }) => ({
				line: `${line.id}.x`,
				n8n: line.n8nVersion,
				passed: result.rows.filter((r) => r.ok).length,
				failed: result.rows.filter((r) => !r.ok).length,
				'one n8n s': result.seconds['one n8n'],
				'queue s': result.seconds.queue,
				seconds,
			})),
		);
		const failed = results.flatMap((r) => r.result.rows).filter((r) => !r.ok).length;
		console.log(
			`e2e:wait: ${failed} failed, ${Math.round((Date.now() - started) / 1000)} s in all`,
		);
		return failed;
	} finally {
		await services.stop();
	}
});
