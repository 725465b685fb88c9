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
import type { Browser } from 'playwright-core';

import { interrupted, runMain } from '../lib/cleanup';
import { N8n } from '../lib/n8n';
import { perLine } from '../lib/per-line';
import { prepareDemo, startDemoSimulators } from '../lib/simulators';
import type { Line, Workflow } from '../lib/types';
import { readExamples } from '../lib/workflows';
import { ALLOWED_PROBLEMS } from './allowed';
import { launchChromium, ProblemWatch } from './browser';
import { credentialExpectations, nodeExpectations } from './catalog';
import { EditorChecks } from './checks';
import { closeCredentialModal, createCredentialInUi } from './credentials';
import { runExampleInUi, runWaitingExampleInUi } from './examples';
import { DEPENDENT_LISTS, KNOWN_LIST_ENTRIES, LISTS, locatorEntries } from './lists';
import { addAction, addTrigger, checkParameters, openActionList, selectOperation } from './nodes';
import { Screenshots } from './screenshots';
import { Editor } from './session';
import { selectedVendors, type VendorCase } from './vendors';

/** The example whose waiting execution the README shows (signNow: woken by its callback). */
const WAITING_EXAMPLE = 'signnow-wait-for-signature.json';

/** The node of each example whose output carries the link a user runs it for. */
const OUTPUT_NODE: Record<string, string> = {
	lumin: 'Create Signing Session',
	signatureapi: 'Create Ceremony',
	signnow: 'Generate Signing Link',
	umbrella: 'Create Session Link',
	leegality: 'Sign Invitation',
};

