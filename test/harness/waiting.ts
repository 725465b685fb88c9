import './env';

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionBaseError,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { type CredentialStore, TestCredentialsHelper } from './credentials';
import { type LoadedPackage, loadPackage } from './package';
import { additionalDataFor, outputsOf, startingData, type WorkflowJson } from './run';
import { secretsOf } from './secrets';
import { selfSignedCertificate } from './tls';

/**
 * n8n's waiting executions, for the engine tests: a workflow runs through WorkflowExecute until a
 * node puts it to wait; an HTTPS endpoint then stands in for n8n's /webhook-waiting/<id>, doing
 * what WaitingWebhooks does on both lines (n8n/dist/webhooks/waiting-webhooks.js): the call runs
 * the waiting node's webhook() through WebhookContext over the stored execution data, and when it
 * returns workflowData the execution goes on from there with WorkflowExecute. `expire()` does
 * what the wait limit does (the node is skipped, its input passes on). Like n8n 1.x, nothing but
 * the execution's status stops two calls that arrive together from both continuing it; like 2.x,
 * on the 2.x line a call without the execution's resume token is refused.
 */

/** n8n-core's major version: the resume token exists on 2.x only. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LINE = (require('n8n-core/package.json') as { version: string }).version.split('.')[0];

export interface ResumeCall {
	method: string;
	url: string;
	status: number;
	/** Whether this call ended the wait. */
	resumed: boolean;
	/** Set when the node's webhook() threw (n8n would then end the execution with that error). */
	threw?: string;
}

export interface Outputs {
	run: IRun;
	/** Output items of each node, by node name (first output, last run). */
	outputs: Record<string, INodeExecutionData[]>;
	error?: ExecutionBaseError;
}

type Status = 'waiting' | 'running' | 'finished';

class WaitingExecution {
	status: Status = 'running';
	stored?: IRunExecutionData;
	waitTill?: Date;
	readonly calls: ResumeCall[] = [];
	/** The execution's outputs each time it stopped: waiting, then finished. */
	readonly stops: Outputs[] = [];
	private finishedResolve?: (outputs: Outputs) => void;
	/** Settles when the execution has finished (after a resume call or the limit). */
	readonly finished = new Promise<Outputs>((resolve) => (this.finishedResolve = resolve));

	constructor(
		readonly id: string,
		readonly json: WorkflowJson,
		readonly store: CredentialStore,
		readonly pkg: LoadedPackage,
		readonly resumeToken: string | undefined,
	) {}

	get resumeUrl(): string {
		const url = `${waitingBase()}/${this.id}`;
		return this.resumeToken ? `${url}?signature=${this.resumeToken}` : url;
	}

	workflow(): Workflow {
		return new Workflow({
			id: 'test-workflow',
			name: this.json.name ?? 'test',
			nodes: this.json.nodes,
			connections: this.json.connections,
			nodeTypes: this.pkg.nodeTypes,
			active: true,
			settings: {},
		});
	}

	additionalData(hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
		const data = additionalDataFor(
			this.store,
			new TestCredentialsHelper(this.store, this.pkg.credentialTypes),
			hooks,
		);
		return {
			...data,
			executionId: this.id,
			webhookWaitingBaseUrl: waitingBase(),
		} as IWorkflowExecuteAdditionalData;
	}

	/** Runs (or continues) the execution with WorkflowExecute and records where it stopped. */
	async execute(data: IRunExecutionData): Promise<Outputs> {
		this.status = 'running';
		const workflow = this.workflow();
		const base = {
			id: workflow.id,
			name: workflow.name,
			nodes: this.json.nodes,
			connections: this.json.connections,
		} as unknown as IWorkflowBase;
		const hooks = new ExecutionLifecycleHooks('webhook', this.id, base);
		const ended = new Promise<IRun>((resolve) =>
			hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
		);
		await new WorkflowExecute(this.additionalData(hooks), 'webhook', data).processRunExecutionData(
			workflow,
		);
		const run = await ended;
		const outputs = { run, ...outputsOf(run, secretsOf(this.store, this.pkg.credentialTypes)) };
		this.stops.push(outputs);
		if (run.waitTill) {
			this.status = 'waiting';
			this.waitTill = run.waitTill;
			this.stored = structuredClone(run.data);
		} else {
			this.status = 'finished';
			this.finishedResolve?.(outputs);
		}
		return outputs;
	}

	/** What n8n's wait tracker does when the limit passes: the execution goes on without running the node. */
	async expire(): Promise<Outputs> {
		if (this.status !== 'waiting') throw new Error(`execution ${this.id} is ${this.status}`);
		return await this.execute(structuredClone(this.stored!));
	}

