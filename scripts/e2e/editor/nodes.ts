/**
 * A vendor's two nodes in the editor: found in the node panel by the vendor's name, added, and
 * (action node) every resource and operation picked in turn, each showing the parameters n8n
 * should display, with their defaults, hints and required markers.
 */
import type { Locator } from 'playwright-core';

import { WaitTimeout } from '../lib/wait';
import type { NodeExpectation, OperationExpectation, ParameterExpectation } from './catalog';
import { assert } from './checks';
import type { Editor } from './session';
import type { VendorCase } from './vendors';
import { pageUntil, UI_TIMEOUT, waitForState } from './waits';

/** Types the panel shows no input for (notices) or that the NDV lists elsewhere. */
const NOT_AN_INPUT = new Set(['notice', 'hidden', 'credentials', 'credentialsSelect']);

/**
 * How long a field left on a trigger just added gets to show its marker before the node is
 * reopened: n8n 1.x never shows a fresh trigger's resource-locator marker until then.
 */
const BEFORE_REOPEN = 5_000;

/** Runs one wait of a field check; a timeout becomes that field's problem. */
async function field(problems: string[], wait: () => Promise<unknown>): Promise<boolean> {
	try {
		await wait();
		return true;
	} catch (error) {
		if (!(error instanceof WaitTimeout)) throw error;
		problems.push(error.message);
		return false;
	}
}

/**
 * Checks what the open NDV shows for one operation; returns a one-line summary. n8n draws the
 * fields of a chosen operation after the choice, and a field's required marker after the field is
 * left: every property is waited for until the NDV shows it, each for a bounded time.
 */
export async function checkParameters(
	editor: Editor,
	expected: OperationExpectation,
	reopen?: () => Promise<void>,
): Promise<string> {
	const ndv = editor.ndv();
	const problems: string[] = [];
	let marked = 0;
	/** The node is reopened once at most. */
	const reopening = { reopen };
	for (const parameter of expected.parameters) {
		if (NOT_AN_INPUT.has(parameter.type)) continue;
		const label = ndv.locator(`label[for="${parameter.name}"]`).first();
		const labelled = await field(problems, () =>
			pageUntil(
				async () => ((await label.isVisible()) ? (await label.innerText()).trim() : 'not shown'),
				{
					what: `the field ${parameter.name} labelled "${parameter.displayName}"`,
					until: (text) => text.startsWith(parameter.displayName),
				},
			),
		);
		if (!labelled) continue;
		const input = ndv.getByTestId(`parameter-input-${parameter.name}`).first();
		if (parameter.shownDefault !== undefined) {
			const value = input.locator('input, textarea').first();
			await field(problems, () =>
				pageUntil(() => value.inputValue(), {
					what: `${parameter.displayName} to show its default "${parameter.shownDefault}"`,
					until: (v) => v === parameter.shownDefault,
				}),
			);
		}
		if (parameter.hint) {
			await field(problems, () =>
				waitForState(
					ndv.getByText(parameter.hint!.slice(0, 60), { exact: false }),
					`the hint of ${parameter.displayName}: "${parameter.hint}"`,
				),
			);
		}
		if (
			parameter.flaggedRequired &&
			(await requiredMarker(editor, parameter, input, label, reopening, problems))
		)
			marked++;
	}
	assert(problems.length === 0, problems.join('; '));
	const shown = expected.parameters.filter((p) => !NOT_AN_INPUT.has(p.type)).length;
	return `${shown} fields, ${marked} marked required`;
}

/**
 * A required field still empty shows n8n's marker (the red warning icon): 1.x at once, 2.x once
 * the user has been in the field and left it. So the field is entered and left, as a user does,
 * and the marker is waited for. n8n 1.x hides the issues of a freshly added node's fields until
 * each reports a blur, and its ResourceLocator's blur does not reach the NDV (NodeSettings'
 * hiddenIssuesInputs is only cleared by onParameterBlur, Execute step or activation): reopened,
 * the node is no longer pristine and n8n shows every issue, which is where a user sees it.
 */
async function requiredMarker(
	editor: Editor,
	parameter: ParameterExpectation,
	input: Locator,
	label: Locator,
	reopening: { reopen?: () => Promise<void> },
	problems: string[],
): Promise<boolean> {
	const marker = input.getByTestId('parameter-issues');
	const what = `the required marker of ${parameter.displayName} after leaving the field`;
	await touch(editor, parameter, input, label);
	const { reopen } = reopening;
	if (reopen && parameter.type === 'resourceLocator') {
		if (await field([], () => waitForState(marker, what, 'visible', BEFORE_REOPEN))) return true;
		reopening.reopen = undefined;
		await reopen();
		return await field(problems, () => waitForState(marker, `${what} and reopening the node`));
	}
	return await field(problems, () => waitForState(marker, what, 'visible', UI_TIMEOUT));
}

