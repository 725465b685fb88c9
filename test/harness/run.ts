import './env';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionBaseError,
	ICredentialDataDecryptedObject,
	IConnections,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CredentialStore, TestCredentialsHelper } from './credentials';
import { loadPackage, PACKAGE_NAME } from './package';
import { assertNoSecrets, secretsOf } from './secrets';

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
}

export interface RunResult {
	run: IRun;
	/** Output items of each node, by node name (first output, last run). */
	outputs: Record<string, INodeExecutionData[]>;
	/** The error that stopped the execution, if any. */
	error?: ExecutionBaseError;
	store: CredentialStore;
}

export function additionalDataFor(
	store: CredentialStore,
	credentialsHelper: TestCredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
) {
	return {
		hooks,
		credentialsHelper,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		setExecutionStatus: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * The execution data of a run that starts at the workflow's first node (the one no connection
 * leads to) with `input`, one empty item by default.
 */
export function startingData(
	workflow: Workflow,
	json: WorkflowJson,
	input: INodeExecutionData[] = [{ json: {} }],
): IRunExecutionData {
	const targets = new Set(
		Object.values(json.connections).flatMap((c) => (c.main ?? []).flat().map((t) => t?.node)),
	);
	const start = json.nodes.find((n) => !targets.has(n.name)) ?? json.nodes[0];
	return {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [
				{ node: workflow.getNode(start.name)!, data: { main: [input] }, source: null },
			],
		},
	} as unknown as IRunExecutionData;
}

/** Output items of each node (first output, last run) and the error, checked to hold no secret. */
export function outputsOf(
	run: IRun,
	secrets: string[],
): { outputs: Record<string, INodeExecutionData[]>; error?: ExecutionBaseError } {
	const outputs: Record<string, INodeExecutionData[]> = {};
	let error = run.data.resultData.error;
	for (const [name, runs] of Object.entries(run.data.resultData.runData)) {
		const last = runs[runs.length - 1];
		outputs[name] = last?.data?.main?.[0] ?? [];
		error ??= last?.error;
	}
	assertNoSecrets(outputs, secrets, 'an output item');
	assertNoSecrets(error, secrets, 'an error');
	return { outputs, error };
}

/**
 * Runs a workflow through n8n-core's WorkflowExecute, starting at its first node with one empty
 * item (or `input`), and checks that no credential secret leaked into any output or error.
 */
export async function runWorkflow(
	json: WorkflowJson,
	options: {
		store: CredentialStore;
		input?: INodeExecutionData[];
		/** Cancels the execution when it settles, as the editor's Stop button does. */
		cancelWhen?: Promise<unknown>;
	},
): Promise<RunResult> {
	const pkg = await loadPackage();
	const workflow = new Workflow({
		id: 'test-workflow',
		name: json.name ?? 'test',
		nodes: json.nodes,
		connections: json.connections,
		nodeTypes: pkg.nodeTypes,
		active: false,
		settings: {},
	});
	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		nodes: json.nodes,
		connections: json.connections,
	} as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const additionalData = additionalDataFor(
		options.store,
		new TestCredentialsHelper(options.store, pkg.credentialTypes),
		hooks,
	);
	const runExecutionData = startingData(workflow, json, options.input);
	const execution = new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	void options.cancelWhen?.then(() => execution.cancel());
	await execution;
	const run = await finished;

	const { outputs, error } = outputsOf(run, secretsOf(options.store, pkg.credentialTypes));
	return { run, outputs, error, store: options.store };
}

export interface NodeRun {
	/** Output items of the node under test. */
	items: INodeExecutionData[];
	error?: ExecutionBaseError;
	store: CredentialStore;
}

/** Runs a single node of this package with the given parameters, credentials and input items. */
export async function runNode(options: {
	type: string;
	parameters: INodeParameters;
	credentials: CredentialStore | Record<string, ICredentialDataDecryptedObject>;
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node's version; 1 (as workflows saved before the resource locators) unless given. */
	typeVersion?: number;
	cancelWhen?: Promise<unknown>;
}): Promise<NodeRun> {
	const store =
		options.credentials instanceof CredentialStore
			? options.credentials
			: new CredentialStore(options.credentials);
	const node: INode = {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: `${PACKAGE_NAME}.${options.type}`,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(
			store.types().map((t) => [t, { id: `cred-${t}`, name: `${t} account` }]),
		),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const result = await runWorkflow(
		{ nodes: [node], connections: {} },
		{ store, input: options.input ?? [{ json: {} }], cancelWhen: options.cancelWhen },
	);
	return { items: result.outputs[node.name] ?? [], error: result.error, store };
}
