/**
 * One signed-in editor tab on a running n8n, with the few moves the checks need, written with the
 * test IDs n8n's own editor tests use.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { selectors } from 'playwright-core';

import { type Line, type N8nServer, OWNER } from '../n8n';
import { VIEWPORT, type ProblemWatch } from './browser';
import { type LineSelectors, SELECTORS } from './selectors';

let testIdSet = false;

/** A whole editor page load on a busy 2-core machine; everything else waits 10 s at most. */
const PAGE_LOAD = 30_000;

export class Editor {
	readonly ids: LineSelectors;

	private constructor(
		readonly context: BrowserContext,
		readonly page: Page,
		readonly server: Pick<N8nServer, 'baseUrl'>,
		readonly line: Line,
	) {
		this.ids = SELECTORS[line.id];
	}

	static async open(browser: Browser, server: Pick<N8nServer, 'baseUrl'>, line: Line, watch: ProblemWatch): Promise<Editor> {
		if (!testIdSet) {
			selectors.setTestIdAttribute('data-test-id');
			testIdSet = true;
		}
		const context = await browser.newContext({ viewport: VIEWPORT, baseURL: server.baseUrl, deviceScaleFactor: 1 });
		// Short waits: a missing element fails its check in seconds, not minutes; pages get longer to load.
		context.setDefaultTimeout(10_000);
		context.setDefaultNavigationTimeout(PAGE_LOAD * 2);
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

	async close(): Promise<void> {
		await this.context.close();
	}

	// Canvas

	async newWorkflow(): Promise<void> {
		await this.page.goto('/workflow/new');
		await this.page.getByTestId('node-creator-plus-button').waitFor({ timeout: PAGE_LOAD });
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`/workflow/${id}`);
		await this.page.getByTestId('canvas-node').first().waitFor({ timeout: PAGE_LOAD });
	}

	canvasNode(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	async openNode(name: string): Promise<void> {
		await this.canvasNode(name).dblclick();
		await this.ndv().waitFor();
	}

	// Node creator

	async openNodeCreator(): Promise<void> {
		await this.retryClick(this.page.getByTestId('node-creator-plus-button'), this.page.getByTestId('node-creator'));
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
			const shown = await shows.first().waitFor({ timeout: 5_000 }).then(() => true, () => false);
			if (shown) return;
			if (attempt >= attempts) throw new Error(`clicking ${String(target)} ${attempts} times did not show ${String(shows)}`);
		}
	}

	async searchNodes(text: string): Promise<void> {
		await this.page.getByTestId('node-creator-search-bar').fill(text);
	}

	nodeCreatorItem(displayName: string): Locator {
		return this.page.getByTestId('node-creator').getByTestId('node-creator-item-name').getByText(displayName, { exact: true });
	}

	async closeNodeCreator(): Promise<void> {
		if (await this.page.getByTestId('node-creator').isVisible()) await this.page.keyboard.press('Escape');
	}

	// Node details view

	ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	async closeNdv(): Promise<void> {
		const back = this.page.getByTestId(this.ids.closeNdv);
		if (await back.isVisible()) await back.click();
		await this.ndv().waitFor({ state: 'hidden' });
	}

	parameterInput(name: string): Locator {
		return this.ndv().getByTestId(`parameter-input-${name}`);
	}

	/** The NDV row of a parameter, found by its label. */
	parameterItem(displayName: string): Locator {
		return this.ndv().locator('.parameter-item').filter({ has: this.page.locator('label', { hasText: displayName }) });
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
		await this.visibleOptions().filter({ has: this.page.locator('.option-headline', { hasText: exact }) }).first().click();
		await this.visibleOptions().first().waitFor({ state: 'hidden' });
	}

	/** Headlines of the open dropdown's options, once it has any. */
	async openDropdownOptions(): Promise<string[]> {
		await this.visibleOptions().first().waitFor();
		return (await this.visibleOptions().locator('.option-headline').allInnerTexts()).map((t) => t.trim());
	}

	async screenshot(locator: Locator | Page, path: string): Promise<void> {
		await this.page.waitForTimeout(300); // let transitions settle so the picture is stable
		await locator.screenshot({ path, animations: 'disabled', caret: 'hide' });
	}
}
