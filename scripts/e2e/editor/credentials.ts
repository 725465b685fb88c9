/**
 * A credential created in the editor's credential dialog from a node, pointed at the vendor's
 * simulator with Environment = Custom URL: Test fails readably with a wrong secret, then passes.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { Locator } from 'playwright-core';

import type { CredentialExpectation } from './catalog';
import { assert } from './checks';
import type { Editor } from './session';

export function credentialModal(editor: Editor): Locator {
	return editor.page.getByTestId('editCredential-modal');
}

/** The secret a wrong value is put in: the first password field the simulator's data sets. */
export function secretField(credential: CredentialExpectation, data: Record<string, unknown>): INodeProperties {
	const field = credential.properties.find((p) => p.typeOptions?.password && typeof data[p.name] === 'string' && data[p.name] !== '');
	assert(field, `${credential.name} has no password field to spoil`);
	return field;
}

/** Fills the dialog in the order the fields appear (a choice can reveal the next field). */
async function fill(editor: Editor, credential: CredentialExpectation, data: Record<string, unknown>): Promise<void> {
	const modal = credentialModal(editor);
	for (const property of credential.properties) {
		const value = data[property.name];
		if (value === undefined || property.type === 'hidden' || property.type === 'notice') continue;
		const input = modal.getByTestId(`parameter-input-${property.name}`);
		if (!(await input.isVisible())) continue;
		if (property.type === 'options') {
			const option = (property.options as INodePropertyOptions[]).find((o) => o.value === value);
			assert(option, `${property.name} has no option ${String(value)}`);
			await editor.pickOption(property.name, option.name, modal);
		} else if (property.type === 'boolean') {
			const checked = (await input.locator('.el-switch').getAttribute('aria-checked')) === 'true';
			if (checked !== value) await input.locator('.el-switch').click();
		} else {
			const field = input.locator('input, textarea').first();
			await field.fill(String(value));
		}
	}
}

/**
 * Saves the dialog and reads the outcome of the Test that saving runs from n8n's own answer
 * (POST /rest/credentials/test), then waits for the dialog to show it: the failure banner, the
 * success banner, or (2.x) no dialog at all, since 2.x closes a dialog it opened from a node once
 * the credential is saved and its Test passed.
 */
async function saveAndWaitForTest(editor: Editor): Promise<{ outcome: 'success' | 'failure'; message: string }> {
	const modal = credentialModal(editor);
	const tested = editor.page.waitForResponse((r) => r.url().includes('/rest/credentials/test') && r.request().method() === 'POST');
	await modal.getByTestId('credential-save-button').click();
	const body = (await (await tested).json().catch(() => ({}))) as { data?: { status?: string; message?: string } };
	const outcome = body.data?.status === 'OK' ? 'success' : 'failure';
	const banner = outcome === 'success' ? modal.getByTestId('credentials-config-container-test-success') : modal.getByText(editor.ids.credentialTestFailed);
	if (outcome === 'failure') await banner.first().waitFor({ timeout: 5_000 });
	else await Promise.race([banner.first().waitFor({ timeout: 5_000 }), modal.waitFor({ state: 'hidden', timeout: 5_000 })]);
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
	await modal.waitFor();
	const secret = secretField(credential, data);
	let failureText = '';
	await expectFailure(async () => {
		await fill(editor, credential, { ...data, [secret.name]: `wrong-${String(data[secret.name])}` });
		const { outcome } = await saveAndWaitForTest(editor);
		assert(outcome === 'failure', `Test passed with a wrong ${secret.displayName}`);
		const details = modal.getByText(/More details/).first();
		if (await details.isVisible()) await details.click();
		await editor.page.waitForTimeout(1000); // what the wrong secret set off in the node (its lists) settles here
		const text = (await modal.innerText()).replace(/\s+/g, ' ');
		const start = text.search(editor.ids.credentialTestFailed);
		const end = text.indexOf('Need help', start);
		failureText = text.slice(start, end > start ? end : start + 400).trim();
	});
	assert(/unauthori[sz]ed|authori[sz]ation failed|check your credentials|rejected|forbidden|invalid|wrong|denied|401|403/i.test(failureText), `the failed Test says no reason a user can act on: "${failureText}"`);
	assert(!/\[object Object\]|undefined/.test(failureText), `the failed Test message is garbled: "${failureText}"`);
	await modal.getByTestId(`parameter-input-${secret.name}`).locator('input, textarea').first().fill(String(data[secret.name]));
	const { outcome, message } = await saveAndWaitForTest(editor);
	assert(outcome === 'success', `Test failed with the right ${secret.displayName}: ${message}`);
	// The dialog as a user finds it again from the node: reopened, it tests the saved credential.
	await closeCredentialModal(editor);
	await editor.ndv().getByTestId('credential-edit-button').first().click();
	await modal.waitFor();
	await modal.getByTestId('credentials-config-container-test-success').waitFor();
	// n8n's "Credential saved" notice would sit over a corner of the dialog's picture.
	for (const close of await editor.page.locator('.el-notification__closeBtn:visible').all()) await close.click().catch(() => undefined);
	await afterSuccess();
	return failureText;
}

export async function closeCredentialModal(editor: Editor): Promise<void> {
	const modal = credentialModal(editor);
	if (!(await modal.isVisible())) return;
	const close = modal.locator('.el-dialog__headerbtn, .el-dialog__close').first();
	if (await close.isVisible()) await close.click();
	else await editor.page.keyboard.press('Escape');
	await modal.waitFor({ state: 'hidden', timeout: 5_000 });
}
