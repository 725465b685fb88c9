/**
 * A throwaway real n8n of one line (see lines.js) with this package installed the way n8n installs
 * a community package: its CLI (import, execute) and, on demand, its server (n8n-server.ts) and
 * queue-mode workers (n8n-worker.ts). Everything it starts is stopped by `dispose()`, which
 * `create` registers for the end of the run and for Ctrl-C; its folder is removed unless E2E_KEEP=1.
 *
 *   const n8n = await N8n.create(selectedLines('2')[0]);
 *   await n8n.importCredentials([e2eCredential('luminApi', sim.credential())]);
 *   const [id] = await n8n.importWorkflows([workflow], credentials);
 *   const run = await n8n.execute(id);              // Manual Trigger workflows
 *   const server = await n8n.start();               // or n8n.start({ EXECUTIONS_MODE: 'queue', ... })
 *   const worker = await n8n.startWorker();         // queue mode: create(line, { env }) with DB and Redis
 *   await n8n.dispose();
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { onCleanup } from './cleanup';
import { ExecuteResult } from './execute-result';
import { isInstalled, lineEnv, root } from './installs';
import { N8nServer } from './n8n-server';
import { N8nWorker } from './n8n-worker';
import { freePort, ManagedProcess } from './process';
import type { E2eCredential, Line, Workflow } from './types';

const ENCRYPTION_KEY = 'n8n-nodes-esign-e2e-key';

let packedTarball: string | undefined;

/** `npm pack` of the built package, once per process: exactly what the registry would serve. */
function packageTarball(): string {
	if (packedTarball) return packedTarball;
	const dir = mkdtempSync(join(tmpdir(), 'n8n-esign-pack-'));
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
		cwd: root,
		encoding: 'utf8',
	});
	const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
	packedTarball = join(dir, filename);
	process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
	return packedTarball;
}

export class N8n {
	readonly userFolder: string;
	private server?: N8nServer;
	/** Every CLI run, server and worker, from the moment it is spawned (dispose() may come while one starts). */
	private readonly running = new Set<ManagedProcess>();
	private workersStarted = 0;
	private disposed = false;
	/** dispose(), registered for the end of the run and Ctrl-C. */
	readonly dispose: () => Promise<void>;

	private constructor(
		readonly line: Line,
		private readonly sharedEnv: Record<string, string>,
	) {
		this.userFolder = mkdtempSync(join(tmpdir(), `n8n-esign-e2e-${line.id}x-`));
		this.dispose = onCleanup(() => this.stopAll());
	}

	/**
	 * A fresh n8n user folder for `line` with the package installed; fails if the line is not
	 * installed. `env` goes to every process of the instance (CLI, server, workers): a database
	 * and queue settings, say.
	 */
	static async create(line: Line, options: { env?: Record<string, string> } = {}): Promise<N8n> {
		if (!isInstalled(line)) {
			throw new Error(
				`n8n ${line.n8nVersion} (line ${line.id}.x) is not installed from its lockfile: run npm run e2e:install`,
			);
		}
		const n8n = new N8n(line, options.env ?? {});
		n8n.installPackage();
		return n8n;
	}

	/** Environment of every n8n process of this instance. */
	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return lineEnv(this.line, {
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
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
			name: string;
			version: string;
		};
		const nodesDir = join(this.userFolder, '.n8n', 'nodes');
		const target = join(nodesDir, 'node_modules', manifest.name);
		mkdirSync(target, { recursive: true });
		execFileSync('tar', ['xzf', packageTarball(), '-C', target, '--strip-components=1']);
		writeFileSync(
			join(nodesDir, 'package.json'),
			JSON.stringify(
				{
					name: 'installed-nodes',
					private: true,
					dependencies: { [manifest.name]: manifest.version },
				},
				null,
				2,
			),
		);
	}

