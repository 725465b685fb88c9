/**
 * One signed-in editor tab on a running n8n, with the few moves the checks need, written with the
 * test IDs n8n's own editor tests use.
 */
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { selectors } from 'playwright-core';

import { onCleanup } from '../lib/cleanup';
import { type N8nServer, OWNER } from '../lib/n8n-server';
import type { Line } from '../lib/types';
import { waitUntil, WaitTimeout } from '../lib/wait';
import { VIEWPORT, type ProblemWatch } from './browser';
import { type LineSelectors, SELECTORS } from './selectors';
import { appears, PAGE_LOAD, UI_TIMEOUT, waitForState } from './waits';

let testIdSet = false;

/** How long a click gets to show its effect before it is made again (see retryClick). */
const CLICK_EFFECT = 10_000;

export class Editor {
	readonly ids: LineSelectors;
	/** The editor's REST calls that have not been answered yet. */
	private readonly pending = new Set<Request>();
	/** close(), registered for the end of the run and Ctrl-C. */
	readonly close: () => Promise<void>;

	private constructor(
		readonly context: BrowserContext,
		readonly page: Page,
		readonly server: Pick<N8nServer, 'baseUrl'>,
		readonly line: Line,
	) {
		this.ids = SELECTORS[line.id];
		this.close = onCleanup(() => this.context.close());
		const rest = (request: Request) => new URL(request.url()).pathname.startsWith('/rest/');
		page.on('request', (request) => rest(request) && this.pending.add(request));
		page.on('requestfinished', (request) => this.pending.delete(request));
		page.on('requestfailed', (request) => this.pending.delete(request));
	}

	static async open(
		browser: Browser,
		server: Pick<N8nServer, 'baseUrl'>,
		line: Line,
		watch: ProblemWatch,
	): Promise<Editor> {
		if (!testIdSet) {
			selectors.setTestIdAttribute('data-test-id');
			testIdSet = true;
		}
		const context = await browser.newContext({
			viewport: VIEWPORT,
			baseURL: server.baseUrl,
			deviceScaleFactor: 1,
		});
		// A missing element fails its check in seconds, not minutes; pages get longer to load.
		context.setDefaultTimeout(UI_TIMEOUT);
		context.setDefaultNavigationTimeout(PAGE_LOAD);
		watch.attach(context, `${line.id}.x`);
		const page = await context.newPage();
		const editor = new Editor(context, page, server, line);
		await editor.signIn();
		return editor;
	}

	/** Signs in as the owner through n8n's sign-in page. */
	async signIn(): Promise<void> {
		await this.page.goto('/signin');
		await this.page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
		await this.page.getByTestId('password').locator('input').fill(OWNER.password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	}

	/**
	 * Waits until no REST call of the editor has been in flight for `quietMs`: what an action set
	 * off in the background (a node's lists reloading after its credential changed, say) has been
	 * answered, and any error it causes has reached the console.
	 */
	async restSettled(what: string, quietMs = 1000): Promise<void> {
		await waitUntil(
			() => [...this.pending].map((r) => `${r.method()} ${new URL(r.url()).pathname}`),
			{
				what: `the editor's REST calls ${what} to be answered`,
				until: (inFlight) => inFlight.length === 0,
				show: (inFlight) =>
					inFlight.length ? `in flight: ${inFlight.join(', ')}` : 'none in flight',
				stableMs: quietMs,
				timeoutMs: UI_TIMEOUT,
				intervalMs: 100,
			},
		);
	}

	// Canvas

	async newWorkflow(): Promise<void> {
		await this.page.goto('/workflow/new');
		await waitForState(
			this.page.getByTestId('node-creator-plus-button'),
			'the new workflow\'s "+" button',
			'visible',
			PAGE_LOAD,
		);
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`/workflow/${id}`);
		await waitForState(
			this.page.getByTestId('canvas-node'),
			`the nodes of workflow ${id} on the canvas`,
			'visible',
			PAGE_LOAD,
		);
	}

