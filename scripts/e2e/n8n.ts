/**
 * A throwaway real n8n of one line (see lines.js) with this package installed the way n8n installs
 * a community package: its CLI (import, execute) and, on demand, its server (`n8n start` on a free
 * 127.0.0.1 port) with a logged-in REST client to activate workflows and read their executions.
 * Everything it starts is stopped by `dispose()`; its folder is removed unless E2E_KEEP=1.
 *
 *   const n8n = await N8n.create(selectedLines('2')[0]);
 *   await n8n.importCredentials([e2eCredential('luminApi', sim.credential())]);
 *   const [id] = await n8n.importWorkflows([workflow], credentials);
 *   const run = await n8n.execute(id);              // Manual Trigger workflows
 *   const server = await n8n.start();               // or n8n.start({ EXECUTIONS_MODE: 'queue', ... })
 *   const worker = await n8n.startWorker();         // queue mode: create(line, { env }) with DB and Redis
 *   await server.activate(id);                      // 1.x activates, 2.x publishes
 *   await fetch(server.webhookUrl(triggerNode), { method: 'POST', ... });
 *   const executions = await server.settledExecutions(id);
 *   await n8n.dispose();
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const lines = require('./lines') as {
	root: string;
	selectedLines(value?: string): Line[];
	isInstalled(line: Line): boolean;
	lineEnv(line: Line, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
};

export interface Line {
	id: '1' | '2';
	dir: string;
	n8nVersion: string;
	n8nBin: string;
	pathPrefix: string[];
	nodeDir?: string;
	env: Record<string, string>;
	native: string[];
}

export const root = lines.root;
export const selectedLines = (value?: string): Line[] => lines.selectedLines(value);

/** A credential as `n8n import:credentials` takes it (plain data is encrypted on import). */
export interface E2eCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	onError?: string;
	[key: string]: unknown;
}

export interface Workflow {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, any> }> | null> };
	error?: { message: string; description?: string | null; httpCode?: string | null; context?: Record<string, unknown>; [key: string]: unknown };
}

/** What `n8n execute --rawOutput` reported, and helpers to read it. */
export class ExecuteResult {
	constructor(
		readonly exitCode: number,
		readonly stdout: string,
		readonly stderr: string,
		readonly run: { data: { resultData: { runData: Record<string, NodeRun[]>; error?: { message: string } } } } | undefined,
	) {}

	/** Items a node put on its first output in its first run. */
	items(node: string): Array<Record<string, any>> {
		return (this.run?.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	}

	/** The error a node failed with, if it did. */
	nodeError(node: string): NodeRun['error'] | undefined {
		return this.run?.data.resultData.runData[node]?.[0]?.error;
	}

	get error(): { message: string } | undefined {
		return this.run?.data.resultData.error ?? Object.values(this.run?.data.resultData.runData ?? {}).map((r) => r[0]?.error).find(Boolean);
	}

	/** Why there is no run, for messages. */
	get tail(): string {
		return `exit ${this.exitCode}: ${(this.stderr || this.stdout).slice(-600)}`;
	}
}

const ENCRYPTION_KEY = 'n8n-nodes-esign-e2e-key';
/** The owner every started server is set up with (for a browser session, say). */
export const OWNER = { email: 'owner@e2e.example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-owner-Passw0rd' };

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let packedTarball: string | undefined;

/** `npm pack` of the built package, once per process: exactly what the registry would serve. */
function packageTarball(): string {
	if (packedTarball) return packedTarball;
	const dir = mkdtempSync(join(tmpdir(), 'n8n-esign-pack-'));
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
	const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
	packedTarball = join(dir, filename);
	process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
	return packedTarball;
}

/**
 * The run JSON `n8n execute --rawOutput` prints among its log lines (2.x logs its task runner
 * after it): a "{" at a line start to a "}" at a line start that parse to a run.
 */
function parseRunJson(stdout: string): ExecuteResult['run'] {
	const starts = [...stdout.matchAll(/^\{/gm)].map((m) => m.index);
	const ends = [...stdout.matchAll(/^\}/gm)].map((m) => m.index + 1);
	for (const start of starts) {
		for (const end of ends.filter((e) => e > start).reverse()) {
			try {
				const parsed = JSON.parse(stdout.slice(start, end));
				if (parsed?.data?.resultData) return parsed;
			} catch {
				// not a whole JSON value: try a shorter one
			}
		}
	}
	return undefined;
}

export class N8n {
	readonly userFolder: string;
	private readonly workflowIds = new Set<string>();
	private server?: N8nServer;
	/** Every CLI run, server and worker, from the moment it is spawned (dispose() may come while one starts). */
	private readonly running = new Set<{ stop(): Promise<void> }>();
	private workersStarted = 0;
	private disposed = false;

