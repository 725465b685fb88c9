/**
 * `npm run e2e:stress`: shows that the editor and fault checks wait for what they read instead of
 * counting on a quiet machine. It keeps every core busy with another process (Debian's
 * `stress-ng --cpu <cores>`, installed with apt-get when missing, or one busy Node process per core
 * if it cannot be installed), runs each step on each line under that load, and stops the load at
 * the end, when something fails, and on Ctrl-C. A table gives every run's result and time, and
 * the load average around it.
 *
 *   E2E_STRESS_RUNS=2            runs of each step per line under load (default 2)
 *   E2E_STRESS_STEPS=editor,faults   the steps (default both; also: examples, queue)
 *   E2E_STRESS_QUIET=1           first one run of each step per line without load, for comparison
 *   E2E_LINES=1|2, E2E_VENDORS=…  as for the steps themselves
 *
 * Each step's output is shown as it runs and kept under .tmp/e2e-stress/. A proof tool, not part
 * of CI: it takes about an hour for both steps on both lines.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

import { interrupted, onCleanup, runMain } from './lib/cleanup';
import { aptInstall, which } from './lib/debian';
import { root, selectedLines } from './lib/installs';
import { ManagedProcess } from './lib/process';

/** The scripts behind `npm run e2e`, `e2e:faults`, `e2e:queue` and `e2e:editor`, after one build. */
const STEPS: Record<string, string> = {
	examples: 'scripts/e2e/examples.ts',
	faults: 'scripts/e2e/faults/main.ts',
	queue: 'scripts/e2e/queue/main.ts',
	editor: 'scripts/e2e/editor/main.ts',
};
const LOG_DIR = join(root, '.tmp', 'e2e-stress');

interface RunResult {
	step: string;
	line: string;
	load: 'quiet' | 'busy';
	run: number;
	ok: boolean;
	seconds: number;
	/** Load average (1 min) when the run started and ended. */
	loadavg: string;
	failures: string[];
}

/** Keeps every core busy until stopped: stress-ng, or busy Node processes if it cannot be had. */
function startLoad(): { what: string; stop: () => Promise<void>; running: () => boolean } {
	const cores = availableParallelism();
	if (!which('stress-ng')) {
		try {
			aptInstall(['stress-ng']);
		} catch (error) {
			console.log(
				`stress-ng could not be installed (${error instanceof Error ? error.message : String(error)}); busy Node processes instead`,
			);
		}
	}
	const processes = which('stress-ng')
		? [
				ManagedProcess.spawn(
					'stress-ng',
					'stress-ng',
					['--cpu', String(cores), '--timeout', '0'],
					{},
					'SIGTERM',
					10_000,
				),
			]
		: Array.from({ length: cores }, (_, i) =>
				ManagedProcess.spawn(
					`busy node ${i + 1}`,
					process.execPath,
					['-e', 'for (;;) {}'],
					{},
					'SIGKILL',
					1000,
				),
			);
	const stop = onCleanup(async () => {
		await Promise.all(processes.map((p) => p.stop()));
	});
	return {
		what: `${processes[0].name}${processes.length > 1 ? ` ×${processes.length}` : ` --cpu ${cores}`} on ${cores} cores`,
		stop,
		running: () => processes.every((p) => !p.exited),
	};
}

/** One step on one line, its output shown and logged; the lines that report a failure are kept. */
async function runStep(
	step: string,
	line: string,
	load: RunResult['load'],
	run: number,
): Promise<RunResult> {
	mkdirSync(LOG_DIR, { recursive: true });
	const logFile = join(LOG_DIR, `${step}-${line}x-${load}-${run}.log`);
	const log = createWriteStream(logFile);
	const before = loadavg()[0].toFixed(1);
	const started = Date.now();
	const child = ManagedProcess.spawn(
		`e2e ${step}`,
		join(root, 'node_modules', '.bin', 'ts-node'),
		['--transpile-only', '-P', 'tsconfig.test.json', STEPS[step]],
		{ cwd: root, env: { ...process.env, E2E_LINES: line } },
		'SIGTERM',
		60_000,
	);
	const stop = onCleanup(() => child.stop());
	const failures: string[] = [];
	let pending = '';
	child.onOutput((text) => {
		process.stdout.write(text);
		log.write(text);
		const lines = (pending + text).split('\n');
		pending = lines.pop() ?? '';
		failures.push(...lines.filter((l) => l.startsWith('✗')));
	});
	const code = await new Promise<number>((resolve) =>
		child.child.on('close', (c) => resolve(c ?? 1)),
	);
	await stop();
	log.end();
	const seconds = Math.round((Date.now() - started) / 1000);
	console.log(
		`\n--- ${step} on ${line}.x, ${load}, run ${run}: ${code === 0 ? 'pass' : `FAIL (exit ${code})`} in ${seconds} s (log: ${logFile.slice(root.length + 1)})\n`,
	);
	return {
		step,
		line: `${line}.x`,
		load,
		run,
		ok: code === 0,
		seconds,
		loadavg: `${before} → ${loadavg()[0].toFixed(1)}`,
		failures,
	};
}

runMain('e2e:stress', async () => {
	const runs = Number(process.env.E2E_STRESS_RUNS ?? 2);
	const steps = (process.env.E2E_STRESS_STEPS ?? 'editor,faults').split(',').map((s) => s.trim());
	const unknown = steps.filter((s) => !STEPS[s]);
	if (unknown.length)
		throw new Error(`Unknown step(s) ${unknown.join(', ')}: use ${Object.keys(STEPS).join(', ')}`);
	const lines = selectedLines().map((l) => l.id);
	console.log('Building the package once for every run…');
	execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

	const results: RunResult[] = [];
	const pass = async (load: RunResult['load'], run: number) => {
		for (const step of steps)
			for (const line of lines)
				if (!interrupted()) results.push(await runStep(step, line, load, run));
	};
	if (process.env.E2E_STRESS_QUIET === '1') await pass('quiet', 1);
	const load = startLoad();
	console.log(`\nLoad: ${load.what}, started ${new Date().toISOString()}\n`);
	try {
		for (let run = 1; run <= runs && !interrupted(); run++) {
			if (!load.running()) throw new Error(`the load (${load.what}) stopped by itself`);
			await pass('busy', run);
		}
	} finally {
		await load.stop();
	}

	console.log(
		`\ne2e:stress: ${steps.join(' and ')} on n8n ${lines.map((l) => `${l}.x`).join(' and ')}, ${runs} run(s) each under load (${load.what})`,
	);
	console.table(
		results.map(({ failures, ok, ...r }) => ({
			...r,
			result: ok ? 'pass' : 'FAIL',
			failures: failures.length,
		})),
	);
	for (const r of results.filter((x) => !x.ok)) {
		console.log(`✗ ${r.step} on ${r.line} (${r.load}, run ${r.run}):`);
		for (const f of r.failures.slice(0, 20)) console.log(`    ${f}`);
	}
	const summary = new Map<string, { runs: number; passes: number; seconds: number[] }>();
	for (const r of results) {
		const key = `${r.step} ${r.line} ${r.load}`;
		const entry = summary.get(key) ?? { runs: 0, passes: 0, seconds: [] };
		entry.runs++;
		if (r.ok) entry.passes++;
		entry.seconds.push(r.seconds);
		summary.set(key, entry);
	}
	console.log('\nPer step, line and load:');
	console.table(
		Object.fromEntries(
			[...summary].map(([key, e]) => [
				key,
				{ runs: e.runs, passes: e.passes, 'seconds per run': e.seconds.join(', ') },
			]),
		),
	);
	return results.filter((r) => !r.ok).length;
});
