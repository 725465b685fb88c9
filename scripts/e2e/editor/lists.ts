/**
 * Every dropdown the package fills from the vendor, opened in the editor: its entries must be the
 * ones the simulator holds (a list that fails to load shows an error or nothing instead).
 */
import { LuminSimulator } from '../../../test/simulators/lumin';
import { GiveUp } from '../lib/wait';
import type { OperationExpectation } from './catalog';
import { selectOperation } from './nodes';
import type { Editor } from './session';
import { appears, pageUntil } from './waits';

export interface ListContext {
	/** Seeds simulator data the way the demo setups do for examples (by node parameters). */
	seed(parameters: Record<string, unknown>): Promise<void>;
	operation(resource: string | undefined, operation: string): OperationExpectation;
	hasResource: boolean;
}

export interface ListCase {
	vendor: string;
	name: string;
	check(editor: Editor, context: ListContext): Promise<string>;
}

/**
 * Opens a dropdown filled from the vendor and waits until it lists `expected` (it shows nothing
 * or an older list while it loads); returns what it lists.
 */
async function dropdownEntries(
	editor: Editor,
	parameter: string,
	expected: string[],
): Promise<string[]> {
	const input = editor
		.ndv()
		.getByTestId(`parameter-input-${parameter}`)
		.first()
		.locator('input')
		.first();
	// A dropdown whose options depend on another field reloads them when that field changes; a
	// click that lands while it does so leaves it shut (seen on 2.x), so it is clicked again.
	for (let attempt = 1; ; attempt++) {
		await input.click();
		if ((await appears(editor.visibleOptions(), 5_000)) || attempt === 3) break;
	}
	const entries = await pageUntil(() => editor.openDropdownOptions(), {
		what: `the ${parameter} dropdown to list ${expected.join(', ')}`,
		until: (shown) => expected.every((e) => shown.includes(e)),
		show: (shown) => `it lists ${shown.join(' | ') || 'nothing'}`,
	});
	await editor.page.keyboard.press('Escape');
	return entries;
}

/** The signNow document the roles list is read from (seeded with one role, as for the examples). */
const SIGNNOW_DOCUMENT = 'ed17000000000000000000000000000000000a01';
const SIGNNOW_DOCUMENT_NAME = 'Consulting agreement';

/** The signNow document whose embedded invite the Field Invite list shows. */
const SIGNNOW_INVITED_DOCUMENT = 'ed17000000000000000000000000000000000a02';
const SIGNNOW_INVITED_DOCUMENT_NAME = 'Agreement with an embedded invite';
const SIGNNOW_INVITE = 'f1e1000000000000000000000000000000000a02';

/** "From List" lists that show what belongs to another field's pick: checked by a LISTS case. */
export const DEPENDENT_LISTS = new Set(['searchFieldInvites']);

/** Entries a "From List" locator must show, where the simulator's list is known up front. */
export const KNOWN_LIST_ENTRIES: Record<string, string[]> = {
	searchTemplates: new LuminSimulator().templates.map((t) => t.name),
	// The signNow demo seeds one template.
	searchDocumentTemplates: ['Service agreement template'],
};

/**
 * Opens a resource locator's "From List" and gives its entries: only the open list's, since 1.x
 * keeps a closed list's entries in the page, hidden.
 */
async function openLocatorList(editor: Editor, parameter: string) {
	await editor.parameterInput(parameter).first().getByTestId('rlc-input').first().click();
	return editor.page.locator('[data-test-id="rlc-item"]:visible');
}

/** Picks the entry showing `text` from a resource locator's "From List", as a user does. */
async function pickFromLocatorList(editor: Editor, parameter: string, text: string): Promise<void> {
	const items = await openLocatorList(editor, parameter);
	await items.filter({ hasText: text }).first().click();
}

/**
 * Opens a resource locator's "From List" and waits until it shows entries, all of `expected`
 * among them (the list loads from the vendor after it opens); fails at once if it shows an error.
 */
export async function locatorEntries(
	editor: Editor,
	parameter: string,
	what: string,
	expected: string[] = [],
): Promise<string> {
	const items = await openLocatorList(editor, parameter);
	const error = editor.page.locator('[data-test-id="rlc-error-container"]:visible');
	const entries = await pageUntil(
		async () => {
			if (await error.first().isVisible())
				throw new GiveUp(
					`${what} shows an error: ${(await error.first().innerText()).replace(/\s+/g, ' ')}`,
				);
			return (await items.allInnerTexts()).map((t) => t.trim().split('\n')[0]).filter(Boolean);
		},
		{
			what: `${what} to list ${expected.length ? expected.join(', ') : 'entries'}`,
			until: (shown) => shown.length > 0 && expected.every((e) => shown.includes(e)),
			show: (shown) => `it lists ${shown.join(' | ') || 'nothing'}`,
		},
	);
	await editor.page.keyboard.press('Escape');
	return `${what}: ${entries.join(', ')}`;
}

/**
 * A signNow dropdown that lists parts of the document picked in Document, inside a list of rows:
 * the document comes from the Document list, as a user picks it, a row is added, and the
 * dropdown's entries then load.
 */
function pickedDocumentDropdown(spec: {
	name: string;
	resource: string;
	operation: string;
	addRow: string;
	parameter: string;
	label: string;
	expected: string[];
}): ListCase {
	return {
		vendor: 'signnow',
		name: spec.name,
		async check(editor, context) {
			await context.seed({ documentId: SIGNNOW_DOCUMENT });
			await selectOperation(
				editor,
				context.operation(spec.resource, spec.operation),
				context.hasResource,
			);
			await pickFromLocatorList(editor, 'documentId', SIGNNOW_DOCUMENT_NAME);
			await editor.ndv().getByRole('button', { name: spec.addRow }).click();
			const entries = await dropdownEntries(editor, spec.parameter, spec.expected);
			return `${spec.label}: ${entries.join(', ')}`;
		},
	};
}

export const LISTS: ListCase[] = [
	pickedDocumentDropdown({
		name: 'signNow document roles',
		resource: 'embeddedInvite',
		operation: 'create',
		addRow: 'Add Invite',
		parameter: 'roleId',
		label: 'Role',
		expected: ['Signer 1'],
	}),
	pickedDocumentDropdown({
		name: 'signNow text fields of the picked document',
		resource: 'document',
		operation: 'prefillTextFields',
		addRow: 'Add Field',
		parameter: 'fieldName',
		label: 'Field Name',
		expected: ['Customer Name', 'Price'],
	}),
	{
		vendor: 'signnow',
		name: 'signNow field invites of the picked document',
		async check(editor, context) {
			await context.seed({ documentId: SIGNNOW_INVITED_DOCUMENT, fieldInviteId: SIGNNOW_INVITE });
			await selectOperation(
				editor,
				context.operation('embeddedInvite', 'generateLink'),
				context.hasResource,
			);
			await pickFromLocatorList(editor, 'documentId', SIGNNOW_INVITED_DOCUMENT_NAME);
			return await locatorEntries(editor, 'fieldInviteId', 'Field Invite', [
				'ana.signer@example.com · Signer 1 · pending',
			]);
		},
	},
];
