/** What `n8n execute --rawOutput` reported, and helpers to read it. */
import type { NodeRun, RunData, RunItem } from './types';

/** Items a node put on its first output in its first run. */
export function nodeItems(run: RunData | undefined, node: string): Array<Record<string, any>> {
	return (run?.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

export class ExecuteResult {
	constructor(
		readonly exitCode: number,
		readonly stdout: string,
		readonly stderr: string,
		readonly run: { data: RunData } | undefined,
	) {}

	/** Items a node put on its first output in its first run. */
	items(node: string): Array<Record<string, any>> {
		return nodeItems(this.run?.data, node);
	}

	/** The same items whole, binary data included. */
	runItems(node: string): RunItem[] {
		return this.run?.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? [];
	}

	/** The error a node failed with, if it did. */
	nodeError(node: string): NodeRun['error'] | undefined {
		return this.run?.data.resultData.runData[node]?.[0]?.error;
	}

	get error(): { message: string } | undefined {
		return (
			this.run?.data.resultData.error ??
			Object.values(this.run?.data.resultData.runData ?? {})
				.map((r) => r[0]?.error)
				.find(Boolean)
		);
	}

	/** Why there is no run, for messages. */
	get tail(): string {
		return `exit ${this.exitCode}: ${(this.stderr || this.stdout).slice(-600)}`;
	}

	/** From the CLI's output. */
	static parse(code: number, stdout: string, stderr: string): ExecuteResult {
		return new ExecuteResult(code, stdout, stderr, parseRunJson(stdout));
	}
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
