import { useLeegality } from './setup';

/**
 * Leegality answers every call with HTTP 200; only `status: 1` is a success. Every other answer
 * fails the item with what Leegality said, or, when it said nothing, with a code of our own.
 */
describe('Leegality: only status 1 is a success', () => {
	const { sim, run } = useLeegality();

	const NOT_SUCCESS_HINT = 'only status 1 means the request succeeded';

	/** An HTTP 200 answer, what the item error says, and whether the description explains the status. */
	const oddAnswers: Array<[string, unknown, string, boolean]> = [
		[
			'an empty object',
			{},
			'Leegality [no_success_status]: answered without status 1 (success): no status',
			true,
		],
		[
			'data without status',
			{ data: {} },
			'Leegality [no_success_status]: answered without status 1 (success): no status',
			true,
		],
		[
			'status 2',
			{ status: 2 },
			'Leegality [no_success_status]: answered without status 1 (success): status 2',
			true,
		],
		[
			'status "0"',
			{ status: '0' },
			'Leegality [no_success_status]: answered without status 1 (success): status "0"',
			false,
		],
		[
			'status null',
			{ status: null, data: {} },
			'Leegality [no_success_status]: answered without status 1 (success): status null',
			true,
		],
		[
			'status 0 without messages',
			{ status: 0, data: {} },
			'Leegality [no_success_status]: answered without status 1 (success): status 0',
			false,
		],
		[
			'a list',
			[],
			'Leegality [no_success_status]: answered without status 1 (success): an answer that is not a Leegality envelope',
			true,
		],
		[
			'a number',
			1,
			'Leegality [no_success_status]: answered without status 1 (success): an answer that is not a Leegality envelope',
			true,
		],
		[
			'status 2 with a message',
			{ status: 2, messages: [{ code: 'document.locked', message: 'Document is locked' }] },
			'Leegality [document.locked]: Document is locked',
			true,
		],
		[
			'status 0 with a message without code',
			{ status: 0, data: {}, messages: [{ message: 'Something went wrong' }] },
			'Leegality [no_success_status]: Something went wrong',
			false,
		],
	];

	describe.each([
		['a write (DocSigner → Sign Invitation)', 'POST'],
		['a read (Sign Request → Get)', 'GET'],
	])('%s', (_label, method) => {
		function operation() {
			const doc = sim.seed();
			if (method === 'GET')
				return {
					parameters: { resource: 'signRequest', operation: 'get', documentId: doc.documentId },
					token: undefined,
				};
			const token = sim.addInviteeAccount('invitee@example.com', ['d4NrfHV']);
			const parameters = {
				resource: 'docSigner',
				operation: 'signInvitation',
				signUrl: doc.invitations[0].signUrl,
				profileId: 'd4NrfHV',
				consent: true,
			};
			return { parameters, token };
		}

		it.each(oddAnswers)('fails on %s, sent once', async (_what, body, message, explainsStatus) => {
			const { parameters, token } = operation();
			sim.inject({ kind: 'status', status: 200, body });
			const { items, error } = await run(parameters, { token });

			expect(sim.received(method)).toHaveLength(1);
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(message);
			expect((error as any).httpCode).toBe('200');
			expect((error as any).context.itemIndex).toBe(0);
			if (explainsStatus) expect((error as any).description).toContain(NOT_SUCCESS_HINT);
			else expect((error as any).description ?? '').not.toContain(NOT_SUCCESS_HINT);
		});
	});

	it('lists every message and keeps Leegality’s hint when a failure has several', async () => {
		const doc = sim.seed();
		sim.inject({
			kind: 'status',
			status: 200,
			body: {
				status: 0,
				messages: [
					{ code: 'no.document.found', message: 'No document found.' },
					{ code: 'document.deleted', message: 'The document was deleted.' },
				],
			},
		});
		const { error } = await run({
			resource: 'signRequest',
			operation: 'get',
			documentId: doc.documentId,
		});
		expect(error?.message).toBe('Leegality [no.document.found]: No document found.');
		expect((error as any).description).toContain('audit trail');
		expect((error as any).description).toContain('• no.document.found: No document found.');
		expect((error as any).description).toContain('• document.deleted: The document was deleted.');
	});

	it('with Continue On Fail outputs an answer without status as { error, code, httpCode, description }, paired with its input', async () => {
		const doc = sim.seed();
		sim.inject({ kind: 'status', status: 200, body: {} });
		const { items, error } = await run(
			{ resource: 'signRequest', operation: 'get', documentId: '={{ $json.id }}' },
			{
				continueOnFail: true,
				input: [{ json: { id: doc.documentId } }, { json: { id: doc.documentId } }],
				store: undefined,
			},
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			error: 'Leegality [no_success_status]: answered without status 1 (success): no status',
			code: 'no_success_status',
			httpCode: '200',
			description:
				'Leegality answered with no status; only status 1 means the request succeeded. Check the result in the Leegality dashboard before running the item again.',
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json).toMatchObject({ documentId: doc.documentId, status: 'SENT' });
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});