	/** One call to the resume URL, handled as WaitingWebhooks does. */
	async handle(req: IncomingMessage, res: ServerResponse, url: URL, suffix: string) {
		const call: ResumeCall = {
			method: req.method ?? 'GET',
			url: url.href,
			status: 0,
			resumed: false,
		};
		this.calls.push(call);
		const reply = (status: number, body: unknown) => {
			call.status = status;
			res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
		};
		if (this.resumeToken && url.searchParams.get('signature') !== this.resumeToken)
			return reply(401, { error: 'Invalid token' });
		if (this.status === 'running')
			return reply(409, { message: `The execution "${this.id}" is running already.` });
		if (this.status === 'finished')
			return reply(409, { message: `The execution "${this.id} has finished already.` });

		const data = structuredClone(this.stored!);
		const lastNode = data.resultData.lastNodeExecuted!;
		data.executionData!.nodeExecutionStack[0].node.disabled = true;
		data.waitTill = undefined;
		data.resultData.runData[lastNode].pop();
		const workflow = this.workflow();
		const node = workflow.getNode(lastNode) as INode;
		const nodeType = this.pkg.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const description = nodeType.description.webhooks?.find(
			(w) => w.httpMethod === call.method && w.path === suffix && w.restartWebhook === true,
		) as IWebhookDescription | undefined;
		if (!description || !nodeType.webhook)
			return reply(404, { message: 'no waiting webhook with a matching path/method' });

		const rawBody = await readBody(req);
		const request = Object.assign(req, {
			body: parseBody(rawBody),
			rawBody,
			query: Object.fromEntries(url.searchParams),
			params: {},
		});
		const response = fakeResponse(res, call);
		const additionalData = {
			...this.additionalData(),
			httpRequest: request,
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData: IWebhookData = {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: node.name,
			path: suffix,
			webhookDescription: description,
			workflowId: workflow.id!,
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			data,
		);
		let result;
		try {
			result = await nodeType.webhook.call(context);
		} catch (error) {
			call.threw = String(error);
			if (!response.headersSent) reply(500, { message: 'Workflow could not be started!' });
			return;
		}
		if (!result.noWebhookResponse && !response.headersSent)
			response.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
		if (!result.workflowData) return;
		call.resumed = true;
		data.executionData!.nodeExecutionStack[0].data.main = result.workflowData;
		await this.execute(data);
	}
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function parseBody(raw: Buffer): unknown {
	if (!raw.length) return {};
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return {};
	}
}

/** The parts of express's response the nodes use, on a real response. */
function fakeResponse(res: ServerResponse, call: ResumeCall) {
	let status = 200;
	const response = {
		headersSent: false,
		status(code: number) {
			status = code;
			return response;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return response;
		},
		json(data: unknown) {
			res.setHeader('content-type', 'application/json');
			return response.send(JSON.stringify(data));
		},
		send(data: unknown) {
			call.status = status;
			response.headersSent = true;
			res.writeHead(status).end(typeof data === 'string' ? data : JSON.stringify(data));
			return response;
		},
		end() {
			call.status = status;
			response.headersSent = true;
			res.writeHead(status).end();
			return response;
		},
	};
	return response;
}

const executions = new Map<string, WaitingExecution>();
let server: Server | undefined;
let port = 0;

function waitingBase(): string {
	return `https://127.0.0.1:${port}/webhook-waiting`;
}

async function ensureServer(): Promise<void> {
	if (server) return;
	server = createServer(selfSignedCertificate(), (req, res) => {
		const url = new URL(req.url ?? '/', `https://127.0.0.1:${port}`);
		const match = /^\/webhook-waiting\/([^/]+)(?:\/(.*))?$/.exec(url.pathname);
		const execution = match ? executions.get(match[1]) : undefined;
		if (!execution) {
			res.writeHead(404).end(JSON.stringify({ message: 'The execution does not exist.' }));
			return;
		}
		void execution.handle(req, res, url, match?.[2] ?? '');
	});
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	port = (server.address() as AddressInfo).port;
}

/** Stops the stand-in for n8n's resume endpoint (jest does so after each test file). */
export async function stopWaitingServer(): Promise<void> {
	server?.closeAllConnections();
	await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
	server = undefined;
	executions.clear();
}

// Registered when a test file imports this harness; the server itself starts with the first run.
if (typeof afterAll === 'function') afterAll(stopWaitingServer);

let counter = 0;

export type WaitingRun = WaitingExecution;

/**
 * Starts `json` at its first node with `input` (one empty item by default) and runs it until it
 * finishes or waits. Resume calls go to `run.resumeUrl`; `run.finished` settles once it has gone on.
 */
export async function startWaitingRun(
	json: WorkflowJson,
	options: { store: CredentialStore; input?: INodeExecutionData[] },
): Promise<WaitingRun> {
	await ensureServer();
	const pkg = await loadPackage();
	const id = String(1000 + ++counter);
	const token = LINE === '1' ? undefined : randomBytes(32).toString('hex');
	const execution = new WaitingExecution(id, json, options.store, pkg, token);
	executions.set(id, execution);
	const data = startingData(execution.workflow(), json, options.input);
	await execution.execute(token ? { ...data, resumeToken: token } : data);
	return execution;
}
