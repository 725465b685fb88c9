import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CredentialStore } from '../harness/credentials';
import { runWorkflow, type WorkflowJson } from '../harness/run';
import { demo } from '../simulators/signnow.demo';

describe('examples/signnow-template-to-signed.json', () => {
	it('copies the template, prefills it, invites the signer, links, and downloads the signed PDF with its audit trail', async () => {
		const workflow = JSON.parse(
			readFileSync(
				join(__dirname, '..', '..', 'examples', 'signnow-template-to-signed.json'),
				'utf8',
			),
		) as WorkflowJson;
		const running = await demo.start();
		try {
			await running.prepare?.(workflow);
			const { outputs, error } = await runWorkflow(workflow, {
				store: new CredentialStore(running.credentials),
			});
			expect(error).toBeUndefined();
			const created = outputs['Create Document From Template'][0].json;
			expect(created).toMatchObject({
				document_name: 'Service agreement – Ana Silva',
				template_id: '7e3a1c5b9d2f4e6a8b0c1d2e3f4a5b6c7d8e9f01',
			});
			expect(outputs['Prefill Customer and Price'][0].json).toEqual({
				document_id: created.id,
				prefilled: [
					{ field_name: 'Customer Name', prefilled_text: 'Ana Silva' },
					{ field_name: 'Price', prefilled_text: '1,200 EUR' },
				],
			});
			expect(outputs['Create Embedded Invite'][0].json).toMatchObject({
				document_id: created.id,
				email: 'ana.signer@example.com',
				role: 'Customer',
			});
			expect(outputs['Generate Signing Link'][0].json.link).toMatch(
				new RegExp(`^https://app\\.signnow\\.com/webapp/document/${String(created.id)}\\?`),
			);
			const download = outputs['Download Signed PDF With Audit Trail'][0];
			expect(download.json).toMatchObject({ document_id: created.id, file_type: 'withHistory' });
			expect(download.binary?.data.mimeType).toBe('application/pdf');
			const pdf = Buffer.from(download.binary!.data.data, 'base64').toString('latin1');
			expect(pdf.startsWith('%PDF-')).toBe(true);
			expect(pdf).toContain('signed by ana.signer@example.com');
			expect(download.pairedItem).toEqual({ item: 0 });
		} finally {
			await running.stop();
		}
	});
});