	/**
	 * Spawns an n8n command of this instance (its own process group, so that dispose() ends it and
	 * its task runner) and tracks it until it is stopped. `nodeArgs` go to the line's Node itself
	 * (--cpu-prof, say, which NODE_OPTIONS does not take on Node 20).
	 */
	spawn(
		name: string,
		args: string[],
		env: NodeJS.ProcessEnv,
		nodeArgs: string[] = [],
	): ManagedProcess {
		const started = nodeArgs.length
			? ManagedProcess.spawn(name, 'node', [...nodeArgs, realpathSync(this.line.n8nBin), ...args], {
					env,
					cwd: this.userFolder,
				})
			: ManagedProcess.spawn(name, this.line.n8nBin, args, { env, cwd: this.userFolder });
		this.running.add(started);
		started.child.once('exit', () => this.running.delete(started));
		if (this.disposed) {
			void started.stop();
			throw new Error('this n8n is being disposed of');
		}
		return started;
	}

	/** Runs the n8n CLI without blocking this process (its simulators must keep answering). */
	async cli(
		args: string[],
		options: {
			env?: Record<string, string>;
			onSpawn?: (pid: number) => void;
			nodeArgs?: string[];
		} = {},
	): Promise<{ code: number; stdout: string; stderr: string }> {
		// A task runner broker port of its own, so that CLI runs never collide with a server or another line.
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...options.env });
		const { child } = this.spawn(`n8n ${args[0]}`, args, env, options.nodeArgs);
		if (child.pid !== undefined) options.onSpawn?.(child.pid);
		return await new Promise((resolve) => {
			let stdout = '';
			let stderr = '';
			child.stdout?.on('data', (chunk) => (stdout += chunk));
			child.stderr?.on('data', (chunk) => (stderr += chunk));
			child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
		});
	}

	private async cliOrThrow(args: string[]) {
		const result = await this.cli(args);
		if (result.code !== 0)
			throw new Error(
				`n8n ${args[0]} failed on line ${this.line.id}.x: ${result.stdout}${result.stderr}`,
			);
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
								const credential =
									credentials.find((c) => c.id === node.credentials![type].id) ??
									credentials.find((c) => c.type === type);
								if (!credential)
									throw new Error(`No credential of type ${type} for workflow "${workflow.name}"`);
								return [type, { id: credential.id, name: credential.name }];
							}),
						)
					: undefined,
			}));
			writeFileSync(
				join(dir, `${index}.json`),
				JSON.stringify({ ...workflow, id, nodes, active: false }),
			);
			return id;
		});
		await this.cliOrThrow(['import:workflow', '--separate', `--input=${dir}`]);
		return ids;
	}

	/** `n8n execute --id --rawOutput` of a workflow that starts with a Manual Trigger. */
	async execute(
		workflowId: string,
		options: {
			env?: Record<string, string>;
			onSpawn?: (pid: number) => void;
			nodeArgs?: string[];
		} = {},
	): Promise<ExecuteResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], options);
		return ExecuteResult.parse(result.code, result.stdout, result.stderr);
	}

	/** Starts `n8n start` on a free port and logs in as the owner it sets up; `extraEnv` configures it further. */
	async start(extraEnv: Record<string, string> = {}): Promise<N8nServer> {
		this.server ??= await N8nServer.start(this, extraEnv);
		return this.server;
	}

	/**
	 * Stops `n8n start` as a restart or a deploy does (SIGTERM); start() then starts a new one on
	 * the same folder and database, which activates the active workflows again ('init').
	 */
	async stopServer(): Promise<void> {
		await this.server?.stop();
		this.server = undefined;
	}

	/** Starts an `n8n worker` (queue mode) with this instance's folder, key and environment. */
	async startWorker(extraEnv: Record<string, string> = {}, concurrency = 10): Promise<N8nWorker> {
		return await N8nWorker.start(this, `worker-${++this.workersStarted}`, extraEnv, concurrency);
	}

	private async stopAll(): Promise<void> {
		this.disposed = true;
		// Workers first: they finish or hand back their jobs while main still answers.
		await Promise.all(
			[...this.running]
				.filter((p) => p.name.startsWith(N8nWorker.PROCESS_NAME))
				.map((worker) => worker.stop()),
		);
		await Promise.all([...this.running].map((p) => p.stop()));
		this.running.clear();
		this.server = undefined;
		if (process.env.E2E_KEEP !== '1') rmSync(this.userFolder, { recursive: true, force: true });
		else console.log(`(kept ${this.userFolder})`);
	}
}
