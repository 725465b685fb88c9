import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CredentialStore } from '../harness/credentials';
import { runWorkflow, type WorkflowJson } from '../harness/run';
import { demo } from '../simulators/leegality.demo';

describe('examples/leegality-docsigner.json', () => {
	it('signs the invitation, finds its document by IRN and downloads the PDF', async () => {
		const workflow = JSON.parse(
			readFileSync(join(__dirname, '..', '..', 'examples', 'leegality-docsigner.json'), 'utf8'),
		) as WorkflowJson;
		const running = await demo.start();
		try {
			running.prepare?.(workflow);
			const { outputs, error } = await runWorkflow(workflow, {
				store: new CredentialStore(running.credentials),
			});
			expect(error).toBeUndefined();
			expect(outputs['Sign Invitation'][0].json.code).toBe('signing.success');
			expect(outputs['Find Sign Request'][0].json).toMatchObject({
				irn: 'PO-2026-0042',
				status: 'COMPLETED',
			});
			const download = outputs['Download Signed PDF'][0];
			expect(download.binary?.data.mimeType).toBe('application/pdf');
			expect(download.pairedItem).toEqual({ item: 0 });
		} finally {
			await running.stop();
		}
	});
});
