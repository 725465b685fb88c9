/** Workflows the end-to-end runs build around one of the package's nodes, and the examples. */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { root } from './installs';
import type { E2eCredential, Workflow, WorkflowNode } from './types';

/** The package's name: node types are `${PACKAGE}.<node>`. */
export const PACKAGE = 'n8n-nodes-esign';

/** What a run says about one of the package's nodes; the rest is filled in. */
export interface NodeSpec {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: string;
}

/** A node's reference to a credential. */
export function credentialRef(
	credential: E2eCredential,
): Record<string, { id: string; name: string }> {
	return { [credential.type]: { id: credential.id, name: credential.name } };
}

/** A Manual Trigger followed by one node. */
export function manualWorkflow(name: string, node: NodeSpec): Workflow {
	const trigger = 'Start';
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: trigger,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{ id: randomUUID(), typeVersion: 1, position: [240, 0], ...node },
		],
		connections: { [trigger]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** A trigger node alone (its webhook ID set, so its production URL is known before activation). */
export function triggerWorkflow(name: string, node: NodeSpec): Workflow {
	return {
		name,
		nodes: [
			{ id: randomUUID(), typeVersion: 1, position: [0, 0], webhookId: randomUUID(), ...node },
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** n8n's Webhook node on a random path, answering as soon as it is called. */
export function webhookNode(name: string): WorkflowNode {
	const path = randomUUID();
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		webhookId: path,
	};
}

/** The example workflows (examples/*.json), sorted by file name. */
export function readExamples(only?: string[]): Array<{ file: string; workflow: Workflow }> {
	const dir = join(root, 'examples');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json') && (!only || only.includes(f)))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Workflow,
		}));
}

/** Nodes whose Wait for Signature is woken by a call to n8n (a vendor callback, a signer's browser). */
const WOKEN_WAITS = ['signNow', 'signatureApi', 'umbrella'].map((node) => `${PACKAGE}.${node}`);

/**
 * Whether a workflow waits until the vendor calls n8n back: it needs a running n8n the simulators
 * can reach (`n8n execute` ends when the execution waits), and an https one for SignatureAPI.
 */
export function waitsForCallback(workflow: Workflow): boolean {
	return workflow.nodes.some(
		(node) => WOKEN_WAITS.includes(node.type) && node.parameters.operation === 'waitForSignature',
	);
}
