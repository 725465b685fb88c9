/**
 * A credential created in the editor's credential dialog from a node, pointed at the vendor's
 * simulator with Environment = Custom URL: Test fails readably with a wrong secret, then passes.
 */
import type {
	ICredentialDataDecryptedObject,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import type { Locator } from 'playwright-core';

import type { CredentialExpectation } from './catalog';
import { assert } from './checks';
import type { Editor } from './session';
import { pageUntil, waitForState } from './waits';

export function credentialModal(editor: Editor): Locator {
	return editor.page.getByTestId('editCredential-modal');
}

/** The secret a wrong value is put in: the first password field the simulator's data sets. */
export function secretField(
	credential: CredentialExpectation,
	data: Record<string, unknown>,
): INodeProperties {
	const field = credential.properties.find(
		(p) => p.typeOptions?.password && typeof data[p.name] === 'string' && data[p.name] !== '',
	);
	assert(field, `${credential.name} has no password field to spoil`);
	return field;
}

/**
 * Fills the dialog in the order the fields appear. A choice can reveal the next field (Environment
 * = Custom URL shows Custom URL): which fields the dialog shows follows from n8n-workflow's own
 * display rules over the values filled in, and each of those is waited for.
 */
async function fill(
	editor: Editor,
	credential: CredentialExpectation,
	data: Record<string, unknown>,
): Promise<void> {
	const modal = credentialModal(editor);
	const values = {
		...Object.fromEntries(credential.properties.map((p) => [p.name, p.default])),
		...data,
	} as ICredentialDataDecryptedObject;
	for (const property of credential.properties) {
		const value = data[property.name];
		if (value === undefined || property.type === 'hidden' || property.type === 'notice') continue;
		if (!NodeHelpers.displayParameter(values, property, null, null)) continue;
		const input = modal.getByTestId(`parameter-input-${property.name}`);
		await waitForState(input, `the credential field ${property.displayName}`);
		if (property.type === 'options') {
			const option = (property.options as INodePropertyOptions[]).find((o) => o.value === value);
			assert(option, `${property.name} has no option ${String(value)}`);
			await editor.pickOption(property.name, option.name, modal);
		} else if (property.type === 'boolean') {
			const toggle = input.locator('.el-switch');
			const checked = async () => (await toggle.getAttribute('aria-checked')) === 'true';
			if ((await checked()) !== value) await toggle.click();
			await pageUntil(checked, {
				what: `${property.displayName} switched ${value ? 'on' : 'off'}`,
				until: (on) => on === value,
			});
		} else {
			await input.locator('input, textarea').first().fill(String(value));
		}
	}
}

/** What a failed Test must say: a reason a user can act on, and nothing garbled. */
const ACTIONABLE =
	/unauthori[sz]ed|authori[sz]ation failed|check your credentials|rejected|forbidden|invalid|wrong|denied|401|403/i;
const GARBLED = /\[object Object\]|undefined/;

/** The failed Test banner's text, from its heading to n8n's "Need help" link. */
async function failureBanner(editor: Editor): Promise<string> {
	const text = (await credentialModal(editor).innerText()).replace(/\s+/g, ' ');
	const start = text.search(editor.ids.credentialTestFailed);
	if (start < 0) return 'no failed Test banner';
	const end = text.indexOf('Need help', start);
	return text.slice(start, end > start ? end : start + 400).trim();
}

/**
 * Saves the dialog and reads the outcome of the Test that saving runs from n8n's own answer
 * (POST /rest/credentials/test), then waits for the dialog to show it: the failure banner, the
 * success banner, or (2.x) no dialog at all, since 2.x closes a dialog it opened from a node once
 * the credential is saved and its Test passed.
 */
async function saveAndWaitForTest(
	editor: Editor,
): Promise<{ outcome: 'success' | 'failure'; message: string }> {
	const modal = credentialModal(editor);
	const tested = editor.page.waitForResponse(
		(r) => r.url().includes('/rest/credentials/test') && r.request().method() === 'POST',
	);
	await modal.getByTestId('credential-save-button').click();
	const body = (await (await tested).json().catch(() => ({}))) as {
		data?: { status?: string; message?: string };
	};
	const outcome = body.data?.status === 'OK' ? 'success' : 'failure';
	const banner =
		outcome === 'success'
			? modal.getByTestId('credentials-config-container-test-success')
			: modal.getByText(editor.ids.credentialTestFailed);
	if (outcome === 'failure') await waitForState(banner, 'the failed Test banner');
	else
		await pageUntil(async () => (await banner.first().isVisible()) || !(await modal.isVisible()), {
			what: 'the passed Test banner, or (2.x) the dialog closed',
			show: () => 'the dialog open without the banner',
		});
	return { outcome, message: body.data?.message ?? '' };
}

/**
 * From an open NDV: creates the credential through "Create new credential", first with a wrong
 * secret (Test must fail with a readable message), then right (Test must pass). Leaves the dialog
 * reopened, after its passing Test, for its picture; returns what the failure said.
 */
export async function createCredentialInUi(
	editor: Editor,
	credential: CredentialExpectation,
	data: Record<string, unknown>,
	expectFailure: (run: () => Promise<void>) => Promise<void>,
	afterSuccess: () => Promise<void>,
): Promise<string> {
	await editor.ndv().getByTestId('node-credentials-select').click();
	await editor.page.getByTestId('node-credentials-select-item-new').click();
	const modal = credentialModal(editor);
	await waitForState(modal, 'the credential dialog');
	const secret = secretField(credential, data);
	let failureText = '';
	await expectFailure(async () => {
		await fill(editor, credential, {
			...data,
			[secret.name]: `wrong-${String(data[secret.name])}`,
		});
		const { outcome } = await saveAndWaitForTest(editor);
		assert(outcome === 'failure', `Test passed with a wrong ${secret.displayName}`);
		// The banner draws its "More details" link with it.
		const details = modal.getByText(/More details/).first();
		if (await details.isVisible()) await details.click();
		failureText = await pageUntil(() => failureBanner(editor), {
			what: 'the failed Test to give a reason a user can act on, ungarbled',
			until: (text) => ACTIONABLE.test(text) && !GARBLED.test(text),
		});
		// The node's lists reload with the wrong secret and fail: their errors belong to this step.
		await editor.restSettled('after the save with a wrong secret');
	});
	await modal
		.getByTestId(`parameter-input-${secret.name}`)
		.locator('input, textarea')
		.first()
		.fill(String(data[secret.name]));
	const { outcome, message } = await saveAndWaitForTest(editor);
	assert(outcome === 'success', `Test failed with the right ${secret.displayName}: ${message}`);
	// The dialog as a user finds it again from the node: reopened, it tests the saved credential.
	await closeCredentialModal(editor);
	await editor.ndv().getByTestId('credential-edit-button').first().click();
	await waitForState(modal, 'the credential dialog reopened');
	await waitForState(
		modal.getByTestId('credentials-config-container-test-success'),
		'the reopened dialog to show the passed Test',
	);
	// n8n's "Credential saved" notice would sit over a corner of the dialog's picture.
	for (const close of await editor.page.locator('.el-notification__closeBtn:visible').all())
		await close.click().catch(() => undefined);
	await afterSuccess();
	return failureText;
}

export async function closeCredentialModal(editor: Editor): Promise<void> {
	const modal = credentialModal(editor);
	if (!(await modal.isVisible())) return;
	const close = modal.locator('.el-dialog__headerbtn, .el-dialog__close').first();
	if (await close.isVisible()) await close.click();
	else await editor.page.keyboard.press('Escape');
	await waitForState(modal, 'the credential dialog to close', 'hidden');
}
