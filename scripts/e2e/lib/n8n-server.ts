/**
 * A running `n8n start` of an N8n instance, with a REST session as its owner (what the editor
 * uses on both lines): activate workflows, wait for their webhooks and executions, read runs.
 *
 *   const server = await n8n.start();
 *   await server.activate(id);                      // 1.x activates, 2.x publishes
 *   await server.waitForWebhook(server.webhookUrl(triggerNode));
 *   await fetch(server.webhookUrl(triggerNode), { method: 'POST', ... });
 *   const [execution] = await server.waitForExecutions(id, { count: 1 });
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import type { N8n } from './n8n';
import { freePort, type ManagedProcess } from './process';
import type { ExecutionSummary, RunData } from './types';
import { waitUntil } from './wait';

/** The owner every started server is set up with (for a browser session, say). */
export const OWNER = {
	email: 'owner@e2e.example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-owner-Passw0rd',
};

/** A server start on a loaded 2-core machine (1.x takes ~15 s quiet, 2.x ~25 s). */
const START_TIMEOUT = 180_000;
/** An execution's statuses before it has ended. */
const UNFINISHED = ['new', 'running', 'waiting'];

export class N8nServer {
	private cookie = '';
	private readonly browserId = randomUUID();

	private constructor(
		readonly n8n: N8n,
		readonly process: ManagedProcess,
		readonly port: number,
	) {}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The production URL of a trigger node's webhook (webhookId + the webhook's path). */
	webhookUrl(node: { webhookId?: string }, path = 'webhook'): string {
		return `${this.baseUrl}/webhook/${node.webhookId}/${path}`;
	}

	/** The last lines the server logged. */
	get output(): string {
		return this.process.output;
	}

	static async start(n8n: N8n, extraEnv: Record<string, string> = {}): Promise<N8nServer> {
		const port = await freePort();
		const env = n8n.env({
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_HIRING_BANNER_ENABLED: 'false',
			...extraEnv,
		});
		const server = new N8nServer(n8n, n8n.spawn('n8n start', ['start'], env), port);
		try {
			await server.waitUntilReady();
			await server.setUpOwner();
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	/**
	 * Ready = the login route refuses us. Before that, 1.x has no such route yet (404) and 2.x
	 * answers every path 200 with a short "starting up" page.
	 */
	private async waitUntilReady(): Promise<void> {
		await waitUntil(
			async () => {
				this.process.assertRunning();
				const response = await fetch(`${this.baseUrl}/rest/login`, {
					headers: { 'browser-id': this.browserId },
				});
				return {
					status: response.status,
					json: Boolean(response.headers.get('content-type')?.includes('json')),
				};
			},
			{
				what: `n8n ${this.n8n.line.n8nVersion} to answer GET /rest/login with 401 JSON`,
				until: (answer) => answer.status === 401 && answer.json,
				show: (answer) =>
					`${answer.status}${answer.json ? ' JSON' : ''}; log: ${this.output.slice(-1500)}`,
				timeoutMs: START_TIMEOUT,
				intervalMs: 250,
			},
		);
	}

	private async setUpOwner(): Promise<void> {
		const response = await this.rest('POST', '/owner/setup', OWNER, { allowStatus: true });
		if (response.status !== 200) {
			const login = await this.rest(
				'POST',
				'/login',
				{ emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password },
				{ allowStatus: true },
			);
			if (login.status !== 200)
				throw new Error(
					`Owner setup (${response.status}) and login (${login.status}) failed: ${JSON.stringify(login.body)}`,
				);
		}
		if (!this.cookie) throw new Error('n8n set no auth cookie');
	}

	/** A REST call as the owner; throws on a non-2xx answer unless allowStatus. */
	async rest(
		method: string,
		path: string,
		body?: unknown,
		options: { allowStatus?: boolean } = {},
	): Promise<{ status: number; body: any }> {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		let parsed: any = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		if (!options.allowStatus && !response.ok)
			throw new Error(`${method} /rest${path} answered ${response.status}: ${text.slice(0, 500)}`);
		return { status: response.status, body: parsed };
	}

	async workflow(id: string): Promise<Record<string, any>> {
		return (await this.rest('GET', `/workflows/${id}`)).body.data;
	}

	/**
	 * Activates (1.x) or publishes (2.x) a workflow through the REST API, as the editor does (both
	 * lines have POST /rest/workflows/:id/activate with the version to activate). 1.x answers 400
	 * when a trigger's activation fails; 2.x answers 200 and retries the trigger in the background.
	 */
	async activate(id: string): Promise<{ status: number; message?: string }> {
		const { versionId } = await this.workflow(id);
		return this.answer(
			await this.rest('POST', `/workflows/${id}/activate`, { versionId }, { allowStatus: true }),
		);
	}

	async deactivate(id: string): Promise<{ status: number; message?: string }> {
		return this.answer(
			await this.rest('POST', `/workflows/${id}/deactivate`, {}, { allowStatus: true }),
		);
	}

	private answer(response: { status: number; body: any }): { status: number; message?: string } {
		return {
			status: response.status,
			message:
				response.status === 200 ? undefined : String(response.body?.message ?? response.body),
		};
	}

	/**
	 * Waits until a production webhook is registered, asking as a browser's CORS preflight does
	 * (n8n lists the path's registered methods in Access-Control-Allow-Methods), so that no
	 * execution starts.
	 */
	async waitForWebhook(url: string, method = 'POST', timeoutMs = 60_000): Promise<void> {
		await waitUntil(
			async () => {
				const response = await fetch(url, {
					method: 'OPTIONS',
					headers: { origin: this.baseUrl, 'access-control-request-method': method },
				});
				return {
					status: response.status,
					allowed: response.headers.get('access-control-allow-methods') ?? '',
				};
			},
			{
				what: `the webhook ${url} to be registered for ${method}`,
				until: (answer) => answer.status < 300 && answer.allowed.split(/,\s*/).includes(method),
				show: (answer) => `OPTIONS answered ${answer.status}, allowed methods "${answer.allowed}"`,
				timeoutMs,
			},
		);
	}

	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { body } = await this.rest('GET', `/executions?filter=${filter}&limit=100`);
		return (body.data?.results ?? []) as ExecutionSummary[];
	}

	/**
	 * Waits until `workflowId` has at least `count` executions (any, by default) and none of them
	 * is still running. With `stableMs`, the list must also stay the same that long: how a check
	 * learns that no further execution is coming (one execution per delivery, say).
	 */
	async waitForExecutions(
		workflowId: string,
		options: { count?: number; stableMs?: number; timeoutMs?: number; what?: string } = {},
	): Promise<ExecutionSummary[]> {
		const { count = 0, stableMs = 0, timeoutMs = 60_000 } = options;
		const ended = `${count ? `${count} execution(s)` : 'its executions'} to end${stableMs ? `, and no other to start for ${stableMs / 1000} s` : ''}`;
		return await waitUntil(() => this.executions(workflowId), {
			what: options.what ?? `workflow ${workflowId}: ${ended}`,
			until: (list) => list.length >= count && !list.some((e) => UNFINISHED.includes(e.status)),
			show: (list) =>
				`${list.length} execution(s)${list.length ? `: ${list.map((e) => `${e.id} ${e.status}`).join(', ')}` : ''}`,
			stableMs,
			timeoutMs,
			intervalMs: 250,
		});
	}

	/** One execution's run data (stored with `flatted`, parsed with the line's own copy). */
	async executionRun(id: string): Promise<RunData> {
		const { body } = await this.rest('GET', `/executions/${id}`);
		const data = body.data?.data;
		if (typeof data !== 'string') return data;
		const flatted = require(
			require.resolve('flatted', { paths: [join(this.n8n.line.dir, 'node_modules', 'n8n')] }),
		) as { parse(text: string): any };
		return flatted.parse(data);
	}

	async stop(): Promise<void> {
		await this.process.stop();
	}
}
