import './env';

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookDescription,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CredentialStore, TestCredentialsHelper } from './credentials';
import { loadPackage, PACKAGE_NAME } from './package';
import { additionalDataFor } from './run';
import { assertNoSecrets, secretsOf } from './secrets';

export interface TriggerSetup {
	type: string;
	parameters: INodeParameters;
	credentials: CredentialStore;
	/** Workflow static data, kept between activation calls like n8n does. */
	staticData?: IDataObject;
	/** The node's version; 1 unless given. */
	typeVersion?: number;
}

async function triggerWorkflow(setup: TriggerSetup) {
	const pkg = await loadPackage();
	const node: INode = {
		id: 'trigger-under-test',
		name: 'Trigger Under Test',
		type: `${PACKAGE_NAME}.${setup.type}`,
		typeVersion: setup.typeVersion ?? 1,
		position: [0, 0],
		parameters: setup.parameters,
		webhookId: 'b3c1d2e4-0000-4000-8000-00000000abcd',
		credentials: Object.fromEntries(
			setup.credentials.types().map((t) => [t, { id: `cred-${t}`, name: `${t} account` }]),
		),
	};
	const workflow = new Workflow({
		id: 'trigger-workflow',
		nodes: [node],
		connections: {},
		nodeTypes: pkg.nodeTypes,
		active: true,
		settings: {},
		staticData: setup.staticData ?? {},
	});
	const nodeType = pkg.nodeType(setup.type);
	const description = nodeType.description.webhooks?.[0] as IWebhookDescription;
	const additionalData = additionalDataFor(
		setup.credentials,
		new TestCredentialsHelper(setup.credentials, pkg.credentialTypes),
	);
	const webhookData: IWebhookData = {
		httpMethod: description.httpMethod as IWebhookData['httpMethod'],
		node: node.name,
		path: String(description.path),
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
	return {
		pkg,
		workflow,
		node: workflow.getNode(node.name)!,
		nodeType,
		additionalData,
		webhookData,
	};
}

/** Runs one of the trigger's activation methods (checkExists, create, delete) through n8n-core's HookContext. */
export async function runWebhookMethod(
	setup: TriggerSetup,
	method: 'checkExists' | 'create' | 'delete',
) {
	const { workflow, node, nodeType, additionalData, webhookData } = await triggerWorkflow(setup);
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		'trigger',
		'activate',
		webhookData,
	);
	const fn = nodeType.webhookMethods?.default?.[method];
	if (!fn) throw new Error(`${setup.type} has no webhook method ${method}`);
	const result = await fn.call(context);
	setup.staticData = workflow.staticData as IDataObject;
	return { result, staticData: workflow.getStaticData('node', node) };
}

export interface WebhookCall {
	status: number;
	/** The items the trigger passed to the workflow, if it started one. */
	emitted?: INodeExecutionData[];
	responseBody: unknown;
}

/**
 * A real HTTP endpoint standing in for n8n's webhook server: each request is handed, with its raw
 * body, to the trigger's webhook() through n8n-core's WebhookContext.
 */
export async function startTrigger(setup: TriggerSetup) {
	const { workflow, node, nodeType, additionalData, webhookData, pkg } =
		await triggerWorkflow(setup);
	const calls: WebhookCall[] = [];
	const secrets = () => secretsOf(setup.credentials, pkg.credentialTypes);

	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		let body: unknown = {};
		try {
			body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			body = {};
		}
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const request = Object.assign(req, {
			body,
			rawBody,
			query: Object.fromEntries(url.searchParams),
			params: {},
		});
		let sentStatus = 200;
		let sentBody: unknown;
		const response = {
			headersSent: false,
			status(code: number) {
				sentStatus = code;
				return response;
			},
			json(data: unknown) {
				sentBody = data;
				response.headersSent = true;
				res.writeHead(sentStatus, { 'content-type': 'application/json' }).end(JSON.stringify(data));
				return response;
			},
			send(data: unknown) {
				return response.json(data);
			},
			end() {
				if (!response.headersSent) res.writeHead(sentStatus).end();
				response.headersSent = true;
				return response;
			},
			setHeader(name: string, value: string) {
				res.setHeader(name, value);
				return response;
			},
		};
		const context = new WebhookContext(
			workflow,
			node,
			{
				...additionalData,
				httpRequest: request,
				httpResponse: response,
			} as unknown as typeof additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		try {
			const result = await nodeType.webhook!.call(context);
			const emitted = result.workflowData?.[0];
			if (!result.noWebhookResponse && !response.headersSent) {
				response.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
			}
			assertNoSecrets(emitted, secrets(), 'a trigger output item');
			calls.push({ status: sentStatus, emitted, responseBody: sentBody });
		} catch (error) {
			calls.push({ status: 500, responseBody: String(error) });
			if (!response.headersSent) res.writeHead(500).end(JSON.stringify({ message: String(error) }));
		}
	};

	const server: Server = createServer((req, res) => void handle(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook`,
		calls,
		/** Posts `body` (sent byte for byte as given) with `headers`; resolves with n8n's answer. */
		async post(body: string | Buffer, headers: Record<string, string> = {}) {
			const response = await fetch(`http://127.0.0.1:${port}/webhook`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: typeof body === 'string' ? body : new Uint8Array(body),
			});
			const text = await response.text();
			return {
				status: response.status,
				body: text ? JSON.parse(text) : undefined,
				call: calls[calls.length - 1],
			};
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
