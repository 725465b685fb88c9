/**
 * `npm run e2e:stress`: shows that the editor and fault checks wait for what they read instead of
 * counting on a quiet machine. It keeps every core busy with other processes (one Debian
 * `stress-ng --cpu 1` per core, installed with apt-get when missing, or one busy Node process per
 * core if it cannot be installed), runs each step on each line under that load, and stops the load
 * at the end, when something fails, and on Ctrl-C. A table gives every run's result and time, the
 * load average around it, how busy the machine was and what share of its CPU the load took.
 *
 *   E2E_STRESS_RUNS=2            runs of each step per line under load (default 2)
 *   E2E_STRESS_STEPS=editor,faults   the steps (default both; also: examples, queue)
 *   E2E_STRESS_QUIET=1           first one run of each step per line without load, for comparison
 *   E2E_LINES=1|2, E2E_VENDORS=…  as for the steps themselves
 *
 * Each step's output is shown as it runs and kept under .tmp/e2e-stress/. A proof tool, not part
 * of CI: both steps on both lines, with E2E_STRESS_QUIET=1, take about 35 minutes on 2 cores.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from 'node:fs';
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
	/** How much of the machine's CPU time was used at all during the run, and by the load. */
	busy: string;
	byLoad: string;
	failures: string[];
}

interface Load {
	what: string;
	stop: () => Promise<void>;
	running: () => boolean;
	/** CPU seconds the load has used so far. */
	cpuSeconds: () => number;
}

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** CPU seconds used so far by the processes of these process groups (from /proc/<pid>/stat). */
function groupCpuSeconds(groups: number[]): number {
	let ticks = 0;
	for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// After "(name) ": state, ppid, pgrp, …, utime and stime at 12 and 13.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (groups.includes(Number(fields[2]))) ticks += Number(fields[11]) + Number(fields[12]);
		} catch {
			// the process has gone
		}
	}
	return ticks / TICKS;
}

/** The machine's CPU time so far, all and idle, in seconds (from /proc/stat). */
function machineCpu(): { total: number; idle: number } {
	const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
	const ticks = values.map(Number);
	return { total: ticks.reduce((a, b) => a + b, 0) / TICKS, idle: (ticks[3] + ticks[4]) / TICKS };
}

const percent = (part: number, whole: number) =>
	whole > 0 ? `${Math.round((100 * part) / whole)}%` : '-';

/** Keeps every core busy until stopped: stress-ng, or busy Node processes if it cannot be had. */
function startLoad(): Load {
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
	// One process per core, each in its own session (ManagedProcess starts them detached): Linux
	// shares the CPU between sessions first (autogroup), so one stress-ng with a worker per core
	// would weigh as much as one program, where each of these weighs as much as an n8n.
	const stressNg = which('stress-ng');
	const processes = Array.from({ length: cores }, (_, i) =>
		stressNg
			? ManagedProcess.spawn(
					`stress-ng ${i + 1}`,
					'stress-ng',
					['--cpu', '1', '--timeout', '0'],
					{},
					'SIGTERM',
					10_000,
				)
			: ManagedProcess.spawn(
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
		what: `${stressNg ? 'stress-ng --cpu 1' : 'a busy Node process'} ×${cores}, each its own session, on ${cores} cores`,
		stop,
		running: () => processes.every((p) => !p.exited),
		cpuSeconds: () => groupCpuSeconds(processes.map((p) => p.child.pid!)),
	};
}

/** One step on one line, its output shown and logged; the lines that report a failure are kept. */
async function runStep(
	step: string,
	line: string,
	load: Load | undefined,
	run: number,
): Promise<RunResult> {
	mkdirSync(LOG_DIR, { recursive: true });
	const logFile = join(LOG_DIR, `${step}-${line}x-${load ? 'busy' : 'quiet'}-${run}.log`);
	const log = createWriteStream(logFile);
	const before = loadavg()[0].toFixed(1);
	const cpuBefore = machineCpu();
	const loadBefore = load?.cpuSeconds() ?? 0;
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
	const cpuAfter = machineCpu();
	const cpuTotal = cpuAfter.total - cpuBefore.total;
	const busy = percent(cpuTotal - (cpuAfter.idle - cpuBefore.idle), cpuTotal);
	const byLoad = load ? percent(load.cpuSeconds() - loadBefore, cpuTotal) : '-';
	console.log(
		`\n--- ${step} on ${line}.x, ${load ? 'busy' : 'quiet'}, run ${run}: ${code === 0 ? 'pass' : `FAIL (exit ${code})`} in ${seconds} s (log: ${logFile.slice(root.length + 1)})\n`,
	);
	return {
		step,
		line: `${line}.x`,
		load: load ? 'busy' : 'quiet',
		run,
		ok: code === 0,
		seconds,
		loadavg: `${before} → ${loadavg()[0].toFixed(1)}`,
		busy,
		byLoad,
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
	const pass = async (load: Load | undefined, run: number) => {
		for (const step of steps)
			for (const line of lines)
				if (!interrupted()) results.push(await runStep(step, line, load, run));
	};
	if (process.env.E2E_STRESS_QUIET === '1') await pass(undefined, 1);
	const load = startLoad();
	console.log(`\nLoad: ${load.what}, started ${new Date().toISOString()}\n`);
	try {
		for (let run = 1; run <= runs && !interrupted(); run++) {
			if (!load.running()) throw new Error(`the load (${load.what}) stopped by itself`);
			await pass(load, run);
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
