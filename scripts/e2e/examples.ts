/**
 * `npm run e2e`: runs every example workflow (examples/*.json) in a real n8n of each line, with this
 * package installed as a community package, against the vendor simulators. It checks what the
 * engine tests cannot: that n8n loads the package from its tarball, resolves zod from its own
 * copy, decrypts imported credentials, applies authenticate/preAuthentication, and runs
 * n8n-nodes-base's Manual Trigger in front of our nodes. E2E_LINES=1 or 2 runs one line.
 *
 * `n8n execute` ends when the run has ended, so what a check reads (the printed run, the
 * simulators' logs) is complete when it reads it.
 */
import { interrupted, runMain } from './lib/cleanup';
import { N8n } from './lib/n8n';
import { perLine } from './lib/per-line';
import { prepareDemo, startDemoSimulators } from './lib/simulators';
import type { Line, Workflow } from './lib/types';
import { readExamples } from './lib/workflows';

interface ExampleOutcome {
	file: string;
	ok: boolean;
	summary: string;
}

async function runLine(
	line: Line,
	examples: Array<{ file: string; workflow: Workflow }>,
): Promise<ExampleOutcome[]> {
	const n8n = await N8n.create(line);
	const sims = await startDemoSimulators();
	try {
		await n8n.importCredentials(sims.credentials);
		const ids = await n8n.importWorkflows(
			examples.map((e) => e.workflow),
			sims.credentials,
		);
		const outcomes: ExampleOutcome[] = [];
		for (const [index, { file, workflow }] of examples.entries()) {
			await prepareDemo(sims.running, workflow);
			const result = await n8n.execute(ids[index]);
			if (interrupted()) break;
			let outcome: ExampleOutcome;
			if (!result.run) {
				outcome = { file, ok: false, summary: `no run output (${result.tail})` };
			} else {
				const last = workflow.nodes[workflow.nodes.length - 1].name;
				const items = result.items(last);
				const error = result.error;
				const link = Object.keys(result.run.data.resultData.runData)
					.flatMap((node) => result.items(node))
					.flatMap((json) => Object.entries(json))
					.find(
						([key, value]) =>
							/url|link/i.test(key) &&
							!/redirect/i.test(key) &&
							typeof value === 'string' &&
							value.startsWith('https://'),
					);
				outcome = {
					file,
					ok: !error && result.exitCode === 0 && items.length > 0,
					summary: error
						? `error: ${error.message}`
						: `${items.length} item(s) from "${last}"${link ? `; ${link[0]}: ${link[1]}` : ''}`,
				};
			}
			console.log(`${outcome.ok ? '✓' : '✗'} [${line.id}.x] ${outcome.file}: ${outcome.summary}`);
			outcomes.push(outcome);
		}
		return outcomes;
	} finally {
		await sims.stop();
		await n8n.dispose();
	}
}

runMain('e2e', async () => {
	const examples = readExamples();
	const results = await perLine(
		'Example workflows',
		(line) => runLine(line, examples),
		() => examples.map(({ file }): ExampleOutcome => ({ file, ok: false, summary: 'not run' })),
	);
	const summary = results.map(({ line, result, seconds }) => {
		const failed = result.filter((o) => !o.ok).length;
		return {
			line: `${line.id}.x`,
			n8n: line.n8nVersion,
			passed: result.length - failed,
			failed,
			seconds,
		};
	});
	console.log('\nExample workflows per n8n line:');
	console.table(summary);
	const failures = summary.reduce((sum, s) => sum + s.failed, 0);
	console.log(`e2e: ${summary.reduce((sum, s) => sum + s.passed, 0)} passed, ${failures} failed`);
	return failures;
});
