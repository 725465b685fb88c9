/**
 * A vendor's two nodes in the editor: found in the node panel by the vendor's name, added, and
 * (action node) every resource and operation picked in turn, each showing the parameters n8n
 * should display, with their defaults, hints and required markers.
 */
import type { Locator } from 'playwright-core';

import type { NodeExpectation, OperationExpectation } from './catalog';
import { assert } from './checks';
import type { Editor } from './session';
import type { VendorCase } from './vendors';

/** Types the panel shows no input for (notices) or that the NDV lists elsewhere. */
const NOT_AN_INPUT = new Set(['notice', 'hidden', 'credentials', 'credentialsSelect']);

/** Checks what the open NDV shows for one operation; returns a one-line summary. */
export async function checkParameters(editor: Editor, expected: OperationExpectation, reopen?: () => Promise<void>): Promise<string> {
	const ndv = editor.ndv();
	const problems: string[] = [];
	let marked = 0;
	for (const parameter of expected.parameters) {
		if (NOT_AN_INPUT.has(parameter.type)) continue;
		const label = ndv.locator(`label[for="${parameter.name}"]`).first();
		if (!(await label.isVisible())) {
			problems.push(`${parameter.displayName} is not shown`);
			continue;
		}
		const labelText = (await label.innerText()).trim();
		if (!labelText.startsWith(parameter.displayName)) problems.push(`label of ${parameter.name} reads "${labelText}"`);
		const input = ndv.getByTestId(`parameter-input-${parameter.name}`).first();
		if (parameter.shownDefault !== undefined) {
			const value = await input.locator('input, textarea').first().inputValue();
			if (value !== parameter.shownDefault) problems.push(`${parameter.displayName} shows "${value}", not its default "${parameter.shownDefault}"`);
		}
		if (parameter.hint) {
			const hint = ndv.getByText(parameter.hint.slice(0, 60), { exact: false }).first();
			if (!(await hint.isVisible())) problems.push(`${parameter.displayName} lacks its hint "${parameter.hint}"`);
		}
		if (parameter.flaggedRequired) {
			// 1.x marks an empty required field at once; 2.x once the user has been in it and left.
			const issues = input.getByTestId('parameter-issues');
			if ((await issues.count()) === 0) await touch(editor, parameter.type, input, label);
			if ((await issues.count()) === 0 && parameter.type === 'resourceLocator' && reopen) {
				// n8n 1.x hides the issues of a freshly added node's fields until each reports a blur,
				// and its ResourceLocator's blur does not reach the NDV (NodeSettings' hiddenIssuesInputs
				// is only cleared by onParameterBlur, Execute step or activation). Reopened, the node is
				// no longer pristine and n8n shows every issue: that is where a user sees the marker.
				await reopen();
				reopen = undefined;
			}
			if ((await editor.ndv().getByTestId(`parameter-input-${parameter.name}`).first().getByTestId('parameter-issues').count()) === 0)
				problems.push(`${parameter.displayName} has no required marker`);
			else marked++;
		}
	}
	assert(problems.length === 0, problems.join('; '));
	const shown = expected.parameters.filter((p) => !NOT_AN_INPUT.has(p.type)).length;
	return `${shown} fields, ${marked} marked required`;
}

/**
 * Goes into a field and leaves it, as a user does. n8n hides the issues of a freshly added node's
 * fields until each one is left (NodeSettings' hiddenIssuesInputs, cleared on the field's blur).
 * A resource locator only reports that blur when its "From List" dropdown closes (ResourceLocator
 * emits blur from its watch on the dropdown's visibility; 1.x from its text input's blur), and its
 * first input is the mode picker, whose blur counts for nothing: so its list is opened and closed
 * by a click elsewhere, and on 1.x its text input is focused and left.
 */
async function touch(editor: Editor, type: string, input: Locator, label: Locator): Promise<void> {
	if (type === 'resourceLocator') {
		await input.getByTestId('rlc-input').first().click();
		await editor.page.getByTestId('resource-locator-dropdown').first().waitFor({ timeout: 3_000 }).catch(() => undefined);
		await label.click({ position: { x: 2, y: 2 } });
		// 1.x's ResourceLocator emits blur only from its text input's own blur event.
		const text = input.getByTestId('rlc-input').locator('input').first();
		if ((await input.getByTestId('parameter-issues').count()) === 0 && (await text.count()) > 0) {
			await text.focus();
			await text.blur();
			const dropdown = editor.page.getByTestId('resource-locator-dropdown').first();
			if (await dropdown.isVisible()) await label.click({ position: { x: 2, y: 2 } });
		}
		await editor.page.getByTestId('resource-locator-dropdown').first().waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
		return;
	}
	await input.locator('input, textarea').first().click();
	await editor.page.keyboard.press('Escape');
	await editor.page.keyboard.press('Tab');
}

export async function selectOperation(editor: Editor, operation: OperationExpectation, hasResource: boolean): Promise<void> {
	if (hasResource && operation.resource) await editor.pickOption('resource', operation.resource.name);
	if (operation.operation) await editor.pickOption('operation', operation.operation.name);
}

/** Opens the node panel on a vendor's entry (the action node's display name). */
export async function openVendorEntry(editor: Editor, vendor: VendorCase): Promise<void> {
	await editor.openNodeCreator();
	await editor.searchNodes(vendor.search);
	await editor.nodeCreatorItem(vendor.panelEntry).click();
}

/** Adds the vendor's trigger to an empty workflow through the panel and checks its NDV. */
export async function addTrigger(editor: Editor, vendor: VendorCase, trigger: NodeExpectation): Promise<string> {
	await openVendorEntry(editor, vendor);
	// A trigger with events lists one entry per event; one without is added straight away. The
	// first event is picked by its keyboard-navigation role, which both lines give it. On 2.x the
	// first click on a list that has just slid in is often ignored, so it is clicked again.
	const events = editor.page.getByTestId('node-creator').locator('[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"]');
	await events.first().or(editor.ndv()).first().waitFor();
	if (!(await editor.ndv().isVisible())) await editor.retryClick(events.first(), editor.ndv());
	await editor.ndv().waitFor();
	const title = (await editor.ndv().getByTestId('node-title-container').first().innerText()).trim();
	assert(title.startsWith(trigger.displayName), `the NDV shows "${title}", not "${trigger.displayName}"`);
	const summary = await checkParameters(editor, trigger.operations[0], async () => {
		await editor.closeNdv();
		await editor.page.getByTestId('canvas-node').first().dblclick();
		await editor.ndv().waitFor();
	});
	await editor.closeNdv();
	return summary;
}

/** With a trigger on the canvas: the vendor's action list, as the panel shows it. */
export async function openActionList(editor: Editor, vendor: VendorCase, action: NodeExpectation): Promise<string[]> {
	await editor.closeNdv();
	await openVendorEntry(editor, vendor);
	const items = editor.page.getByTestId('node-creator').getByTestId('item-iterator-item');
	await items.first().waitFor();
	const texts = (await items.allInnerTexts()).map((t) => t.trim());
	const expected = action.operations.map((o) => o.operation?.action ?? o.operation?.name ?? '');
	const missing = expected.filter((e) => !texts.includes(e));
	assert(missing.length === 0, `the panel lacks ${missing.map((m) => `"${m}"`).join(', ')} (it lists ${texts.join(' | ')})`);
	return expected;
}

export async function addAction(editor: Editor, actionText: string): Promise<void> {
	const items = editor.page.getByTestId('node-creator').getByTestId('item-iterator-item');
	await items.filter({ hasText: actionText }).first().click();
	await editor.ndv().waitFor();
}
