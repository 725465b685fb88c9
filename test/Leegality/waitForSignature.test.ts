import { useLeegality } from './setup';

const DETAILS = '/v3.3/document/details';

describe('Leegality → Sign Request → Wait for Signature', () => {
	const { sim, run } = useLeegality();

	const wait = (documentId: string, more: Record<string, unknown> = {}) =>
		run({
			resource: 'signRequest',
			operation: 'waitForSignature',
			documentId,
			checkEverySeconds: 5,
			maxWaitMinutes: 1,
			...more,
		});
	const reads = (id: string) =>
		sim.received('GET', DETAILS).filter((r) => r.query.documentId === id);

	it('reads the document again until every invitee has signed, then goes on with the signed PDF', async () => {
		const doc = sim.seed({
			invitees: [
				{ name: 'Isha Invitee', email: 'isha@example.com' },
				{ name: 'Ravi Reviewer', email: 'ravi@example.com' },
			],
		});
		sim.afterRequest(
			(r) => r.path === DETAILS && r.query.documentId === doc.documentId,
			() => sim.signAll(doc.documentId),
		);
		const { items, error } = await wait(doc.documentId, { downloadSignedFile: true });
		expect(error).toBeUndefined();
		expect(reads(doc.documentId)).toHaveLength(2);
		expect(items[0].json).toMatchObject({
			signing_status: 'completed',
			vendor_status: 'COMPLETED',
			request_id: doc.documentId,
			signers: [
				{ name: 'Isha Invitee', email: 'isha@example.com', status: 'SIGNED' },
				{ name: 'Ravi Reviewer', email: 'ravi@example.com', status: 'SIGNED' },
			],
			file_name: `${doc.documentId}-signed.pdf`,
		});
		expect(sim.received('GET', '/v3.1/document/fetchDocument')[0].query).toEqual({
			documentId: doc.documentId,
			documentDownloadType: 'DOCUMENT',
		});
		expect(items[0].binary?.data.mimeType).toBe('application/pdf');
	});

	it('ends the wait as declined when an invitee rejects, and as expired when an invitation expires, while the document stays SENT', async () => {
		const rejected = sim.seed();
		sim.reject(rejected.documentId);
		const expired = sim.seed();
		expired.invitations[0].expired = true;
		const { items, error } = await run(
			{
				resource: 'signRequest',
				operation: 'waitForSignature',
				documentId: '={{ $json.documentId }}',
				checkEverySeconds: 5,
				maxWaitMinutes: 1,
			},
			{
				input: [
					{ json: { documentId: rejected.documentId } },
					{ json: { documentId: expired.documentId } },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.signing_status, i.json.vendor_status])).toEqual([
			['declined', 'REJECTED'],
			['expired', 'EXPIRED'],
		]);
		expect((items[0].json.details as any).document.status).toBe('SENT');
		expect(sim.received('GET', DETAILS)).toHaveLength(2);
	});

	it('fails with Leegality’s own code for an unknown document, and gives an error item under Continue On Fail', async () => {
		const known = sim.seed();
		sim.signAll(known.documentId);
		const { items, error } = await run(
			{
				resource: 'signRequest',
				operation: 'waitForSignature',
				documentId: '={{ $json.documentId }}',
				checkEverySeconds: 5,
			},
			{
				input: [{ json: { documentId: 'DocNoSuch' } }, { json: { documentId: known.documentId } }],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items[0].json.error).toMatch(/^Leegality \[no\.document\.found\]/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.signing_status).toBe('completed');
	});
});
