/** Named checks of the editor run: each records a pass or a failure (with a picture of the page), and the run carries on. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { interrupted } from '../lib/cleanup';
import { root } from '../lib/installs';

export interface CheckResult {
	line: string;
	name: string;
	ok: boolean;
	detail: string;
	ms: number;
}

export const FAILURE_DIR = join(root, '.tmp', 'e2e-editor');

export class EditorChecks {
	readonly results: CheckResult[] = [];

	constructor(
		private readonly line: string,
		private readonly page: () => Page | undefined,
	) {}

	/** Runs one check; `fn` returns what it proved (printed), or throws what it did not. */
	async run(name: string, fn: () => Promise<string | void>): Promise<boolean> {
		const started = Date.now();
		try {
			const detail = (await fn()) ?? '';
			this.record({ line: this.line, name, ok: true, detail, ms: Date.now() - started });
			return true;
		} catch (error) {
			// Stopped by a signal: the browser and n8n are going away under the check.
			if (interrupted()) return false;
			const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
			let picture = '';
			const page = this.page();
			if (page && !page.isClosed()) {
				mkdirSync(FAILURE_DIR, { recursive: true });
				picture = join(
					FAILURE_DIR,
					`${this.line}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`,
				);
				await page.screenshot({ path: picture }).catch(() => (picture = ''));
				const html = await page.content().catch(() => '');
				if (html) writeFileSync(picture.replace(/\.png$/, '.html'), html);
			}
			this.record({
				line: this.line,
				name,
				ok: false,
				detail: message + (picture ? ` (page: ${picture})` : ''),
				ms: Date.now() - started,
			});
			return false;
		}
	}

	private record(result: CheckResult) {
		this.results.push(result);
		const seconds = (result.ms / 1000).toFixed(1);
		console.log(
			`${result.ok ? '✓' : '✗'} [${result.line}] ${result.name} (${seconds} s)${result.detail ? `: ${result.detail}` : ''}`,
		);
	}
}

export function assert(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}
