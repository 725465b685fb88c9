/**
 * Redis and PostgreSQL for a queue-mode n8n, from Debian's `redis-server` and `postgresql`
 * packages (installed with apt-get when missing), started as this script's own processes on free
 * 127.0.0.1 ports with their data in a temporary folder that `stop()` removes.
 *
 *   const services = await startQueueServices();
 *   const db = await services.postgres.createDatabase('n8n_line_1');
 *   ...
 *   await services.stop();
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, stopGroup } from './n8n';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A process started detached (its own process group), so that Ctrl-C reaches only this script. */
export class Service {
	private log = '';
	private exitCode?: number | null;

	constructor(
		readonly name: string,
		readonly child: ChildProcess,
		private readonly stopSignal: NodeJS.Signals = 'SIGTERM',
	) {
		child.stdout?.on('data', (chunk) => (this.log = (this.log + chunk).slice(-20_000)));
		child.stderr?.on('data', (chunk) => (this.log = (this.log + chunk).slice(-20_000)));
		child.on('exit', (code) => (this.exitCode = code));
	}

	get output(): string {
		return this.log;
	}

	get exited(): boolean {
		return this.exitCode !== undefined;
	}

	async stop(): Promise<void> {
		await stopGroup(this.child, () => this.exited, 15_000, this.stopSignal);
	}
}

function which(binary: string): string | undefined {
	try {
		return execFileSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).trim() || undefined;
	} catch {
		return undefined;
	}
}

/** The newest /usr/lib/postgresql/<version>/bin that has a postgres binary. */
function postgresBinDir(): string | undefined {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return undefined;
	const versions = readdirSync(base)
		.filter((v) => existsSync(join(base, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(base, versions[0], 'bin') : undefined;
}

/** Installs redis-server and postgresql with apt-get when either is missing (CI runs as root on a fresh machine). */
export function ensureDebianPackages(): void {
	const missing = [...(which('redis-server') ? [] : ['redis-server']), ...(postgresBinDir() ? [] : ['postgresql'])];
	if (!missing.length) return;
	if (process.getuid?.() !== 0) throw new Error(`${missing.join(' and ')} missing; install with: sudo apt-get install -y ${missing.join(' ')}`);
	console.log(`Installing ${missing.join(', ')} with apt-get…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

async function waitForPort(port: number, service: Service, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (service.exited) throw new Error(`${service.name} exited:\n${service.output.slice(-2000)}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => (socket.destroy(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await sleep(100);
	}
	throw new Error(`${service.name} did not listen on ${port} within ${timeoutMs / 1000} s:\n${service.output.slice(-2000)}`);
}

export interface Postgres {
	port: number;
	/** Creates an empty database and returns n8n's environment for it. */
	createDatabase(name: string): Record<string, string>;
}

export interface QueueServices {
	redis: { port: number };
	postgres: Postgres;
	/** Every started service, for the caller's own bookkeeping. */
	services: Service[];
	stop(): Promise<void>;
}

/**
 * Redis without persistence and a PostgreSQL cluster made with initdb (trust authentication,
 * listening on 127.0.0.1 only, its socket in the temporary folder). PostgreSQL refuses to run as
 * root, so as root its processes run as the `postgres` user that Debian's package creates.
 */
export async function startQueueServices(): Promise<QueueServices> {
	ensureDebianPackages();
	const dir = mkdtempSync(join(tmpdir(), 'n8n-esign-queue-'));
	chmodSync(dir, 0o755);
	const services: Service[] = [];
	const stop = async () => {
		for (const service of [...services].reverse()) await service.stop();
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		const redisPort = await freePort();
		const redisDir = join(dir, 'redis');
		mkdirSync(redisDir);
		const redis = new Service(
			'redis-server',
			spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir, '--daemonize', 'no'], {
				detached: true,
			}),
		);
		services.push(redis);

		const bin = postgresBinDir()!;
		const asUser = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) } : {};
		const pgData = join(dir, 'pgdata');
		const pgSocket = join(dir, 'pgsocket');
		for (const folder of [pgData, pgSocket]) {
			mkdirSync(folder, { mode: 0o700 });
			if (asUser.uid !== undefined) chownSync(folder, asUser.uid, asUser.gid!);
		}
		const pgEnv = { ...process.env, HOME: dir, LC_ALL: 'C.UTF-8' };
		execFileSync(join(bin, 'initdb'), ['-D', pgData, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'], { ...asUser, env: pgEnv, cwd: dir, stdio: 'pipe' });
		const pgPort = await freePort();
		// Durability is of no use to a throwaway database; fast shutdown on SIGINT.
		const postgres = new Service(
			'postgres',
			spawn(
				join(bin, 'postgres'),
				['-D', pgData, '-h', '127.0.0.1', '-p', String(pgPort), '-k', pgSocket, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
				{ ...asUser, env: pgEnv, cwd: dir, detached: true },
			),
			'SIGINT',
		);
		services.push(postgres);
		await waitForPort(redisPort, redis);
		await waitForPort(pgPort, postgres);
		// The port opens before the cluster accepts connections.
		const deadline = Date.now() + 30_000;
		while (true) {
			try {
				execFileSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres'], { stdio: 'pipe' });
				break;
			} catch (error) {
				if (Date.now() > deadline) throw error;
				await sleep(200);
			}
		}
		return {
			redis: { port: redisPort },
			postgres: {
				port: pgPort,
				createDatabase(name) {
					execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', name], { stdio: 'pipe' });
					return {
						DB_TYPE: 'postgresdb',
						DB_POSTGRESDB_HOST: '127.0.0.1',
						DB_POSTGRESDB_PORT: String(pgPort),
						DB_POSTGRESDB_DATABASE: name,
						DB_POSTGRESDB_USER: 'postgres',
						DB_POSTGRESDB_PASSWORD: '',
					};
				},
			},
			services,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
