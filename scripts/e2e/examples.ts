/**
 * `npm run e2e`: runs every example workflow (examples/*.json) in a real n8n of each line, with this
 * package installed as a community package, against the vendor simulators. It checks what the
 * engine tests cannot: that n8n loads the package from its tarball, resolves zod from its own
 * copy, decrypts imported credentials, applies authenticate/preAuthentication, and runs
 * n8n-nodes-base's Manual Trigger in front of our nodes. E2E_LINES=1 or 2 runs one line.
 *
 * `n8n execute` ends when the run has ended, so what a check reads (the printed run, the
 * simulators' logs) is complete when it reads it. An example that waits for the vendor to call
 * n8n back (Wait for Signature of signNow, SignatureAPI, Umbrella) runs on `n8n start` instead,
 * behind an https front, from a Webhook: the simulated signer signs once the execution waits,
 * and the check waits for the execution to end.
 */
import { interrupted, runMain } from './lib/cleanup';
import { HttpsN8n } from './lib/https-n8n';
import { N8n } from './lib/n8n';
import { perLine } from './lib/per-line';
import { prepareDemo, startDemoSimulators } from './lib/simulators';
import type { Line, RunItem, Workflow } from './lib/types';
import { executionReaches, startWaitingExecution } from './lib/waiting';
import { readExamples, waitsForCallback } from './lib/workflows';
import { asWebhookWorkflow, webhookPathUrl } from './queue/workflows';

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
		// Waiting examples start from a Webhook in place of their Manual Trigger (see waitingExample).
		const imported = examples.map((e) =>
			waitsForCallback(e.workflow) ? asWebhookWorkflow(e.workflow) : e.workflow,
		);
		const ids = await n8n.importWorkflows(imported, sims.credentials);
		const outcomes: ExampleOutcome[] = [];
		let front: HttpsN8n | undefined;
		for (const [index, { file, workflow }] of examples.entries()) {
			if (!waitsForCallback(workflow)) continue;
			front ??= await HttpsN8n.start(n8n);
			const outcome = await waitingExample(front, sims, file, imported[index], ids[index]);
			console.log(`${outcome.ok ? '✓' : '✗'} [${line.id}.x] ${outcome.file}: ${outcome.summary}`);
			outcomes.push(outcome);
		}
		await front?.stop();
		for (const [index, { file, workflow }] of examples.entries()) {
			if (waitsForCallback(workflow)) continue;
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
				const problem = error
					? `error: ${error.message}`
					: exampleProblem(workflow, (node) => result.runItems(node));
				outcome = {
					file,
					ok: !problem && result.exitCode === 0,
					summary:
						problem ??
						`${items.length} item(s) from "${last}"${items[0]?.signing_status ? `, signing_status ${items[0].signing_status}` : ''}${link ? `; ${link[0]}: ${link[1]}` : ''}`,
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

/**
 * A waiting example on `n8n start`: started from its Webhook, it waits; the simulated signer then
 * signs and the simulator calls n8n as the vendor would; the execution must end successfully with
 * the outcome in its last node.
 */
async function waitingExample(
	front: HttpsN8n,
	sims: Awaited<ReturnType<typeof startDemoSimulators>>,
	file: string,
	workflow: Workflow,
	id: string,
): Promise<ExampleOutcome> {
	try {
		await prepareDemo(sims.running, workflow);
		const server = front.server;
		const activated = await server.activate(id);
		if (activated.status !== 200) throw new Error(`activation answered ${activated.message}`);
		const webhook = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook')!;
		const url = webhookPathUrl(server, workflow, webhook.name);
		await server.waitForWebhook(url);
		const executionId = await startWaitingExecution(server, id, url, {});
		for (const sim of sims.running) await sim.sign?.();
		await executionReaches(server, id, executionId, 'success');
		await server.deactivate(id);
		const run = await server.executionRun(executionId);
		// A node that waited has two runs: the one that paused and the one after the wake-up.
		const lastRunItems = (node: string) => {
			const runs = run.resultData.runData[node] ?? [];
			return runs[runs.length - 1]?.data?.main?.[0] ?? [];
		};
		const last = workflow.nodes[workflow.nodes.length - 1].name;
		const items = lastRunItems(last).map((item) => item.json);
		const problem = run.resultData.error
			? `error: ${run.resultData.error.message}`
			: exampleProblem(workflow, lastRunItems);
		return {
			file,
			ok: !problem,
			summary:
				problem ??
				`waited (execution ${executionId}), then ${items.length} item(s) from "${last}", signing_status ${items[0]?.signing_status}`,
		};
	} catch (error) {
		return {
			file,
			ok: false,
			summary: `error: ${error instanceof Error ? error.message : String(error)}`,
		};
	}
}

/** Whether a node of an example is set to put out a file (a download, or a wait that downloads). */
function downloads(node: Workflow['nodes'][number]): boolean {
	const p = node.parameters ?? {};
	return p.operation === 'download' || p.download === true || p.downloadSignedFile === true;
}

/**
 * What is wrong with an example's run, if anything: every node must have put out items (the
 * examples have no branches), every node set to download must have put a PDF on each item, and
 * an example that waits for the signature must end with `signing_status: completed`, which the
 * simulated signer brings about.
 */
function exampleProblem(
	workflow: Workflow,
	items: (node: string) => RunItem[],
): string | undefined {
	const silent = workflow.nodes.filter((node) => items(node.name).length === 0);
	if (silent.length) return `no items from ${silent.map((n) => `"${n.name}"`).join(', ')}`;
	for (const node of workflow.nodes.filter(downloads)) {
		const field = String(node.parameters.binaryPropertyName ?? 'data');
		const missing = items(node.name).filter(
			(item) => item.binary?.[field]?.mimeType !== 'application/pdf',
		);
		if (missing.length) {
			const seen = missing.map((item) => item.binary?.[field]?.mimeType ?? 'no file').join(', ');
			return `"${node.name}" put no PDF in binary field "${field}" (${seen})`;
		}
	}
	const waits = workflow.nodes.some((node) => node.parameters?.operation === 'waitForSignature');
	const last = workflow.nodes[workflow.nodes.length - 1].name;
	const statuses = items(last).map((item) => item.json.signing_status);
	if (waits && statuses.some((status) => status !== 'completed'))
		return `"${last}" has signing_status ${statuses.join(', ')}, not completed`;
	return undefined;
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
