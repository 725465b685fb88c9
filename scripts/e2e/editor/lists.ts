/**
 * Every dropdown the package fills from the vendor, opened in the editor: its entries must be the
 * ones the simulator holds (a list that fails to load shows an error or nothing instead).
 */
import { LuminSimulator } from '../../../test/simulators/lumin';
import { assert } from './checks';
import { selectOperation } from './nodes';
import type { OperationExpectation } from './catalog';
import type { Editor } from './session';

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

async function dropdownEntries(editor: Editor, parameter: string): Promise<string[]> {
	await editor.ndv().getByTestId(`parameter-input-${parameter}`).first().click();
	const entries = await editor.openDropdownOptions();
	await editor.page.keyboard.press('Escape');
	return entries;
}

function expectEntries(entries: string[], expected: string[], what: string): string {
	const missing = expected.filter((e) => !entries.includes(e));
	assert(missing.length === 0, `${what} lacks ${missing.join(', ')} (shows: ${entries.join(' | ') || 'nothing'})`);
	return `${what}: ${entries.join(', ')}`;
}

/** The signNow document the roles list is read from (seeded with one role, as for the examples). */
const SIGNNOW_DOCUMENT = 'ed17000000000000000000000000000000000a01';

export const LISTS: ListCase[] = [
	{
		vendor: 'lumin',
		name: 'Lumin templates',
		async check(editor, context) {
			await selectOperation(editor, context.operation('signatureRequest', 'sendFromTemplate'), context.hasResource);
			const expected = new LuminSimulator().templates.map((t) => t.name);
			return expectEntries(await dropdownEntries(editor, 'templateId'), expected, 'Template');
		},
	},
	{
		vendor: 'signnow',
		name: 'signNow document roles',
		async check(editor, context) {
			await context.seed({ documentId: SIGNNOW_DOCUMENT });
			await selectOperation(editor, context.operation('embeddedInvite', 'create'), context.hasResource);
			await editor.parameterInput('documentId').locator('input, textarea').first().fill(SIGNNOW_DOCUMENT);
			await editor.ndv().getByRole('button', { name: 'Add Invite' }).click();
			return expectEntries(await dropdownEntries(editor, 'roleId'), ['Signer 1'], 'Role');
		},
	},
];
