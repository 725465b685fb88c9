/**
 * An example workflow opened in the editor and run with "Execute workflow": every node succeeds
 * and the node that hands out the vendor's link shows it in its output panel.
 */
import type { N8nServer } from '../lib/n8n-server';
import type { ExecutionSummary } from '../lib/types';
import type { Editor } from './session';
import { pageUntil, RUN_TIMEOUT, waitForState } from './waits';

export interface ExampleRun {
	workflowId: string;
	nodes: string[];
	/** The node whose output carries the link the user came for. */
	outputNode: string;
}

export async function runExampleInUi(editor: Editor, run: ExampleRun): Promise<string> {
	await editor.openWorkflow(run.workflowId);
	const started = editor.page.locator(
		'[data-test-id="canvas-node"] [data-test-id^="canvas-node-status-"]',
	);
	await editor.retryClick(editor.page.getByTestId('execute-workflow-button').first(), started);
	for (const node of run.nodes) {
		const canvasNode = editor.canvasNode(node);
		const nodeText = async () =>
			`the node shows "${(await canvasNode.innerText()).replace(/\s+/g, ' ')}"`;
		await waitForState(
			canvasNode.getByTestId('canvas-node-status-success'),
			`"${node}" to finish successfully`,
			'visible',
			RUN_TIMEOUT,
			nodeText,
		);
	}
	await editor.openNode(run.outputNode);
	const output = editor.page.getByTestId('output-panel');
	const text = await pageUntil(
		async () => ((await output.isVisible()) ? await output.innerText() : 'no output panel'),
		{
			what: `the output panel of "${run.outputNode}" to show a link`,
			until: (shown) => /https?:\/\/[^\s"']+/.test(shown),
			show: (shown) => shown.slice(0, 300).replace(/\s+/g, ' '),
		},
	);
	const link = /https?:\/\/[^\s"']+/.exec(text)![0];
	return `${run.nodes.length} nodes ran; "${run.outputNode}" shows ${link}`;
}

export interface WaitingExampleRun {
	workflowId: string;
	/** The nodes before the wait, which must finish first. */
	before: string[];
	waitNode: string;
}

/**
 * A waiting example run from the canvas: the nodes before the wait finish, the execution waits
 * (n8n lists it as waiting) and `picture` is taken; then `sign` plays the signer, whose vendor
 * calls n8n back, and the execution must end successfully.
 */
export async function runWaitingExampleInUi(
	editor: Editor,
	server: N8nServer,
	run: WaitingExampleRun,
	sign: () => Promise<void>,
	picture: () => Promise<void>,
): Promise<string> {
	await editor.openWorkflow(run.workflowId);
	const known = new Set((await server.executions(run.workflowId)).map((e) => e.id));
	const started = editor.page.locator(
		'[data-test-id="canvas-node"] [data-test-id^="canvas-node-status-"]',
	);
	await editor.retryClick(editor.page.getByTestId('execute-workflow-button').first(), started);
	for (const node of run.before) {
		await waitForState(
			editor.canvasNode(node).getByTestId('canvas-node-status-success'),
			`"${node}" to finish successfully`,
			'visible',
			RUN_TIMEOUT,
		);
	}
	const execution = (state: string) => (list: ExecutionSummary[]) =>
		list.find((e) => !known.has(e.id) && e.status === state);
	const waiting = execution('waiting')(
		await pageUntil(() => server.executions(run.workflowId), {
			what: 'the execution started from the canvas to wait',
			until: (list) => execution('waiting')(list) !== undefined,
			show: (list) => list.map((e) => `${e.id} ${e.status}`).join(', ') || 'none',
			timeoutMs: RUN_TIMEOUT,
		}),
	)!;
	const waitNode = editor.canvasNode(run.waitNode);
	if (await waitNode.getByTestId('canvas-node-status-success').isVisible())
		throw new Error(`"${run.waitNode}" shows success while its execution waits`);
	await picture();
	await sign();
	await pageUntil(() => server.executions(run.workflowId), {
		what: `execution ${waiting.id} to go on and succeed once signed`,
		until: (list) => list.find((e) => e.id === waiting.id)?.status === 'success',
		show: (list) => list.find((e) => e.id === waiting.id)?.status ?? 'not listed',
		timeoutMs: RUN_TIMEOUT,
	});
	return `${run.before.length} nodes ran, execution ${waiting.id} waited at "${run.waitNode}" and went on once signed`;
}