async function runLine(
	line: Line,
	browser: Browser,
	watch: ProblemWatch,
	vendors: VendorCase[],
): Promise<EditorChecks> {
	let editor: Editor | undefined;
	const checks = new EditorChecks(`${line.id}.x`, () => editor?.page);
	const shots = new Screenshots(line.id === '2');

	const sims = await startDemoSimulators();
	const n8n = await N8n.create(line);
	try {
		const examples = vendors.map((v) => readExamples([v.example])[0].workflow);
		const waiting = vendors.some((v) => v.key === 'signnow')
			? readExamples([WAITING_EXAMPLE])[0].workflow
			: undefined;
		await n8n.importCredentials(sims.credentials);
		const exampleIds = await n8n.importWorkflows(
			waiting ? [...examples, waiting] : examples,
			sims.credentials,
		);
		const started = Date.now();
		// Offline machine: no banners or version checks from n8n's servers.
		const server = await n8n.start({ N8N_DYNAMIC_BANNERS_ENABLED: 'false' });
		console.log(
			`n8n ${line.n8nVersion} up at ${server.baseUrl} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
		);
		editor = await Editor.open(browser, server, line, watch);
		await checkVendors(editor, checks, { sims, examples, exampleIds, vendors, shots, watch });
		if (waiting) {
			const [id] = exampleIds.slice(examples.length);
			const ed = editor;
			await checks.run(
				`signnow: example ${WAITING_EXAMPLE} waits on the canvas, then goes on`,
				async () => {
					await prepareDemo(sims.running, waiting);
					const names = waiting.nodes.map((n) => n.name);
					const at = names.indexOf('Wait for Signature');
					const summary = await runWaitingExampleInUi(
						ed,
						server,
						{ workflowId: id, before: names.slice(1, at), waitNode: names[at] },
						async () => {
							for (const sim of sims.running) await sim.sign?.();
						},
						() => shots.canvas(ed, 'wait-for-signature'),
					);
					return summary;
				},
			);
		}
		// Whatever the last check set off has been answered, and any error it caused has been seen.
		await editor.restSettled('of the last check');
	} finally {
		await editor?.close();
		await n8n.dispose();
		await sims.stop();
	}
	return checks;
}

interface VendorRun {
	sims: Awaited<ReturnType<typeof startDemoSimulators>>;
	examples: Workflow[];
	exampleIds: string[];
	vendors: VendorCase[];
	shots: Screenshots;
	watch: ProblemWatch;
}

/** Every vendor's checks in one signed-in editor. */
async function checkVendors(
	ed: Editor,
	checks: EditorChecks,
	{ sims, examples, exampleIds, vendors, shots, watch }: VendorRun,
): Promise<void> {
	const nodes = nodeExpectations();
	const credentials = credentialExpectations();

	for (const [index, vendor] of vendors.entries()) {
		if (interrupted()) return;
		const listsChecked = new Set<string>();
		const action = nodes.find((n) => n.type === vendor.actionType)!;
		const trigger = nodes.find((n) => n.type === vendor.triggerType)!;
		const credential = credentials.find((c) => c.name === vendor.credentialType)!;
		const data = sims.credentials.find((c) => c.type === vendor.credentialType)!.data;
		const hasResource = action.description.properties.some((p) => p.name === 'resource');
		let actions: string[] = [];

		await checks.run(
			`${vendor.key}: ${trigger.displayName} found by "${vendor.search}" and added`,
			async () => {
				await ed.newWorkflow();
				return await addTrigger(ed, vendor, trigger);
			},
		);
		const listed = await checks.run(
			`${vendor.key}: ${action.displayName} lists its ${action.operations.length} operations`,
			async () => {
				actions = await openActionList(ed, vendor, action);
				await shots.take(ed, `${vendor.key}-operations`, ed.page.getByTestId('node-creator'));
				return actions.join(', ');
			},
		);
		if (!listed) continue;
		await checks.run(`${vendor.key}: ${action.displayName} added`, async () => {
			await addAction(ed, actions[0]);
			return `NDV open on "${actions[0]}"`;
		});
		// The operation the panel added comes last: n8n marks required fields once a choice changed them.
		for (const operation of [...action.operations.slice(1), action.operations[0]]) {
			const name = [operation.resource?.name, operation.operation?.name]
				.filter(Boolean)
				.join(' / ');
			await checks.run(`${vendor.key}: ${name}`, async () => {
				await selectOperation(ed, operation, hasResource);
				return await checkParameters(ed, operation);
			});
			for (const parameter of operation.parameters.filter(
				(p) => p.listSearch && !DEPENDENT_LISTS.has(p.listSearch) && !listsChecked.has(p.name),
			)) {
				listsChecked.add(parameter.name);
				await checks.run(
					`${vendor.key}: ${parameter.displayName} "From List" loaded from the simulator`,
					() =>
						locatorEntries(
							ed,
							parameter.name,
							parameter.displayName,
							KNOWN_LIST_ENTRIES[parameter.listSearch!] ?? [],
						),
				);
			}
		}
		await checks.run(
			`${vendor.key}: ${credential.displayName} created with Custom URL, Test fails with a wrong secret and passes`,
			async () => {
				const failure = await createCredentialInUi(
					ed,
					credential,
					data,
					(run) => watch.expect([/status of (40[013]|500)/, /Couldn.t connect/], run),
					// The dialog as the user sees it after a passing Test.
					() =>
						shots.take(ed, `${vendor.key}-credential`, ed.page.getByTestId('editCredential-modal')),
				).finally(() => closeCredentialModal(ed).catch(() => undefined));
				return `wrong secret: "${failure.slice(0, 160)}"`;
			},
		);
		for (const list of LISTS.filter((l) => l.vendor === vendor.key)) {
			await checks.run(`${vendor.key}: ${list.name} loaded from the simulator`, () =>
				list.check(ed, {
					hasResource,
					seed: (parameters) => prepareDemo(sims.running, { nodes: [{ parameters }] }),
					operation: (resource, value) =>
						action.operations.find(
							(o) => o.operation?.value === value && (!resource || o.resource?.value === resource),
						)!,
				}),
			);
		}
		await ed.closeNdv().catch(() => undefined);
		await checks.run(`${vendor.key}: example ${vendor.example} run from the canvas`, async () => {
			await prepareDemo(sims.running, examples[index]);
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
		// The polling trigger: an entry of its own in the panel (n8n drops " Trigger" from the name).
		const polling = nodes.find((n) => n.type === vendor.pollingTriggerType);
		if (polling) {
			const panelEntry = polling.displayName.replace(/ Trigger$/, '');
			await checks.run(
				`${vendor.key}: ${polling.displayName} found by "${vendor.search}" and added`,
				async () => {
					await ed.newWorkflow();
					return await addTrigger(ed, { ...vendor, panelEntry }, polling);
				},
			);
		}
	}
}

runMain('e2e:editor', async () => {
	const vendors = selectedVendors();
	const watch = new ProblemWatch(ALLOWED_PROBLEMS);
	const browser = await launchChromium();
	const lines = await perLine(
		'The editor',
		async (line) => {
			const mark = watch.count;
			const checks = await runLine(line, browser, watch, vendors).finally(() => {
				for (const p of watch.since(mark))
					console.log(
						`✗ [${p.line}] browser ${p.kind} on ${p.url}: ${p.text.split('\n')[0]}${p.stack ? ` (${p.stack})` : ''}`,
					);
			});
			return { results: checks.results, browserErrors: watch.since(mark).length };
		},
		() => ({ results: [{ ok: false }], browserErrors: 0 }),
	);
	const summary = lines.map(({ line, result, seconds }) => {
		const failed = result.results.filter((r) => !r.ok).length;
		return {
			line: `${line.id}.x`,
			n8n: line.n8nVersion,
			passed: result.results.length - failed,
			failed,
			browserErrors: result.browserErrors,
			seconds,
		};
	});
	const failed = summary.reduce((sum, s) => sum + s.failed + s.browserErrors, 0);
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
	if (failed > 0) console.error(`${failed} failure(s)`);
	return failed;
});
