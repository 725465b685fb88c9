/**
 * Runs every workflow in examples/ through n8n's engine (n8n-core WorkflowExecute) against the
 * built-in vendor simulators and prints what each node produced. No vendor account is needed.
 */
import '../test/harness/env';

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CredentialStore } from '../test/harness/credentials';
import type { WorkflowJson } from '../test/harness/run';
import { startWaitingRun, stopWaitingServer } from '../test/harness/waiting';
import type { DemoRunning, DemoSetup } from '../test/simulators/demo-setup';

const root = join(__dirname, '..');
const simulatorsDir = join(root, 'test', 'simulators');

/** Fields worth showing first: the links a person opens, and statuses. */
const HIGHLIGHT = /(url|link|status|code|id|expires|error)/i;

function summarise(json: Record<string, unknown>): string {
	const entries = Object.entries(json).filter(([, v]) => v !== undefined && typeof v !== 'object');
	entries.sort(([a], [b]) => Number(HIGHLIGHT.test(b)) - Number(HIGHLIGHT.test(a)));
	return entries
		.slice(0, 8)
		.map(([k, v]) => `      ${k}: ${String(v)}`)
		.join('\n');
}

async function main() {
	const setups: DemoSetup[] = readdirSync(simulatorsDir)
		.filter((f) => f.endsWith('.demo.ts'))
		.sort()
		.map((f) => (require(join(simulatorsDir, f)) as { demo: DemoSetup }).demo);
	const examples = readdirSync(join(root, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.sort();
	const running = new Map<DemoSetup, DemoRunning>();
	let failures = 0;
	try {
		for (const file of examples) {
			const workflow = JSON.parse(
				readFileSync(join(root, 'examples', file), 'utf8'),
			) as WorkflowJson;
			const types = new Set(workflow.nodes.flatMap((n) => Object.keys(n.credentials ?? {})));
			const credentials: CredentialStore = new CredentialStore();
			for (const setup of setups.filter((s) => s.credentialTypes.some((t) => types.has(t)))) {
				if (!running.has(setup)) running.set(setup, await setup.start());
				const sim = running.get(setup)!;
				for (const [type, data] of Object.entries(sim.credentials)) credentials.set(type, data);
				await sim.prepare?.(workflow);
			}
			console.log(`\n▶ ${workflow.name ?? file}  (examples/${file})`);
			const run = await startWaitingRun(workflow, { store: credentials });
			if (run.status === 'waiting') {
				// Wait for Signature: the simulator plays the signer, and tells n8n as the vendor would.
				console.log('  … waiting for the signature; the simulated signer signs');
				for (const setup of setups) await running.get(setup)?.sign?.();
			}
			const result = await Promise.race([
				run.finished,
				new Promise<never>((_, reject) =>
					setTimeout(() => reject(new Error('the execution did not go on within 60 s')), 60_000),
				),
			]);
			for (const node of workflow.nodes) {
				const items = result.outputs[node.name];
				if (!items || node.type.endsWith('manualTrigger')) continue;
				console.log(`  ${node.name}: ${items.length} item(s)`);
				items.slice(0, 3).forEach((item) => {
					console.log(summarise(item.json));
					for (const [key, bin] of Object.entries(item.binary ?? {})) {
						console.log(`      binary.${key}: ${bin.fileName} (${bin.mimeType}, ${bin.fileSize})`);
					}
				});
			}
			if (result.error) {
				failures++;
				console.log(`  ✗ failed: ${result.error.message}`);
			} else {
				console.log('  ✓ finished');
			}
		}
	} finally {
		for (const sim of running.values()) await sim.stop();
		await stopWaitingServer();
	}
	console.log(
		`\ndemo: ${examples.length - failures} of ${examples.length} example workflows finished`,
	);
	if (failures) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
