/** Small figures helpers for the benchmark's table. */

export function median(values: number[]): number {
	if (!values.length) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const seconds = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '-');

export const megabytes = (kb: number) => (Number.isFinite(kb) ? Math.round(kb / 1024) : Number.NaN);

/** The machine's load, stated with every figure (the machine is shared). */
export function load(): string {
	const [one, five] = require('node:os').loadavg() as number[];
	return `${one.toFixed(1)}/${five.toFixed(1)}`;
}
