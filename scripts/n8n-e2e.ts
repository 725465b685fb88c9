/**
 * Runs every example workflow in a real n8n (the CLI of the version in e2e/package.json) with
 * this package installed as a community package, against the vendor simulators. It checks what
 * the unit harness cannot: that n8n loads the package, resolves zod from its own copy, decrypts
 * imported credentials, applies authenticate/preAuthentication, and runs n8n-nodes-base's Manual
 * Trigger in front of our nodes.
 */
import '../test/harness/env';

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { WorkflowJson } from '../test/harness/run';
import type { DemoRunning, DemoSetup } from '../test/simulators/demo-setup';

const root = join(__dirname, '..');
const n8nBin = process.env.N8N_BIN ?? join(root, 'e2e', 'node_modules', '.bin', 'n8n');
const userFolder = mkdtempSync(join(tmpdir(), 'n8n-esign-e2e-'));
const env = {
	...process.env,
	N8N_USER_FOLDER: userFolder,
	N8N_ENCRYPTION_KEY: 'n8n-nodes-esign-e2e-key',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
	// The default expression engine needs the native isolated-vm module, which does not build on Node 20.
	N8N_EXPRESSION_ENGINE: 'legacy',
	N8N_LOG_OUTPUT: 'console',
	N8N_LOG_LEVEL: 'info',
	N8N_LOG_FILE_LOCATION: join(userFolder, 'n8n.log'),
};

/** Runs the n8n CLI without blocking this process, whose simulators must keep answering. */
function n8n(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(n8nBin, args, { env, cwd: userFolder });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
	});
}

/** The run JSON `n8n execute --rawOutput` prints after its log lines. */
function runJson(stdout: string): any {
	const start = stdout.indexOf('{\n');
	return JSON.parse(stdout.slice(start === -1 ? stdout.indexOf('{') : start));
}

function installPackage() {
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-esign');
	mkdirSync(target, { recursive: true });
	cpSync(join(root, 'dist'), join(target, 'dist'), { recursive: true });
	cpSync(join(root, 'package.json'), join(target, 'package.json'));
}

async function main() {
	if (!existsSync(n8nBin)) throw new Error(`n8n not found at ${n8nBin}: run npm run e2e:install first`);
	installPackage();
	const simulatorsDir = join(root, 'test', 'simulators');
	const setups: DemoSetup[] = readdirSync(simulatorsDir)
		.filter((f) => f.endsWith('.demo.ts'))
		.sort()
		.map((f) => (require(join(simulatorsDir, f)) as { demo: DemoSetup }).demo);
	const running: DemoRunning[] = [];
	let failures = 0;
	try {
		const credentials: Array<{ id: string; name: string; type: string; data: unknown }> = [];
		for (const setup of setups) {
			const sim = await setup.start();
			running.push(sim);
			for (const [type, data] of Object.entries(sim.credentials)) {
				credentials.push({ id: `e2e${type}`.slice(0, 16), name: `${type} (simulator)`, type, data });
			}
		}
		writeFileSync(join(userFolder, 'credentials.json'), JSON.stringify(credentials));
		const imported = await n8n(['import:credentials', `--input=${join(userFolder, 'credentials.json')}`]);
		if (imported.code !== 0) throw new Error(`import:credentials failed: ${imported.stdout}${imported.stderr}`);

		const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json')).sort();
		for (const [index, file] of examples.entries()) {
			const workflow = JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')) as WorkflowJson & Record<string, unknown>;
			for (const sim of running) await sim.prepare?.(workflow);
			const id = `e2eWorkflow${String(index).padStart(5, '0')}`;
			for (const node of workflow.nodes) {
				for (const type of Object.keys(node.credentials ?? {})) {
					const credential = credentials.find((c) => c.type === type)!;
					node.credentials![type] = { id: credential.id, name: credential.name };
				}
			}
			const path = join(userFolder, `${id}.json`);
			writeFileSync(path, JSON.stringify({ ...workflow, id, active: false }));
			const importedWorkflow = await n8n(['import:workflow', `--input=${path}`]);
			if (importedWorkflow.code !== 0) throw new Error(`import:workflow ${file} failed: ${importedWorkflow.stdout}${importedWorkflow.stderr}`);

			const result = await n8n(['execute', `--id=${id}`, '--rawOutput']);
			let ok = false;
			let summary: string;
			try {
				const run = runJson(result.stdout);
				const runData = run.data.resultData.runData as Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> }; error?: { message: string } }>>;
				const last = workflow.nodes[workflow.nodes.length - 1].name;
				const items = runData[last]?.[0]?.data?.main?.[0] ?? [];
				const error = run.data.resultData.error ?? Object.values(runData).map((r) => r[0]?.error).find(Boolean);
				const link = Object.values(runData)
					.flatMap((r) => r[0]?.data?.main?.[0] ?? [])
					.flatMap((item) => Object.entries(item.json))
					.find(([key, value]) => /url|link/i.test(key) && !/redirect/i.test(key) && typeof value === 'string' && value.startsWith('https://'));
				ok = !error && result.code === 0 && items.length > 0;
				summary = error ? `error: ${error.message}` : `${items.length} item(s) from "${last}"${link ? `; ${link[0]}: ${link[1]}` : ''}`;
			} catch {
				summary = `no run output (exit ${result.code}): ${(result.stderr || result.stdout).slice(-400)}`;
			}
			if (!ok) failures++;
			console.log(`${ok ? '✓' : '✗'} ${file}: ${summary}`);
		}
		console.log(`\nn8n e2e: ${examples.length - failures} of ${examples.length} example workflows ran in n8n`);
		if (failures) process.exitCode = 1;
	} finally {
		for (const sim of running) await sim.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
