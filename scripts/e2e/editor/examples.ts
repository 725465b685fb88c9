/**
 * An example workflow opened in the editor and run with "Execute workflow": every node succeeds
 * and the node that hands out the vendor's link shows it in its output panel.
 */
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
