/**
 * `npm run e2e:editor`: the package in n8n's real editor, in Debian's Chromium driven by
 * playwright-core, on n8n 1.x and then 2.x (E2E_LINES=1 or 2 picks one; E2E_VENDORS=lumin,... narrows).
 * Per vendor: both nodes found in the node panel by the vendor's name and added, every resource and
 * operation picked with its fields, defaults, hints and required markers checked; the credential
 * created in its dialog against the simulator (Test fails with a wrong secret, passes with the
 * right one); every vendor-filled dropdown loaded; the example workflow run from the canvas with
 * its link in the output panel. Console and page errors over the whole run fail it. On 2.x it
 * writes the README's screenshots to docs/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';

import { type Line, N8n, root, selectedLines, type Workflow } from './n8n';
import { startDemoSimulators } from './simulators';
import { launchChromium, ProblemWatch } from './editor/browser';
import { credentialExpectations, nodeExpectations } from './editor/catalog';
import { Checks } from './editor/checks';
import { closeCredentialModal, createCredentialInUi } from './editor/credentials';
import { runExampleInUi } from './editor/examples';
import { checkLocatorEntries, DEPENDENT_LISTS, LISTS, locatorEntries } from './editor/lists';
import { addAction, addTrigger, checkParameters, openActionList, selectOperation } from './editor/nodes';
import { Screenshots } from './editor/screenshots';
import { Editor } from './editor/session';
import { selectedVendors, type VendorCase } from './editor/vendors';
import { ALLOWED_PROBLEMS } from './editor/allowed';

/** The node of each example whose output carries the link a user runs it for. */
const OUTPUT_NODE: Record<string, string> = {
	lumin: 'Create Signing Session',
	signatureapi: 'Create Ceremony',
	signnow: 'Generate Signing Link',
	umbrella: 'Create Session Link',
	leegality: 'Sign Invitation',
};

/**
 * What must be stopped, newest last. Each runs once even when a signal and the normal path ask
 * at the same time, and both wait for it, so nothing is left running when the process exits.
 */
const cleanups: Array<() => Promise<void>> = [];
function onCleanup(fn: () => Promise<void>): void {
	let running: Promise<void> | undefined;
	cleanups.push(() => (running ??= fn().catch((error) => console.error('cleanup:', error))));
}
/** Stops everything registered after the first `keep` entries (all by default), newest first. */
async function cleanUp(keep = 0): Promise<void> {
	for (const fn of cleanups.slice(keep).reverse()) await fn();
	cleanups.length = Math.min(cleanups.length, keep);
}

