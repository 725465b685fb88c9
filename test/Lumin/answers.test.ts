import { runLoadOptions } from '../harness/context';
import { useLumin } from './setup';

const inOneWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();
const incomplete = (what: string) =>
	`Lumin [incomplete_answer]: answered without what this operation needs (${what})`;

/**
 * Every operation, answered HTTP 200 with a body that lacks what it needs: the item fails naming
 * the field, and with Continue On Fail the error item says incomplete_answer. Nothing is retried
 * and no write is resent.
 */
describe('Lumin → answers without what an operation needs are errors, not items with holes', () => {
	const { sim, run, credentials } = useLumin();

	const operations: Record<
		string,
		{ parameters: Record<string, unknown>; method: string; path: string }
	> = {
		send: {
			parameters: {
				operation: 'send',
				title: 'Contract',
				documentSource: 'url',
				fileUrls: 'https://files.example.com/a.pdf',
				signers: { signer: [{ name: 'Ana', email: 'ana@example.com', group: 0 }] },
				expiresAt: inOneWeek(),
			},
			method: 'POST',
			path: '/signature_request/send',
		},
		sendFromTemplate: {
			parameters: {
				operation: 'sendFromTemplate',
				templateId: 'pdf_tpl_offer',
				title: 'Offer',
				signers: {
					signer: [{ name: 'Ana', email: 'ana@example.com', role: 'Candidate', group: 0 }],
				},
				expiresAt: inOneWeek(),
			},
			method: 'POST',
			path: '/signature_request/send-from-template',
		},
		get: {
			parameters: { operation: 'get', signatureRequestId: 'sr_1' },
			method: 'GET',
			path: '/signature_request/:id',
		},
		cancel: {
			parameters: { operation: 'cancel', signatureRequestId: 'sr_1' },
			method: 'PUT',
			path: '/signature_request/cancel/:id',
		},
		remind: {
			parameters: {
				operation: 'remind',
				signatureRequestId: 'sr_1',
				emails: 'signer@example.com, other@example.com',
			},
			method: 'POST',
			path: '/signature_request/remind/:id',
		},
		getSigningLink: {
			parameters: {
				operation: 'getSigningLink',
				signatureRequestId: 'sr_1',
				signerEmail: 'signer@example.com',
			},
			method: 'POST',
			path: '/signature_request/:id/signing-link',
		},
		createSigningSession: {
			parameters: {
				operation: 'createSigningSession',
				signatureRequestId: 'sr_1',
				signerEmail: 'signer@example.com',
			},
			method: 'POST',
			path: '/signature_request/:id/signing-session',
		},
		download: {
			parameters: {
				operation: 'download',
				signatureRequestId: 'sr_1',
				fileType: 'agreement',
				binaryPropertyName: 'data',
			},
			method: 'GET',
			path: '/signature_request/:id/file',
		},
	};

	const session = {
		sign_url: 'https://sign.luminpdf.com/embed?session=abc',
		signer_email: 'signer@example.com',
		expires_at: Date.now() + 900000,
		status: 'NEED_TO_SIGN',
	};

	const cases: Array<[string, unknown, string]> = [
		['send', {}, 'signature_request is missing'],
		['send', { data: {} }, 'signature_request is missing'],
		['send', { signature_request: {} }, 'signature_request.signature_request_id is missing'],
		[
			'send',
			{ signature_request: { signature_request_id: 42, status: 'WAITING_FOR_PROCESSING' } },
			'signature_request.signature_request_id: Expected string, received number',
		],
		[
			'send',
			{ signature_request_id: 'sr_bare', status: 'WAITING_FOR_PROCESSING' },
			'signature_request is missing',
		],
		['sendFromTemplate', {}, 'signature_request is missing'],
		[
			'sendFromTemplate',
			{ signature_request: { signature_request_id: '' } },
			'signature_request.signature_request_id: is empty',
		],
		['get', {}, 'signature_request is missing'],
		['get', { data: {} }, 'signature_request is missing'],
		[
			'get',
			{ signature_request: {} },
			'signature_request.signature_request_id is missing; signature_request.status is missing; signature_request.signers is missing',
		],
		[
			'get',
			{
				signature_request: {
					signature_request_id: 'sr_1',
					status: 'NEED_TO_SIGN',
					signers: [{ name: 'Sam' }],
				},
			},
			'signature_request.signers.0.email_address is missing; signature_request.signers.0.status is missing',
		],
		[
			'get',
			{ signature_request: { signature_request_id: 'sr_1', status: 7, signers: {} } },
			'signature_request.status: Expected string, received number; signature_request.signers: Expected array, received object',
		],
		['cancel', {}, 'status is missing'],
		['cancel', { data: {} }, 'status is missing'],
		[
			'cancel',
			{ signature_request_id: 'sr_1', status: 'NEED_TO_SIGN' },
			'status: is "NEED_TO_SIGN", not "CANCELLED", so the cancellation is not confirmed',
		],
		['remind', {}, 'reminders is missing'],
		['remind', { reminders: 'SENT' }, 'reminders: Expected array, received string'],
		[
			'remind',
			{ reminders: [{ email: 'signer@example.com', email_status: 'SENT' }] },
			'reminders: has no entry for other@example.com',
		],
		[
			'remind',
			{
				reminders: [
					{ email: 'signer@example.com' },
					{ email: 'other@example.com', email_status: 'SENT' },
				],
			},
			'reminders.0.email_status is missing',
		],
		['getSigningLink', {}, 'view_url is missing'],
		['getSigningLink', { data: {} }, 'view_url is missing'],
		['getSigningLink', { view_url: 'sign here' }, 'view_url: is not a URL'],
		[
			'createSigningSession',
			{},
			'sign_url is missing; signer_email is missing; expires_at is missing; status is missing',
		],
		['createSigningSession', { ...session, expires_at: undefined }, 'expires_at is missing'],
		[
			'createSigningSession',
			{ ...session, expires_at: '2030-01-01' },
			'expires_at: Expected number, received string',
		],
		[
			'createSigningSession',
			{ ...session, expires_at: 1e20 },
			'expires_at: is not a time in milliseconds',
		],
		[
			'createSigningSession',
			{ ...session, sign_url: null },
			'sign_url: Expected string, received null',
		],
		['download', {}, 'signed_url is missing; expires_at is missing'],
		['download', { data: {} }, 'signed_url is missing; expires_at is missing'],
		['download', { signed_url: 'https://storage.example.com/f.pdf' }, 'expires_at is missing'],
		[
			'download',
			{ signed_url: 12, expires_at: 'soon' },
			'signed_url: Expected string, received number; expires_at: Expected number, received string',
		],
		['download', 'not json at all', 'the answer: Expected object, received string'],
	];

	it.each(cases)(
		'%s answered 200 %j fails the item naming what is missing',
		async (operation, body, what) => {
			const { parameters, method, path } = operations[operation];
			sim.inject({ kind: 'status', status: 200, body });
			const { items, error } = await run(parameters);
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(incomplete(what));
			expect((error as any).context.itemIndex).toBe(0);
			expect((error as any).description).toContain('lacks the fields above');
			// Reached Lumin once, and nothing was fetched on the strength of the broken answer.
			expect(sim.received(method, path)).toHaveLength(1);
			expect(sim.requests).toHaveLength(1);
		},
	);

	it.each(Object.keys(operations))(
		'%s with Continue On Fail outputs an incomplete_answer item paired with its input',
		async (operation) => {
			const { parameters } = operations[operation];
			sim.inject({ kind: 'status', status: 200, body: {} });
			const { items, error } = await run(parameters, { continueOnFail: true });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(items[0].json.code).toBe('incomplete_answer');
			expect(items[0].json.error).toMatch(
				/^Lumin \[incomplete_answer\]: answered without what this operation needs \(.+ is missing/,
			);
			expect(items[0].pairedItem).toEqual({ item: 0 });
		},
	);

	it('Send fails the item when Lumin reports the new request as FAILED', async () => {
		sim.inject({
			kind: 'status',
			status: 201,
			body: {
				signature_request: {
					signature_request_id: 'sr_failed',
					created_at: Date.now(),
					status: 'FAILED',
				},
			},
		});
		const { items, error } = await run(operations.send.parameters);
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(
			'Lumin [processing_failed]: created signature request sr_failed with status FAILED',
		);
		expect((error as any).httpCode).toBe('201');
		expect((error as any).description).toContain('Signature Request → Get shows the reason');
		expect(sim.received('POST', '/signature_request/send')).toHaveLength(1);
	});

	it('Download reads a JSON file answer that is not valid JSON as an incomplete answer, and fetches nothing', async () => {
		sim.inject({ kind: 'malformed' });
		const { error } = await run(operations.download.parameters);
		expect(error?.message).toBe(incomplete('the answer: Expected object, received string'));
		expect(sim.requests).toHaveLength(1);
	});

	it('Download fails when the signed URL serves something other than a PDF', async () => {
		const r = sim.seed();
		sim.inject(
			{ kind: 'status', status: 200, body: { message: 'Sign in to continue' } },
			1,
			(req) => req.path.startsWith('/storage/'),
		);
		const { items, error } = await run({
			...operations.download.parameters,
			signatureRequestId: r.signature_request_id,
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(incomplete('file: is not a PDF (it does not start with %PDF-)'));
		expect(sim.received('GET', '/storage/:token')).toHaveLength(1);
	});

	it('the template dropdown fails instead of showing an empty list when the answer has no data', async () => {
		sim.inject({ kind: 'status', status: 200, body: { page: 1, limit: 50 } });
		await expect(
			runLoadOptions(
				'lumin',
				'getTemplates',
				{ resource: 'signatureRequest', operation: 'sendFromTemplate' },
				credentials(),
			),
		).rejects.toThrow(incomplete('total_count is missing; data is missing'));
	});
});
