/**
 * An example workflow opened in the editor and run with "Execute workflow": every node succeeds
 * and the node that hands out the vendor's link shows it in its output panel.
 */
import { assert } from './checks';
import type { Editor } from './session';

export interface ExampleRun {
	workflowId: string;
	nodes: string[];
	/** The node whose output carries the link the user came for. */
	outputNode: string;
}

export async function runExampleInUi(editor: Editor, run: ExampleRun): Promise<string> {
	await editor.openWorkflow(run.workflowId);
	const started = editor.page.locator('[data-test-id="canvas-node"] [data-test-id^="canvas-node-status-"]');
	await editor.retryClick(editor.page.getByTestId('execute-workflow-button').first(), started);
	for (const node of run.nodes) {
		const status = editor.canvasNode(node).getByTestId('canvas-node-status-success');
		await status.waitFor({ timeout: 60_000 }).catch(async () => {
			throw new Error(`"${node}" did not finish successfully: ${(await editor.canvasNode(node).innerText()).replace(/\s+/g, ' ')}`);
		});
	}
	await editor.openNode(run.outputNode);
	const output = editor.page.getByTestId('output-panel');
	await output.getByTestId('ndv-data-container').waitFor();
	const text = await output.innerText();
	const link = /https?:\/\/[^\s"']+/.exec(text)?.[0];
	assert(link, `the output panel of "${run.outputNode}" shows no link: ${text.slice(0, 300).replace(/\s+/g, ' ')}`);
	return `${run.nodes.length} nodes ran; "${run.outputNode}" shows ${link}`;
}
