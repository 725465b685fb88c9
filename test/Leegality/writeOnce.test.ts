import { createParameters, pdfInput, useLeegality } from './setup';

/**
 * Leegality takes no idempotency key: a write whose answer is lost after Leegality acted on it is
 * never sent again, and the item says that its outcome is unknown and how to check.
 */
describe('Leegality: a write is sent once', () => {
	const { sim, run } = useLeegality();

	const CREATE_ADVICE =
		'The request may have gone through. It was not sent again, so that nothing happens twice. Look for it with Sign Request → Get Many (search by its IRN or document name) before sending again, or the invitees get it twice.';

	describe('Sign Request → Create', () => {
		it.each([
			[
				'a gateway answers 504',
				504 as const,
				'the answer was lost (HTTP 504 from the gateway in front of the API)',
				'504',
			],
			[
				'the connection drops',
				'drop' as const,
				'the connection closed before the answer arrived',
				undefined,
			],
			[
				'the answer comes after the timeout',
				{ delayMs: 2500 },
				'no answer came within 1 s',
				undefined,
			],
		])(
			'%s: exactly one document is created and the outcome is unknown',
			async (_label, then, lost, httpCode) => {
				const before = sim.documents.size;
				sim.inject({ kind: 'applied', then });
				const { items, error } = await run(
					createParameters({ requestSettings: { timeoutSeconds: 1 } }),
					{ input: pdfInput() },
				);

				expect(sim.received('POST', '/v3.0/sign/request')).toHaveLength(1);
				expect(sim.applied).toHaveLength(1);
				expect(sim.documents.size).toBe(before + 1);
				const created = [...sim.documents.values()].filter((d) => d.irn === 'PO-2026-001');
				expect(created.map((d) => d.documentId)).toContain(
					(sim.applied[0].answer.body as any).data.documentId,
				);

				expect(items).toHaveLength(0);
				expect(error?.message).toBe(
					`Leegality [outcome_unknown]: ${lost}, so it is not known whether the sign request was created and sent`,
				);
				expect((error as any).httpCode ?? undefined).toBe(httpCode);
				expect((error as any).context.vendorCode).toBe('outcome_unknown');
				expect((error as any).description).toBe(CREATE_ADVICE);
			},
		);

		it('with Continue On Fail outputs { error, code, httpCode, description } for the lost item, paired, and creates the next one', async () => {
			const before = sim.documents.size;
			sim.inject({ kind: 'applied', then: 504 });
			const input = [...pdfInput(), ...pdfInput()];
			const { items, error } = await run(createParameters({ irn: '={{ "PO-" + $itemIndex }}' }), {
				input,
				continueOnFail: true,
			});

			expect(error).toBeUndefined();
			expect(sim.received('POST', '/v3.0/sign/request')).toHaveLength(2);
			expect(sim.documents.size).toBe(before + 2);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(items[0].json).toEqual({
				error:
					'Leegality [outcome_unknown]: the answer was lost (HTTP 504 from the gateway in front of the API), so it is not known whether the sign request was created and sent',
				code: 'outcome_unknown',
				httpCode: '504',
				description: CREATE_ADVICE,
			});
			expect(items[1].json).toMatchObject({
				irn: 'PO-1',
				signUrls: [expect.stringMatching(/^https:\/\//), expect.stringMatching(/^https:\/\//)],
			});
		});
	});

	describe('Sign Request → Delete', () => {
		it('after a lost answer deletes once and reports the outcome as unknown', async () => {
			const doc = sim.seed();
			sim.inject({ kind: 'applied', then: 'drop' });
			const { items, error } = await run({
				resource: 'signRequest',
				operation: 'delete',
				deleteTarget: 'document',
				documentId: doc.documentId,
			});

			expect(sim.received('DELETE', '/v3.0/sign/request')).toHaveLength(1);
			expect(sim.documents.has(doc.documentId)).toBe(false);
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(
				'Leegality [outcome_unknown]: the connection closed before the answer arrived, so it is not known whether the document was deleted',
			);
			expect((error as any).description).toContain(
				'Check with Sign Request → Get before deleting again.',
			);
		});
	});
});