	canvasNode(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	async openNode(name: string): Promise<void> {
		await this.canvasNode(name).dblclick();
		await waitForState(this.ndv(), `the node details of "${name}"`);
	}

	// Node creator

	async openNodeCreator(): Promise<void> {
		await this.retryClick(
			this.page.getByTestId('node-creator-plus-button'),
			this.page.getByTestId('node-creator'),
		);
	}

	/**
	 * Clicks until `shows` appears. Right after a page load, on a busy machine, the editor can
	 * show a button before it is ready to act on it (seen on both lines: the node panel's "+"
	 * right after /workflow/new, "Execute workflow" right after opening a workflow), and the
	 * click does nothing; a person would click again.
	 */
	async retryClick(target: Locator, shows: Locator, attempts = 3): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			await target.click();
			if (await appears(shows, CLICK_EFFECT)) return;
			if (attempt >= attempts)
				throw new WaitTimeout(
					`${String(shows)} after clicking ${String(target)} ${attempts} times`,
					attempts * CLICK_EFFECT,
					'it never showed',
				);
		}
	}

	async searchNodes(text: string): Promise<void> {
		await this.page.getByTestId('node-creator-search-bar').fill(text);
	}

	nodeCreatorItem(displayName: string): Locator {
		return this.page
			.getByTestId('node-creator')
			.getByTestId('node-creator-item-name')
			.getByText(displayName, { exact: true });
	}

	async closeNodeCreator(): Promise<void> {
		if (await this.page.getByTestId('node-creator').isVisible())
			await this.page.keyboard.press('Escape');
	}

	// Node details view

	ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	async closeNdv(): Promise<void> {
		const back = this.page.getByTestId(this.ids.closeNdv);
		if (await back.isVisible()) await back.click();
		await waitForState(this.ndv(), 'the node details to close', 'hidden');
	}

	parameterInput(name: string): Locator {
		return this.ndv().getByTestId(`parameter-input-${name}`);
	}

	/** The NDV row of a parameter, found by its label. */
	parameterItem(displayName: string): Locator {
		return this.ndv()
			.locator('.parameter-item')
			.filter({ has: this.page.locator('label', { hasText: displayName }) });
	}

	/**
	 * The search box of the open "From List" dropdown of a resource locator (every list of the
	 * package is searchable): visible while one is open. Only visible ones count, since 1.x keeps
	 * a closed list in the page, hidden, and 2.x gives its list no test ID of its own.
	 */
	openLocatorList(): Locator {
		return this.page.locator('[data-test-id="rlc-search"]:visible');
	}

	/** Options of the open dropdown (n8n renders a headline and a description per option). */
	visibleOptions(): Locator {
		return this.page.locator('.el-select-dropdown__item:visible');
	}

	/** Picks `option` (its display name) in the dropdown parameter `name`. */
	async pickOption(name: string, option: string, scope: Locator = this.ndv()): Promise<void> {
		const input = scope.getByTestId(`parameter-input-${name}`).first();
		await input.click();
		const exact = new RegExp(`^\\s*${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
		await this.visibleOptions()
			.filter({ has: this.page.locator('.option-headline', { hasText: exact }) })
			.first()
			.click();
		await waitForState(
			this.visibleOptions(),
			`the ${name} dropdown to close after choosing "${option}"`,
			'hidden',
		);
		// The choice is made once the field shows it (the fields it reveals follow from it).
		const shown = input.locator('input').first();
		await waitUntil(() => shown.inputValue(), {
			what: `${name} to show "${option}"`,
			until: (value) => value.trim() === option,
			timeoutMs: UI_TIMEOUT,
			intervalMs: 100,
		});
	}

	/** Headlines of the open dropdown's options. */
	async openDropdownOptions(): Promise<string[]> {
		return (await this.visibleOptions().locator('.option-headline').allInnerTexts()).map((t) =>
			t.trim(),
		);
	}
}
