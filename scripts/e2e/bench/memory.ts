/**
 * Samples the resident memory of a process (VmRSS / VmHWM from /proc/<pid>/status) while it runs:
 * how the benchmark tells whether downloads are held whole in n8n's memory.
 */
import { readFileSync } from 'node:fs';

export interface MemorySample {
	at: number;
	rssKb: number;
}

function readStatus(pid: number): { rssKb: number; hwmKb: number } | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const field = (name: string) =>
			Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
		return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
	} catch {
		return undefined;
	}
}

export class MemorySampler {
	readonly samples: MemorySample[] = [];
	/** The process's own high-water mark, as last read (covers peaks between samples). */
	hwmKb = Number.NaN;
	private timer?: NodeJS.Timeout;

	constructor(
		readonly pid: number,
		everyMs = 50,
	) {
		this.timer = setInterval(() => this.sample(), everyMs);
		this.sample();
	}

	private sample() {
		const status = readStatus(this.pid);
		if (!status) return this.stop();
		// An exited process not yet reaped has a status without memory lines.
		if (Number.isNaN(status.rssKb)) return;
		this.samples.push({ at: Date.now(), rssKb: status.rssKb });
		this.hwmKb = status.hwmKb;
	}

	stop() {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
	}

	/** The last sample taken at or before `at`: the process's memory when something started. */
	rssAt(at: number): number {
		const before = this.samples.filter((s) => s.at <= at);
		return (before[before.length - 1] ?? this.samples[0])?.rssKb ?? Number.NaN;
	}

	/** Highest sampled RSS from `from` on. */
	peakSince(from: number): number {
		return Math.max(...this.samples.filter((s) => s.at >= from).map((s) => s.rssKb));
	}
}
