/**
 * Processes an end-to-end run starts (n8n, its workers, Redis, PostgreSQL, load): each in its own
 * process group, so that Ctrl-C reaches only the run, which then stops the group (the process and
 * whatever it spawned, n8n's task runner say) itself. Their output is kept (the last 20 kB) for
 * messages and for waiting on a line they log.
 */
import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

import { GiveUp, sleep, waitUntil } from './wait';

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

/** Sends `signal` to a detached child's process group, SIGKILL after `graceMs`. */
export async function stopGroup(
	child: ChildProcess,
	exited: () => boolean,
	graceMs = 20_000,
	signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
	if (exited() || child.pid === undefined) return;
	const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	try {
		process.kill(-child.pid, signal);
	} catch {
		return;
	}
	if (
		(await Promise.race([gone.then(() => 'gone'), sleep(graceMs).then(() => 'timeout')])) ===
		'timeout'
	) {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
		await gone;
	}
}

const KEEP = 20_000;

/** A started process with its own group, its output's tail and its exit code. */
export class ManagedProcess {
	private log = '';
	private exitCode?: number | null;
	private readonly listeners: Array<(text: string) => void> = [];

	constructor(
		readonly name: string,
		readonly child: ChildProcess,
		private readonly stopSignal: NodeJS.Signals = 'SIGTERM',
		private readonly graceMs = 20_000,
	) {
		const read = (chunk: Buffer) => {
			const text = chunk.toString();
			this.log = (this.log + text).slice(-KEEP);
			for (const listener of this.listeners) listener(text);
		};
		child.stdout?.on('data', read);
		child.stderr?.on('data', read);
		child.on('exit', (code) => (this.exitCode = code));
	}

	/** Spawns `command` detached (its own process group) with its output piped. */
	static spawn(
		name: string,
		command: string,
		args: string[],
		options: SpawnOptions = {},
		stopSignal?: NodeJS.Signals,
		graceMs?: number,
	): ManagedProcess {
		return new ManagedProcess(
			name,
			spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }),
			stopSignal,
			graceMs,
		);
	}

	get output(): string {
		return this.log;
	}

	get exited(): boolean {
		return this.exitCode !== undefined;
	}

	/** Called with every chunk of output from now on (lines may arrive split). */
	onOutput(listener: (text: string) => void): void {
		this.listeners.push(listener);
	}

	/** Throws GiveUp (ends a wait at once) if the process has exited. */
	assertRunning(): void {
		if (this.exited)
			throw new GiveUp(`${this.name} exited (${this.exitCode}):\n${this.log.slice(-3000)}`);
	}

	/** Waits until the process has logged a line matching `pattern`; fails at once if it exits. */
	async waitForOutput(pattern: RegExp, what: string, timeoutMs: number): Promise<void> {
		await waitUntil(
			() => {
				this.assertRunning();
				return pattern.test(this.log);
			},
			{
				what: `${this.name} to log ${what}`,
				timeoutMs,
				show: () => this.log.slice(-1500) || 'no output',
				intervalMs: 250,
			},
		);
	}

	async stop(): Promise<void> {
		await stopGroup(this.child, () => this.exited, this.graceMs, this.stopSignal);
	}
}
