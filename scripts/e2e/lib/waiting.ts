/**
 * Executions that wait (Wait for Signature): started from a production Webhook, followed until
 * they wait, and then until they end.
 *
 *   const id = await startWaitingExecution(server, workflowId, webhookUrl, { documentId });
 *   await sims.signNow.signAll(documentId);       // the vendor wakes it
 *   await executionReaches(server, workflowId, id, 'success');
 */
import type { N8nServer } from './n8n-server';
import type { ExecutionSummary } from './types';
import { waitUntil } from './wait';

/** How long an execution may take to reach a status on a busy 2-core machine (a wait limit fires within a minute). */
export const EXECUTION_TIMEOUT = 90_000;

/** Calls the workflow's Webhook with `body` and waits until the execution it starts waits; its ID. */
export async function startWaitingExecution(
	server: N8nServer,
	workflowId: string,
	webhookUrl: string,
	body: unknown,
): Promise<string> {
	const before = new Set((await server.executions(workflowId)).map((e) => e.id));
	const response = await fetch(webhookUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`the Webhook ${webhookUrl} answered ${response.status}`);
	const waiting = (list: ExecutionSummary[]) =>
		list.find((e) => !before.has(e.id) && e.status === 'waiting');
	const list = await waitUntil(() => server.executions(workflowId), {
		what: `a new execution of workflow ${workflowId} to wait`,
		until: (l) => waiting(l) !== undefined,
		show: (l) => l.map((e) => `${e.id} ${e.status}`).join(', ') || 'none',
		timeoutMs: EXECUTION_TIMEOUT,
	});
	return waiting(list)!.id;
}

/** Waits until execution `executionId` of `workflowId` has `status`. */
export async function executionReaches(
	server: N8nServer,
	workflowId: string,
	executionId: string,
	status: string,
): Promise<ExecutionSummary[]> {
	return await waitUntil(() => server.executions(workflowId), {
		what: `execution ${executionId} to be ${status}`,
		until: (l) => l.find((e) => e.id === executionId)?.status === status,
		show: (l) => l.find((e) => e.id === executionId)?.status ?? 'not listed',
		timeoutMs: EXECUTION_TIMEOUT,
	});
}
