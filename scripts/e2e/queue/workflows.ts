/** The workflows of the queue-mode run: production work reaches workers through webhooks. */
import { randomUUID } from 'node:crypto';

import type { N8nServer } from '../lib/n8n-server';
import type { Workflow } from '../lib/types';
import { type NodeSpec, webhookNode } from '../lib/workflows';

/** An example with its Manual Trigger replaced by a Webhook node of the same name. */
export function asWebhookWorkflow(example: Workflow): Workflow {
	return {
		...example,
		nodes: example.nodes.map((node) =>
			node.type === 'n8n-nodes-base.manualTrigger'
				? { ...webhookNode(node.name), position: node.position }
				: node,
		),
		settings: { ...example.settings, executionOrder: 'v1' },
	};
}

/** Webhook → Split Out (body.items) → one of our nodes: one execution per request, one item per entry. */
export function fanOutWorkflow(name: string, node: Omit<NodeSpec, 'name'>): Workflow {
	return {
		name,
		nodes: [
			webhookNode('Webhook'),
			{
				id: randomUUID(),
				name: 'Items',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [240, 0],
				parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
			},
			{ id: randomUUID(), name: 'Action', typeVersion: 1, position: [480, 0], ...node },
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Action', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The production URL of a workflow's Webhook node. */
export function webhookPathUrl(
	server: N8nServer,
	workflow: Workflow,
	nodeName = 'Webhook',
): string {
	const node = workflow.nodes.find((n) => n.name === nodeName)!;
	return `${server.baseUrl}/webhook/${(node.parameters as { path: string }).path}`;
}
