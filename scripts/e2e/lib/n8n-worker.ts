/**
 * A running `n8n worker` (queue mode) of an N8n instance. It logs "Worker started execution <id>
 * (job <n>)" for every job it takes (both lines, at info level): `executionIds` is what this
 * worker ran.
 */
import type { N8n } from './n8n';
import { freePort, type ManagedProcess } from './process';

/** A worker start on a loaded 2-core machine. */
const START_TIMEOUT = 180_000;

export class N8nWorker {
	/** The name every worker process starts with (dispose() stops workers before main). */
	static readonly PROCESS_NAME = 'n8n worker';
	readonly executionIds = new Set<string>();
	private pending = '';

	private constructor(
		readonly name: string,
		readonly process: ManagedProcess,
	) {
		process.onOutput((text) => {
			const lines = (this.pending + text).split('\n');
			this.pending = lines.pop() ?? '';
			for (const line of lines) {
				const match = /Worker started execution (\d+)/.exec(line);
				if (match) this.executionIds.add(match[1]);
			}
		});
	}

	get output(): string {
		return this.process.output;
	}

	static async start(
		n8n: N8n,
		name: string,
		extraEnv: Record<string, string>,
		concurrency: number,
	): Promise<N8nWorker> {
		const env = n8n.env({
			// Ports of its own: the task runner broker, and the health/metrics server if one is asked for.
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...extraEnv,
		});
		const process = n8n.spawn(
			`${N8nWorker.PROCESS_NAME} (${name})`,
			['worker', `--concurrency=${concurrency}`],
			env,
		);
		const worker = new N8nWorker(name, process);
		try {
			await process.waitForOutput(
				/n8n worker is now ready/,
				'"n8n worker is now ready"',
				START_TIMEOUT,
			);
		} catch (error) {
			await worker.stop();
			throw error;
		}
		return worker;
	}

	async stop(): Promise<void> {
		await this.process.stop();
	}
}
