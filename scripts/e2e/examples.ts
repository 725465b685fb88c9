/**
 * `npm run e2e`: runs every example workflow (examples/*.json) in a real n8n of each line, with this
 * package installed as a community package, against the vendor simulators. It checks what the
 * engine tests cannot: that n8n loads the package from its tarball, resolves zod from its own
 * copy, decrypts imported credentials, applies authenticate/preAuthentication, and runs
 * n8n-nodes-base's Manual Trigger in front of our nodes. E2E_LINES=1 or 2 runs one line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type Line, N8n, root, selectedLines, type Workflow } from './n8n';
import { startDemoSimulators } from './simulators';

interface ExampleOutcome {
	file: string;
	ok: boolean;
	summary: string;
}

async function runLine(line: Line, files: string[]): Promise<ExampleOutcome[]> {
	const n8n = await N8n.create(line);
	const sims = await startDemoSimulators();
	try {
		const workflows = files.map((file) => JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')) as Workflow);
		await n8n.importCredentials(sims.credentials);
		const ids = await n8n.importWorkflows(workflows, sims.credentials);
		const outcomes: ExampleOutcome[] = [];
		for (const [index, workflow] of workflows.entries()) {
			for (const sim of sims.running) await sim.prepare?.(workflow as never);
			const result = await n8n.execute(ids[index]);
			let outcome: ExampleOutcome;
			if (!result.run) {
				outcome = { file: files[index], ok: false, summary: `no run output (${result.tail})` };
			} else {
				const last = workflow.nodes[workflow.nodes.length - 1].name;
				const items = result.items(last);
				const error = result.error;
				const link = Object.keys(result.run.data.resultData.runData)
					.flatMap((node) => result.items(node))
					.flatMap((json) => Object.entries(json))
					.find(([key, value]) => /url|link/i.test(key) && !/redirect/i.test(key) && typeof value === 'string' && value.startsWith('https://'));
				outcome = {
					file: files[index],
					ok: !error && result.exitCode === 0 && items.length > 0,
					summary: error ? `error: ${error.message}` : `${items.length} item(s) from "${last}"${link ? `; ${link[0]}: ${link[1]}` : ''}`,
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

async function main() {
	const files = readdirSync(join(root, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.sort();
	const summary: Array<{ line: string; n8n: string; passed: number; failed: number; seconds: number }> = [];
	let failures = 0;
	for (const line of selectedLines()) {
		console.log(`\n=== Example workflows in n8n ${line.n8nVersion} (line ${line.id}.x) ===\n`);
		const started = Date.now();
		let outcomes: ExampleOutcome[];
		try {
			outcomes = await runLine(line, files);
		} catch (error) {
			console.error(`✗ [${line.id}.x] ${error instanceof Error ? error.message : String(error)}`);
			outcomes = files.map((file) => ({ file, ok: false, summary: 'not run' }));
		}
		const failed = outcomes.filter((o) => !o.ok).length;
		failures += failed;
		console.log(`\nn8n ${line.n8nVersion}: ${outcomes.length - failed} of ${outcomes.length} example workflows ran`);
		summary.push({ line: `${line.id}.x`, n8n: line.n8nVersion, passed: outcomes.length - failed, failed, seconds: Math.round((Date.now() - started) / 1000) });
	}
	console.log('\nExample workflows per n8n line:');
	console.table(summary);
	const passed = summary.reduce((sum, s) => sum + s.passed, 0);
	console.log(`e2e: ${passed} passed, ${failures} failed`);
	if (failures) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