/**
 * Goes into a field and leaves it, as a user does. n8n counts a field as left on its blur. A
 * resource locator's text input opens its "From List" dropdown when focused; a click on the
 * field's label blurs the input and closes the dropdown.
 */
async function touch(
	editor: Editor,
	parameter: ParameterExpectation,
	input: Locator,
	label: Locator,
): Promise<void> {
	if (parameter.type === 'resourceLocator') {
		const dropdown = editor.openLocatorList();
		await input.getByTestId('rlc-input').first().click();
		if (parameter.locatorMode === 'list')
			await waitForState(dropdown, `the "From List" dropdown of ${parameter.displayName} to open`);
		await label.click({ position: { x: 2, y: 2 } });
		await waitForState(
			dropdown,
			`the "From List" dropdown of ${parameter.displayName} to close`,
			'hidden',
		);
		return;
	}
	await input.locator('input, textarea').first().click();
	await editor.page.keyboard.press('Escape');
	await editor.page.keyboard.press('Tab');
}

export async function selectOperation(
	editor: Editor,
	operation: OperationExpectation,
	hasResource: boolean,
): Promise<void> {
	if (hasResource && operation.resource)
		await editor.pickOption('resource', operation.resource.name);
	if (operation.operation) await editor.pickOption('operation', operation.operation.name);
}

/** Opens the node panel on a vendor's entry (the action node's display name). */
export async function openVendorEntry(editor: Editor, vendor: VendorCase): Promise<void> {
	await editor.openNodeCreator();
	await editor.searchNodes(vendor.search);
	await editor.nodeCreatorItem(vendor.panelEntry).click();
}

/** Adds the vendor's trigger to an empty workflow through the panel and checks its NDV. */
export async function addTrigger(
	editor: Editor,
	vendor: VendorCase,
	trigger: NodeExpectation,
): Promise<string> {
	await openVendorEntry(editor, vendor);
	// A trigger with events lists one entry per event; one without is added straight away. The
	// first event is picked by its keyboard-navigation role, which both lines give it. On 2.x the
	// first click on a list that has just slid in is often ignored, so it is clicked again.
	const events = editor.page
		.getByTestId('node-creator')
		.locator('[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"]');
	await waitForState(events.first().or(editor.ndv()), `the trigger's events or its node details`);
	if (!(await editor.ndv().isVisible())) await editor.retryClick(events.first(), editor.ndv());
	const title = editor.ndv().getByTestId('node-title-container').first();
	await pageUntil(async () => (await title.innerText()).trim(), {
		what: `the node details titled "${trigger.displayName}"`,
		until: (text) => text.startsWith(trigger.displayName),
	});
	const summary = await checkParameters(editor, trigger.operations[0], async () => {
		await editor.closeNdv();
		await editor.page.getByTestId('canvas-node').first().dblclick();
		await waitForState(editor.ndv(), 'the reopened node details');
	});
	await editor.closeNdv();
	return summary;
}

/** With a trigger on the canvas: the vendor's action list, as the panel shows it. */
export async function openActionList(
	editor: Editor,
	vendor: VendorCase,
	action: NodeExpectation,
): Promise<string[]> {
	await editor.closeNdv();
	await openVendorEntry(editor, vendor);
	const items = editor.page.getByTestId('node-creator').getByTestId('item-iterator-item');
	const expected = action.operations.map((o) => o.operation?.action ?? o.operation?.name ?? '');
	await pageUntil(async () => (await items.allInnerTexts()).map((t) => t.trim()), {
		what: `the panel to list ${expected.map((e) => `"${e}"`).join(', ')}`,
		until: (texts) => expected.every((e) => texts.includes(e)),
		show: (texts) => `it lists ${texts.join(' | ') || 'nothing'}`,
	});
	return expected;
}

export async function addAction(editor: Editor, actionText: string): Promise<void> {
	const items = editor.page.getByTestId('node-creator').getByTestId('item-iterator-item');
	await items.filter({ hasText: actionText }).first().click();
	await waitForState(editor.ndv(), `the node details after choosing "${actionText}"`);
}
