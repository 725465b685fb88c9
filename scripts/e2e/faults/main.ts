/**
 * `npm run e2e:faults`: fault scenarios (scenarios.ts) in a real n8n of each line. Every scenario
 * asserts on what the vendor simulator received and on what n8n produced, and reports an outcome
 * made only of facts that must not depend on the line; the outcomes of both lines are then
 * compared. E2E_LINES=1 or 2 runs one line; E2E_SCENARIOS=a,c runs some scenarios.
 */
import { Checks } from '../lib/checks';
import { interrupted, runMain } from '../lib/cleanup';
import { N8n } from '../lib/n8n';
import { perLine } from '../lib/per-line';
import type { Line } from '../lib/types';
import { type Context, type Scenario, scenarios, startScenarioSimulators } from './scenarios';

interface Outcome {
	key: string;
	title: string;
	short: string;
	ok: boolean;
	facts: string;
	problems: string[];
	seconds: number;
}

async function runLine(line: Line, chosen: Scenario[]): Promise<Outcome[]> {
	const n8n = await N8n.create(line);
	const sims = await startScenarioSimulators();
	try {
		await n8n.importCredentials(sims.credentials);
		const workflows = chosen.flatMap((s) => s.workflows(sims));
		const imported = await n8n.importWorkflows(workflows, sims.credentials);
		const ids = new Map(workflows.map((w, i) => [w.name, imported[i]]));
		const ctx: Context = { line, n8n, sims, ids, server: () => n8n.start() };
		const outcomes: Outcome[] = [];
		for (const scenario of chosen) {
			if (interrupted()) break;
			const checks = new Checks();
			const started = Date.now();
			for (const sim of sims.all) sim.clearLog();
			try {
				await scenario.run(ctx, checks);
			} catch (error) {
				checks.problems.push(
					`the scenario stopped: ${error instanceof Error ? error.message : String(error)}`,
				);
			}
			// Stopped by a signal: what it saw after its n8n and simulators were stopped says nothing.
			if (interrupted()) break;
			const seconds = (Date.now() - started) / 1000;
			const outcome = {
				key: scenario.key,
				title: scenario.title,
				short: scenario.short,
				ok: checks.ok,
				facts: checks.facts.join('; '),
				problems: checks.problems,
				seconds,
			};
			console.log(
				`${outcome.ok ? '✓' : '✗'} [${line.id}.x] (${scenario.key}) ${scenario.title} (${seconds.toFixed(1)} s)`,
			);
			for (const problem of outcome.problems) console.log(`    - ${problem}`);
			outcomes.push(outcome);
		}
		return outcomes;
	} finally {
		await sims.stop();
		await n8n.dispose();
	}
}

runMain('e2e:faults', async () => {
	const only = process.env.E2E_SCENARIOS?.split(',').map((s) => s.trim());
	const chosen = scenarios.filter((s) => !only || only.includes(s.key));
	const results = new Map(
		(
			await perLine(
				'Fault scenarios',
				(line) => runLine(line, chosen),
				() =>
					chosen.map(
						(s): Outcome => ({
							key: s.key,
							title: s.title,
							short: s.short,
							ok: false,
							facts: 'not run',
							problems: ['the line did not start'],
							seconds: 0,
						}),
					),
			)
		).map(({ line, result }) => [line.id, result]),
	);
	let passed = 0;
	let failed = 0;
	for (const [id, outcomes] of results) {
		console.log(`\nFault scenarios on n8n ${id}.x:`);
		console.table(
			Object.fromEntries(
				outcomes.map((o) => [
					`(${o.key}) ${o.short}`,
					{ result: o.ok ? 'pass' : 'FAIL', s: Number(o.seconds.toFixed(1)), observed: o.facts },
				]),
			),
		);
		for (const o of outcomes) o.ok ? passed++ : failed++;
	}
	if (results.size > 1) {
		const [first, ...others] = [...results.values()];
		const differing = first.filter((o, i) =>
			others.some((other) => other[i]?.ok !== o.ok || other[i]?.facts !== o.facts),
		);
		for (const o of differing) {
			console.log(`✗ (${o.key}) differs between the lines:`);
			for (const [id, outcomes] of results) {
				const own = outcomes.find((x) => x.key === o.key);
				console.log(
					`    ${id}.x: ${own ? `${own.ok ? 'pass' : 'FAIL'}: ${own.facts}` : 'not run'}`,
				);
			}
		}
		if (differing.length) failed++;
		console.log(
			differing.length
				? '\nThe lines do not behave the same.'
				: '\nBoth lines produced the same outcome in every scenario.',
		);
	}
	console.log(`e2e:faults: ${passed} passed, ${failed} failed`);
	return failed;
});
