/**
 * Debian's Chromium driven by playwright-core (which cannot download browsers here), plus a watch
 * on everything the editor reports as an error while the checks run.
 */
import { existsSync } from 'node:fs';

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import { onCleanup } from '../lib/cleanup';
import { aptInstall } from '../lib/debian';

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1280, height: 800 };

/** Installs Debian's chromium package (with the fonts it recommends) when it is missing. */
export function ensureChromium(): void {
	if (existsSync(CHROMIUM)) return;
	console.log(`${CHROMIUM} is missing: installing Debian's chromium package…`);
	aptInstall(['chromium'], { recommends: true });
	if (!existsSync(CHROMIUM))
		throw new Error(`apt-get installed chromium, but ${CHROMIUM} is still missing`);
}

/** Debian's Chromium, headless; closed at the end of the run and on Ctrl-C. */
export async function launchChromium(): Promise<Browser> {
	ensureChromium();
	// --no-sandbox: Chromium refuses to start its sandbox as root, which is how CI runs.
	const args = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [...args, '--disable-dev-shm-usage'],
	});
	onCleanup(() => browser.close());
	return browser;
}

export interface BrowserProblem {
	line: string;
	kind: 'console' | 'pageerror' | 'response';
	text: string;
	url: string;
	/** Where it came from: the failing resource's URL, or the top stack frames. */
	stack?: string;
}

/** A browser message that is not the package's doing, and why. */
export interface AllowedProblem {
	reason: string;
	match(problem: BrowserProblem): boolean;
}

/**
 * Collects console errors, uncaught page errors and failed REST answers over the whole run. A
 * problem is forgiven only by a rule in `allowed`, each with the reason it is not the package's.
 */
export class ProblemWatch {
	readonly problems: BrowserProblem[] = [];
	readonly forgiven: Array<BrowserProblem & { reason: string }> = [];
	/** Set by a check that provokes an error on purpose (a wrong key), with what it expects. */
	private expecting: RegExp[] = [];

	constructor(private readonly allowed: AllowedProblem[] = []) {}

	attach(context: BrowserContext, line: string): void {
		context.on('page', (page) => this.attachPage(page, line));
		for (const page of context.pages()) this.attachPage(page, line);
	}

	private attachPage(page: Page, line: string) {
		page.on('console', (message) => {
			if (message.type() !== 'error') return;
			const url = page.url();
			if (this.expecting.some((p) => p.test(message.text()))) return;
			// An Error logged by the page (Vue's error handler does so) has a stack worth keeping.
			void (async () => {
				const stack = await message
					.args()[0]
					?.evaluate((e) => (e instanceof Error ? e.stack : undefined))
					.catch(() => undefined);
				this.add({
					line,
					kind: 'console',
					text: message.text(),
					url,
					stack: stack ? stack.split('\n').slice(1, 4).join(' | ') : message.location().url,
				});
			})();
		});
		page.on('pageerror', (error) =>
			this.add({
				line,
				kind: 'pageerror',
				text: `${error.name}: ${error.message}`,
				url: page.url(),
				stack: error.stack?.split('\n').slice(1, 3).join(' | '),
			}),
		);
	}

	/** Runs `fn` while errors matching `patterns` are expected (and so not problems). */
	async expect<T>(patterns: RegExp[], fn: () => Promise<T>): Promise<T> {
		this.expecting = patterns;
		try {
			return await fn();
		} finally {
			this.expecting = [];
		}
	}

	private add(problem: BrowserProblem) {
		if (this.expecting.some((p) => p.test(problem.text))) return;
		const rule = this.allowed.find((a) => a.match(problem));
		if (rule) this.forgiven.push({ ...problem, reason: rule.reason });
		else {
			this.problems.push(problem);
			// Printed as it happens too, so the log shows which check was running.
			console.log(
				`  ! [${problem.line}] browser ${problem.kind} on ${problem.url}: ${problem.text.split('\n')[0].slice(0, 200)}`,
			);
		}
	}

	/** Problems since `mark` (an index from `count`). */
	since(mark: number): BrowserProblem[] {
		return this.problems.slice(mark);
	}

	get count(): number {
		return this.problems.length;
	}
}