	private constructor(
		readonly line: Line,
		private readonly sharedEnv: Record<string, string>,
	) {
		this.userFolder = mkdtempSync(join(tmpdir(), `n8n-esign-e2e-${line.id}x-`));
	}

	/**
	 * A fresh n8n user folder for `line` with the package installed; fails if the line is not
	 * installed. `env` goes to every process of the instance (CLI, server, workers): a database
	 * and queue settings, say.
	 */
	static async create(line: Line, options: { env?: Record<string, string> } = {}): Promise<N8n> {
		if (!lines.isInstalled(line)) {
			throw new Error(`n8n ${line.n8nVersion} (line ${line.id}.x) is not installed from its lockfile: run npm run e2e:install`);
		}
		const n8n = new N8n(line, options.env ?? {});
		n8n.installPackage();
		return n8n;
	}

	/** Environment of every n8n process of this instance. */
	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return lines.lineEnv(this.line, {
			...process.env,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_SECURE_COOKIE: 'false',
			// `execute` prints the run JSON through the logger: keep console output at info.
			N8N_LOG_OUTPUT: 'console',
			N8N_LOG_LEVEL: 'info',
			...this.line.env,
			...this.sharedEnv,
			...extra,
		});
	}

	/**
	 * As n8n installs a community package: <folder>/.n8n/nodes/node_modules/<name>, from the
	 * package's own tarball (so only what `files` publishes), listed in nodes/package.json.
	 */
	private installPackage() {
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
		const nodesDir = join(this.userFolder, '.n8n', 'nodes');
		const target = join(nodesDir, 'node_modules', manifest.name);
		mkdirSync(target, { recursive: true });
		execFileSync('tar', ['xzf', packageTarball(), '-C', target, '--strip-components=1']);
		writeFileSync(
			join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [manifest.name]: manifest.version } }, null, 2),
		);
	}

	/** Runs the n8n CLI without blocking this process (its simulators must keep answering). */
	async cli(
		args: string[],
		extraEnv: Record<string, string> = {},
		/** Called with the CLI's process ID once it runs (to sample its memory, say). */
		onSpawn?: (pid: number) => void,
		/** Options for the CLI's Node itself (--cpu-prof, say, which NODE_OPTIONS does not take on Node 20). */
		nodeArgs: string[] = [],
	): Promise<{ code: number; stdout: string; stderr: string }> {
		// A task runner broker port of its own, so that CLI runs never collide with a server or another line.
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extraEnv });
		// Its own process group like the server's, so that dispose() (on Ctrl-C too) ends it and its task runner.
		const child = nodeArgs.length
			? spawn('node', [...nodeArgs, realpathSync(this.line.n8nBin), ...args], { env, cwd: this.userFolder, detached: true })
			: spawn(this.line.n8nBin, args, { env, cwd: this.userFolder, detached: true });
		if (child.pid !== undefined) onSpawn?.(child.pid);
		let exited = false;
		const run = { stop: () => stopGroup(child, () => exited) };
		const result = new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			child.on('exit', () => (exited = true));
			child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
		});
		try {
			this.track(run);
		} catch (error) {
			await run.stop();
			throw error;
		}
		const outcome = await result;
		this.running.delete(run);
		return outcome;
	}

	private async cliOrThrow(args: string[]) {
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`n8n ${args[0]} failed on line ${this.line.id}.x: ${result.stdout}${result.stderr}`);
		return result;
	}

	async importCredentials(credentials: E2eCredential[]): Promise<void> {
		const file = join(this.userFolder, `credentials-${randomUUID()}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		await this.cliOrThrow(['import:credentials', `--input=${file}`]);
	}

	/**
	 * Imports workflows (inactive) and returns their IDs. Credential references are pointed at the
	 * credential they name when it is in `credentials`, else at the one of the same type.
	 */
	async importWorkflows(workflows: Workflow[], credentials: E2eCredential[]): Promise<string[]> {
		const dir = join(this.userFolder, `workflows-${randomUUID()}`);
		mkdirSync(dir);
		const ids = workflows.map((workflow, index) => {
			const id = workflow.id ?? `e2e${randomUUID().replace(/-/g, '').slice(0, 13)}`;
			const nodes = workflow.nodes.map((node) => ({
				...node,
				credentials: node.credentials
					? Object.fromEntries(
							Object.keys(node.credentials).map((type) => {
								// The credential the node names, if it is among them; else the one of its type.
								const credential = credentials.find((c) => c.id === node.credentials![type].id) ?? credentials.find((c) => c.type === type);
								if (!credential) throw new Error(`No credential of type ${type} for workflow "${workflow.name}"`);
								return [type, { id: credential.id, name: credential.name }];
							}),
						)
					: undefined,
			}));
			writeFileSync(join(dir, `${index}.json`), JSON.stringify({ ...workflow, id, nodes, active: false }));
			this.workflowIds.add(id);
			return id;
		});
		await this.cliOrThrow(['import:workflow', '--separate', `--input=${dir}`]);
		return ids;
	}

	/** `n8n execute --id --rawOutput` of a workflow that starts with a Manual Trigger. */
	async execute(workflowId: string, options: { env?: Record<string, string>; onSpawn?: (pid: number) => void; nodeArgs?: string[] } = {}): Promise<ExecuteResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], options.env, options.onSpawn, options.nodeArgs);
		return new ExecuteResult(result.code, result.stdout, result.stderr, parseRunJson(result.stdout));
	}

	/** Starts `n8n start` on a free port and logs in as the owner it sets up; `extraEnv` configures it further. */
	async start(extraEnv: Record<string, string> = {}): Promise<N8nServer> {
		if (this.server) return this.server;
		this.server = await N8nServer.start(this, extraEnv);
		return this.server;
	}

	/** Called by a server or worker right after it is spawned; refuses once dispose() has begun. */
	track(process: { stop(): Promise<void> }): void {
		this.running.add(process);
		if (this.disposed) throw new Error('this n8n is being disposed of');
	}

	/** Starts an `n8n worker` (queue mode) with this instance's folder, key and environment. */
	async startWorker(extraEnv: Record<string, string> = {}, concurrency = 10): Promise<N8nWorker> {
		return await N8nWorker.start(this, `worker-${++this.workersStarted}`, extraEnv, concurrency);
	}

	async dispose(): Promise<void> {
		this.disposed = true;
		// Workers first: they finish or hand back their jobs while main still answers.
		await Promise.all([...this.running].filter((p) => p instanceof N8nWorker).map((worker) => worker.stop()));
		await Promise.all([...this.running].map((p) => p.stop()));
		this.running.clear();
		this.server = undefined;
		if (process.env.E2E_KEEP !== '1') rmSync(this.userFolder, { recursive: true, force: true });
		else console.log(`(kept ${this.userFolder})`);
	}
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	finished: boolean;
	workflowId: string;
}

/** A running `n8n start`, with a REST session as its owner (what the editor uses on both lines). */
export class N8nServer {
	private cookie = '';
	private readonly browserId = randomUUID();
	private log = '';
	private exited?: number | null;

	private constructor(
		readonly n8n: N8n,
		private readonly child: ChildProcess,
		readonly port: number,
	) {
		child.stdout?.on('data', (chunk) => (this.log = (this.log + chunk).slice(-20_000)));
		child.stderr?.on('data', (chunk) => (this.log = (this.log + chunk).slice(-20_000)));
		child.on('exit', (code) => (this.exited = code));
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The production URL of a trigger node's webhook (webhookId + the webhook's path). */
	webhookUrl(node: { webhookId?: string }, path = 'webhook'): string {
		return `${this.baseUrl}/webhook/${node.webhookId}/${path}`;
	}

	/** The last lines the server logged. */
	get output(): string {
		return this.log;
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
		// Its own process group, so that stop() also ends the task runner it may spawn.
		const child = spawn(n8n.line.n8nBin, ['start'], { env, cwd: n8n.userFolder, detached: true });
		const server = new N8nServer(n8n, child, port);
		try {
			n8n.track(server);
			await server.waitUntilReady();
			await server.setUpOwner();
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	private async waitUntilReady(timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exited !== undefined) throw new Error(`n8n start exited (${this.exited}):\n${this.log.slice(-3000)}`);
			try {
				// Ready = the login route refuses us. Before that, 1.x has no such route yet (404) and
				// 2.x answers every path 200 with a short "starting up" page.
				const response = await fetch(`${this.baseUrl}/rest/login`, { headers: { 'browser-id': this.browserId } });
				if (response.status === 401 && response.headers.get('content-type')?.includes('json')) return;
			} catch {
				// not listening yet
			}
			await sleep(250);
		}
		throw new Error(`n8n start was not ready after ${timeoutMs / 1000} s:\n${this.log.slice(-3000)}`);
	}

	private async setUpOwner(): Promise<void> {
		const response = await this.rest('POST', '/owner/setup', OWNER, { allowStatus: true });
		if (response.status !== 200) {
			const login = await this.rest('POST', '/login', { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password }, { allowStatus: true });
			if (login.status !== 200) throw new Error(`Owner setup (${response.status}) and login (${login.status}) failed: ${JSON.stringify(login.body)}`);
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
		if (!options.allowStatus && !response.ok) throw new Error(`${method} /rest${path} answered ${response.status}: ${text.slice(0, 500)}`);
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
		return this.answer(await this.rest('POST', `/workflows/${id}/activate`, { versionId }, { allowStatus: true }));
	}

	async deactivate(id: string): Promise<{ status: number; message?: string }> {
		return this.answer(await this.rest('POST', `/workflows/${id}/deactivate`, {}, { allowStatus: true }));
	}

	private answer(response: { status: number; body: any }): { status: number; message?: string } {
		return { status: response.status, message: response.status === 200 ? undefined : String(response.body?.message ?? response.body) };
	}

	/**
	 * Waits until a production webhook is registered, asking as a browser's CORS preflight does
	 * (n8n lists the path's registered methods in Access-Control-Allow-Methods), so that no
	 * execution starts.
	 */
	async waitForWebhook(url: string, method = 'POST', timeoutMs = 30_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const response = await fetch(url, {
				method: 'OPTIONS',
				headers: { origin: this.baseUrl, 'access-control-request-method': method },
			}).catch(() => undefined);
			const allowed = response?.headers.get('access-control-allow-methods') ?? '';
			if (response && response.status < 300 && allowed.split(/,\s*/).includes(method)) return;
			await sleep(200);
		}
		throw new Error(`The webhook ${url} was not registered within ${timeoutMs / 1000} s`);
	}

	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { body } = await this.rest('GET', `/executions?filter=${filter}&limit=100`);
		return (body.data?.results ?? []) as ExecutionSummary[];
	}

	/** Waits until `workflowId` has no running execution and its count has stopped changing. */
	async settledExecutions(workflowId: string, quietMs = 1500, timeoutMs = 30_000): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		let last = -1;
		let since = Date.now();
		while (Date.now() < deadline) {
			const list = await this.executions(workflowId);
			const running = list.some((e) => ['new', 'running', 'waiting'].includes(e.status));
			if (list.length !== last || running) {
				last = list.length;
				since = Date.now();
			} else if (Date.now() - since >= quietMs) {
				return list;
			}
			await sleep(250);
		}
		throw new Error(`Executions of ${workflowId} did not settle within ${timeoutMs / 1000} s`);
	}

	/** One execution's run data (stored with `flatted`, parsed with the line's own copy). */
	async executionRun(id: string): Promise<{ resultData: { runData: Record<string, NodeRun[]>; error?: { message: string } } }> {
		const { body } = await this.rest('GET', `/executions/${id}`);
		const data = body.data?.data;
		if (typeof data !== 'string') return data;
		const flatted = require(require.resolve('flatted', { paths: [join(this.n8n.line.dir, 'node_modules', 'n8n')] })) as { parse(text: string): any };
		return flatted.parse(data);
	}

	async stop(): Promise<void> {
		await stopGroup(this.child, () => this.exited !== undefined);
	}
}

/** Sends `signal` to a detached child's process group (it and the task runner it may spawn), SIGKILL after `graceMs`. */
export async function stopGroup(child: ChildProcess, exited: () => boolean, graceMs = 20_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (exited() || child.pid === undefined) return;
	const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	try {
		process.kill(-child.pid, signal);
	} catch {
		return;
	}
	if ((await Promise.race([gone.then(() => 'gone'), sleep(graceMs).then(() => 'timeout')])) === 'timeout') {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
		await gone;
	}
}

/**
 * A running `n8n worker` (queue mode). It logs "Worker started execution <id> (job <n>)" for every
 * job it takes (both lines, at info level): `executionIds` is what this worker ran.
 */
export class N8nWorker {
	readonly executionIds = new Set<string>();
	private log = '';
	private pending = '';
	private exited?: number | null;

	private constructor(
		readonly name: string,
		private readonly child: ChildProcess,
	) {
		const read = (chunk: Buffer) => {
			const text = chunk.toString();
			this.log = (this.log + text).slice(-20_000);
			const lines = (this.pending + text).split('\n');
			this.pending = lines.pop() ?? '';
			for (const line of lines) {
				const match = /Worker started execution (\d+)/.exec(line);
				if (match) this.executionIds.add(match[1]);
			}
		};
		child.stdout?.on('data', read);
		child.stderr?.on('data', read);
		child.on('exit', (code) => (this.exited = code));
	}

	get output(): string {
		return this.log;
	}

	static async start(n8n: N8n, name: string, extraEnv: Record<string, string>, concurrency: number): Promise<N8nWorker> {
		const env = n8n.env({
			// Ports of its own: the task runner broker, and the health/metrics server if one is asked for.
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...extraEnv,
		});
		const child = spawn(n8n.line.n8nBin, ['worker', `--concurrency=${concurrency}`], { env, cwd: n8n.userFolder, detached: true });
		const worker = new N8nWorker(name, child);
		try {
			n8n.track(worker);
			const deadline = Date.now() + 120_000;
			while (!/n8n worker is now ready/.test(worker.log)) {
				if (worker.exited !== undefined) throw new Error(`n8n worker exited (${worker.exited}):\n${worker.log.slice(-3000)}`);
				if (Date.now() > deadline) throw new Error(`n8n worker was not ready after 120 s:\n${worker.log.slice(-3000)}`);
				await sleep(250);
			}
		} catch (error) {
			await worker.stop();
			throw error;
		}
		return worker;
	}

	async stop(): Promise<void> {
		await stopGroup(this.child, () => this.exited !== undefined);
	}
}
