/** Every run goes through the selected n8n lines the same way: one after the other, 1.x first. */
import { interrupted } from './cleanup';
import { selectedLines } from './installs';
import type { Line } from './types';

export interface LineResult<T> {
	line: Line;
	result: T;
	seconds: number;
}

/**
 * Runs `run` for each selected line (E2E_LINES) under a heading, until a signal stops the run. A
 * line whose run throws is reported and gets `failed(error)` as its result instead.
 */
export async function perLine<T>(
	title: string,
	run: (line: Line) => Promise<T>,
	failed: (error: unknown) => T,
): Promise<Array<LineResult<T>>> {
	const results: Array<LineResult<T>> = [];
	for (const line of selectedLines()) {
		if (interrupted()) break;
		console.log(`\n=== ${title}: n8n ${line.n8nVersion} (line ${line.id}.x) ===\n`);
		const started = Date.now();
		let result: T;
		try {
			result = await run(line);
		} catch (error) {
			console.error(
				`✗ [${line.id}.x] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
			);
			result = failed(error);
		}
		results.push({ line, result, seconds: Math.round((Date.now() - started) / 1000) });
	}
	return results;
}
