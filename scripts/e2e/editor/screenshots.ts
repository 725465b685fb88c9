/**
 * The README's pictures, written by the editor checks on one line (2.x) so that every run
 * replaces them: fixed viewport, PNG, deterministic names under docs/screenshots/.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Locator } from 'playwright-core';

import { root } from '../lib/installs';
import type { Editor } from './session';

export const SCREENSHOT_DIR = join(root, 'docs', 'screenshots');

export class Screenshots {
	readonly written: Array<{ file: string; kb: number }> = [];

	constructor(private readonly enabled: boolean) {}

	private path(name: string): string {
		mkdirSync(SCREENSHOT_DIR, { recursive: true });
		return join(SCREENSHOT_DIR, `${name}.png`);
	}

	private note(file: string) {
		const kb = Math.round(statSync(file).size / 1024);
		this.written.push({ file, kb });
		console.log(`  picture ${file.slice(root.length + 1)} (${kb} KB)`);
	}

	/** A picture of one part of the page (a panel, a dialog). */
	async take(editor: Editor, name: string, locator: Locator): Promise<void> {
		if (!this.enabled) return;
		const file = this.path(name);
		await editor.page.mouse.move(0, 0); // no hover effects in the picture
		// Playwright waits for the element to be visible at a stable position, and finishes CSS
		// transitions and animations (animations: 'disabled') before it takes the picture.
		await locator.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
		this.note(file);
	}

	/** The whole canvas, zoomed to fit its nodes. */
	async canvas(editor: Editor, name: string): Promise<void> {
		if (!this.enabled) return;
		await editor.page.getByTestId('zoom-to-fit').click();
		await this.take(editor, name, editor.page.getByTestId('canvas-wrapper'));
	}
}
