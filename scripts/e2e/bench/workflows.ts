/**
 * The benchmark's workflows: a Manual Trigger, a Code node that makes N items, then the measured
 * node, either one of this package's operations or n8n's HTTP Request node making the same call
 * with the same authentication (a Header Auth credential holding the same key or token).
 */
import { randomUUID } from 'node:crypto';

import type { E2eCredential, Workflow, WorkflowNode } from '../lib/types';
import { credentialRef, PACKAGE } from '../lib/workflows';

export const MEASURED = 'Measured';

/** Code node JavaScript returning `count` items; `item` is a JS expression of `i`. */
function itemsCode(count: number, item: string): string {
	return `return Array.from({ length: ${count} }, (_, i) => ({ json: ${item} }));`;
}

function workflow(
	name: string,
	count: number,
	item: string,
	measured: Omit<WorkflowNode, 'name' | 'position'>,
): Workflow {
	const nodes: WorkflowNode[] = [
		{
			id: randomUUID(),
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: randomUUID(),
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 0],
			parameters: { jsCode: itemsCode(count, item) },
		},
		// Failed items are counted, not fatal: a run reports how many failed.
		{
			id: randomUUID(),
			name: MEASURED,
			position: [440, 0],
			onError: 'continueRegularOutput',
			...measured,
		} as WorkflowNode,
	];
	return {
		name,
		nodes,
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: MEASURED, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** One of this package's nodes (`n8n-nodes-esign.<type>`) with its vendor credential. */
export function packageWorkflow(
	name: string,
	count: number,
	item: string,
	type: string,
	parameters: Record<string, unknown>,
	credential: E2eCredential,
): Workflow {
	return workflow(name, count, item, {
		type: `${PACKAGE}.${type}`,
		typeVersion: 1,
		parameters,
		credentials: credentialRef(credential),
	});
}

export interface HttpCall {
	method: 'GET' | 'POST';
	/** An n8n expression (starting with "=") or a fixed URL. */
	url: string;
	/** An n8n expression giving the JSON body. */
	jsonBody?: string;
	/** Keep the answer as a file in binary field "data". */
	file?: boolean;
}

/** n8n's HTTP Request node (4.2), Header Auth. */
export function httpWorkflow(
	name: string,
	count: number,
	item: string,
	call: HttpCall,
	credential: E2eCredential,
): Workflow {
	return workflow(name, count, item, {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: call.method,
			url: call.url,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			...(call.jsonBody ? { sendBody: true, specifyBody: 'json', jsonBody: call.jsonBody } : {}),
			options: call.file
				? { response: { response: { responseFormat: 'file', outputPropertyName: 'data' } } }
				: {},
		},
		credentials: credentialRef(credential),
	});
}

/** A Header Auth credential for the HTTP Request node. */
export function headerCredential(vendor: string, name: string, value: string): E2eCredential {
	return {
		id: `benchhdr${vendor}`.slice(0, 16),
		name: `${vendor} header (benchmark)`,
		type: 'httpHeaderAuth',
		data: { name, value },
	};
}
