/**
 * Redis and PostgreSQL for a queue-mode n8n, from Debian's `redis-server` and `postgresql`
 * packages (installed with apt-get when missing), started as this script's own processes on free
 * 127.0.0.1 ports with their data in a temporary folder that `stop()` removes.
 *
 *   const services = await startQueueServices();
 *   const env = services.queueMode('line_1');   // a new database and Bull prefix for one n8n
 *   ...
 *   await services.stop();
 */
import { execFileSync } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { onCleanup } from '../lib/cleanup';
import { aptInstall, which } from '../lib/debian';
import { freePort, ManagedProcess } from '../lib/process';
import { waitUntil } from '../lib/wait';

/** The newest /usr/lib/postgresql/<version>/bin that has a postgres binary. */
function postgresBinDir(): string | undefined {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return undefined;
	const versions = readdirSync(base)
		.filter((v) => existsSync(join(base, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(base, versions[0], 'bin') : undefined;
}

/** Installs redis-server and postgresql with apt-get when either is missing. */
function ensureDebianPackages(): void {
	aptInstall([
		...(which('redis-server') ? [] : ['redis-server']),
		...(postgresBinDir() ? [] : ['postgresql']),
	]);
}

const portOpen = (port: number) =>
	new Promise<boolean>((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});

async function waitForPort(port: number, service: ManagedProcess): Promise<void> {
	await waitUntil(
		() => {
			service.assertRunning();
			return portOpen(port);
		},
		{
			what: `${service.name} to listen on 127.0.0.1:${port}`,
			timeoutMs: 60_000,
			show: (open) => (open ? 'open' : `closed; log: ${service.output.slice(-1000)}`),
			intervalMs: 100,
		},
	);
}

export interface Postgres {
	port: number;
	/** Creates an empty database and returns n8n's environment for it. */
	createDatabase(name: string): Record<string, string>;
}

export interface QueueServices {
	redis: { port: number };
	postgres: Postgres;
	/**
	 * n8n's environment for queue mode on a new database `n8n_<name>` and Bull queue prefix
	 * `bull-<name>`, so each run of an n8n main and its workers has its own of both.
	 */
	queueMode(name: string): Record<string, string>;
	stop(): Promise<void>;
}

/**
 * Redis without persistence and a PostgreSQL cluster made with initdb (trust authentication,
 * listening on 127.0.0.1 only, its socket in the temporary folder). PostgreSQL refuses to run as
 * root, so as root its processes run as the `postgres` user that Debian's package creates. Both
 * are stopped and their folder removed by `stop()`, at the end of the run or on Ctrl-C.
 */
export async function startQueueServices(): Promise<QueueServices> {
	ensureDebianPackages();
	const dir = mkdtempSync(join(tmpdir(), 'n8n-esign-queue-'));
	chmodSync(dir, 0o755);
	const services: ManagedProcess[] = [];
	const stop = onCleanup(async () => {
		for (const service of [...services].reverse()) await service.stop();
		rmSync(dir, { recursive: true, force: true });
	});
	try {
		const redisPort = await freePort();
		const redisDir = join(dir, 'redis');
		mkdirSync(redisDir);
		const redisArgs = [
			'--port',
			String(redisPort),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			redisDir,
			'--daemonize',
			'no',
		];
		const redis = ManagedProcess.spawn(
			'redis-server',
			'redis-server',
			redisArgs,
			{},
			'SIGTERM',
			15_000,
		);
		services.push(redis);

		const bin = postgresBinDir()!;
		const asUser =
			process.getuid?.() === 0
				? {
						uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
						gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
					}
				: {};
		const pgData = join(dir, 'pgdata');
		const pgSocket = join(dir, 'pgsocket');
		for (const folder of [pgData, pgSocket]) {
			mkdirSync(folder, { mode: 0o700 });
			if (asUser.uid !== undefined) chownSync(folder, asUser.uid, asUser.gid!);
		}
		const pgEnv = { ...process.env, HOME: dir, LC_ALL: 'C.UTF-8' };
		execFileSync(
			join(bin, 'initdb'),
			['-D', pgData, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'],
			{ ...asUser, env: pgEnv, cwd: dir, stdio: 'pipe' },
		);
		const pgPort = await freePort();
		// Durability is of no use to a throwaway database; fast shutdown on SIGINT.
		const pgArgs = [
			'-D',
			pgData,
			'-h',
			'127.0.0.1',
			'-p',
			String(pgPort),
			'-k',
			pgSocket,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		];
		const postgres = ManagedProcess.spawn(
			'postgres',
			join(bin, 'postgres'),
			pgArgs,
			{ ...asUser, env: pgEnv, cwd: dir },
			'SIGINT',
			15_000,
		);
		services.push(postgres);
		await waitForPort(redisPort, redis);
		await waitForPort(pgPort, postgres);
		// The port opens before the cluster accepts connections.
		await waitUntil(
			() => {
				postgres.assertRunning();
				execFileSync(
					join(bin, 'pg_isready'),
					['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres'],
					{ stdio: 'pipe' },
				);
				return true;
			},
			{ what: 'PostgreSQL to accept connections (pg_isready)', timeoutMs: 60_000 },
		);
		const database: Postgres = {
			port: pgPort,
			createDatabase(name) {
				execFileSync(
					join(bin, 'createdb'),
					['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', name],
					{ stdio: 'pipe' },
				);
				return {
					DB_TYPE: 'postgresdb',
					DB_POSTGRESDB_HOST: '127.0.0.1',
					DB_POSTGRESDB_PORT: String(pgPort),
					DB_POSTGRESDB_DATABASE: name,
					DB_POSTGRESDB_USER: 'postgres',
					DB_POSTGRESDB_PASSWORD: '',
				};
			},
		};
		return {
			redis: { port: redisPort },
			postgres: database,
			queueMode: (name) => ({
				...database.createDatabase(`n8n_${name}`),
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redisPort),
				QUEUE_BULL_PREFIX: `bull-${name}`,
			}),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