async function runLine(line: Line, browser: Browser, watch: ProblemWatch, vendors: VendorCase[]): Promise<Checks> {
	let editor: Editor | undefined;
	const checks = new Checks(`${line.id}.x`, () => editor?.page);
	const shots = new Screenshots(line.id === '2');
	const nodes = nodeExpectations();
	const credentials = credentialExpectations();

	const sims = await startDemoSimulators();
	onCleanup(() => sims.stop());
	const n8n = await N8n.create(line);
	onCleanup(() => n8n.dispose());
	const examples = vendors.map((v) => JSON.parse(readFileSync(join(root, 'examples', v.example), 'utf8')) as Workflow);
	await n8n.importCredentials(sims.credentials);
	const exampleIds = await n8n.importWorkflows(examples, sims.credentials);
	const started = Date.now();
	// Offline machine: no banners or version checks from n8n's servers.
	const server = await n8n.start({ N8N_DYNAMIC_BANNERS_ENABLED: 'false' });
	console.log(`n8n ${line.n8nVersion} up at ${server.baseUrl} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	editor = await Editor.open(browser, server, line, watch);
	onCleanup(() => editor!.close());
	const ed = editor;

	for (const [index, vendor] of vendors.entries()) {
		const listsChecked = new Set<string>();
		const action = nodes.find((n) => n.type === vendor.actionType)!;
		const trigger = nodes.find((n) => n.type === vendor.triggerType)!;
		const credential = credentials.find((c) => c.name === vendor.credentialType)!;
		const data = sims.credentials.find((c) => c.type === vendor.credentialType)!.data;
		const hasResource = action.description.properties.some((p) => p.name === 'resource');
		let actions: string[] = [];

		await checks.run(`${vendor.key}: ${trigger.displayName} found by "${vendor.search}" and added`, async () => {
			await ed.newWorkflow();
			return await addTrigger(ed, vendor, trigger);
		});
		const listed = await checks.run(`${vendor.key}: ${action.displayName} lists its ${action.operations.length} operations`, async () => {
			actions = await openActionList(ed, vendor, action);
			await shots.take(ed, `${vendor.key}-operations`, ed.page.getByTestId('node-creator'));
			return actions.join(', ');
		});
		if (!listed) continue;
		await checks.run(`${vendor.key}: ${action.displayName} added`, async () => {
			await addAction(ed, actions[0]);
			return `NDV open on "${actions[0]}"`;
		});
		// The operation the panel added comes last: n8n marks required fields once a choice changed them.
		for (const operation of [...action.operations.slice(1), action.operations[0]]) {
			const name = [operation.resource?.name, operation.operation?.name].filter(Boolean).join(' / ');
			await checks.run(`${vendor.key}: ${name}`, async () => {
				await selectOperation(ed, operation, hasResource);
				return await checkParameters(ed, operation);
			});
			for (const parameter of operation.parameters.filter((p) => p.listSearch && !DEPENDENT_LISTS.has(p.listSearch) && !listsChecked.has(p.name))) {
				listsChecked.add(parameter.name);
				await checks.run(`${vendor.key}: ${parameter.displayName} "From List" loaded from the simulator`, async () =>
					checkLocatorEntries(await locatorEntries(ed, parameter.name), parameter.listSearch!, parameter.displayName),
				);
			}
		}
		await checks.run(`${vendor.key}: ${credential.displayName} created with Custom URL, Test fails with a wrong secret and passes`, async () => {
			const failure = await createCredentialInUi(
				ed,
				credential,
				data,
				(run) => watch.expect([/status of (40[013]|500)/, /Couldn.t connect/], run),
				// The dialog as the user sees it after a passing Test.
				() => shots.take(ed, `${vendor.key}-credential`, ed.page.getByTestId('editCredential-modal')),
			).finally(() => closeCredentialModal(ed).catch(() => undefined));
			return `wrong secret: "${failure.slice(0, 160)}"`;
		});
		for (const list of LISTS.filter((l) => l.vendor === vendor.key)) {
			await checks.run(`${vendor.key}: ${list.name} loaded from the simulator`, () =>
				list.check(ed, {
					hasResource,
					seed: async (parameters) => {
						for (const sim of sims.running) await sim.prepare?.({ nodes: [{ parameters }] } as never);
					},
					operation: (resource, value) => action.operations.find((o) => o.operation?.value === value && (!resource || o.resource?.value === resource))!,
				}),
			);
		}
		await ed.closeNdv().catch(() => undefined);
		await checks.run(`${vendor.key}: example ${vendor.example} run from the canvas`, async () => {
			for (const sim of sims.running) await sim.prepare?.(examples[index] as never);
			const summary = await runExampleInUi(ed, {
				workflowId: exampleIds[index],
				nodes: examples[index].nodes.map((n) => n.name),
				outputNode: OUTPUT_NODE[vendor.key],
			});
			await ed.closeNdv();
			if (vendor.key === 'signnow') await shots.canvas(ed, 'example-workflow');
			await ed.openNode(vendor.seedNode);
			await shots.take(ed, `${vendor.key}-parameters`, ed.ndv());
			await ed.closeNdv();
			return summary;
		});
	}
	return checks;
}

async function main() {
	const lines = selectedLines();
	const vendors = selectedVendors();
	const watch = new ProblemWatch(ALLOWED_PROBLEMS);
	let browser: Browser | undefined;
	const onSignal = (signal: NodeJS.Signals) => {
		console.error(`\n${signal}: stopping the browser, n8n and the simulators…`);
		void cleanUp().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);

	const summary: Array<{ line: string; n8n: string; passed: number; failed: number; browserErrors: number; seconds: number }> = [];
	let failed = 0;
	try {
		browser = await launchChromium();
		onCleanup(() => browser!.close());
		for (const line of lines) {
			console.log(`\n=== The editor of n8n ${line.n8nVersion} (line ${line.id}.x) ===\n`);
			const started = Date.now();
			const mark = watch.count;
			let checks: Checks | undefined;
			try {
				checks = await runLine(line, browser, watch, vendors);
			} catch (error) {
				console.error(`✗ [${line.id}.x] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
				failed++;
			} finally {
				// Everything of this line stops before the next starts; the browser stays.
				await cleanUp(1);
			}
			const problems = watch.since(mark);
			for (const p of problems) console.log(`✗ [${p.line}] browser ${p.kind} on ${p.url}: ${p.text.split('\n')[0]}${p.stack ? ` (${p.stack})` : ''}`);
			const results = checks?.results ?? [];
			const lineFailed = results.filter((r) => !r.ok).length;
			failed += lineFailed + problems.length;
			summary.push({ line: `${line.id}.x`, n8n: line.n8nVersion, passed: results.length - lineFailed, failed: lineFailed, browserErrors: problems.length, seconds: Math.round((Date.now() - started) / 1000) });
		}
	} finally {
		await cleanUp();
	}
	if (watch.forgiven.length) {
		console.log('\nBrowser messages allowed, with the reason:');
		const seen = new Set<string>();
		for (const f of watch.forgiven) {
			const key = `${f.line} ${f.reason}`;
			if (seen.has(key)) continue;
			seen.add(key);
			console.log(`  [${f.line}] ${f.reason} (e.g. "${f.text.split('\n')[0].slice(0, 120)}")`);
		}
	}
	console.log('\nEditor checks per n8n line:');
	console.table(summary);
	if (failed > 0) {
		console.error(`${failed} failure(s)`);
		process.exit(1);
	}
}

main().catch(async (error) => {
	console.error(error);
	await cleanUp();
	process.exit(1);
});
