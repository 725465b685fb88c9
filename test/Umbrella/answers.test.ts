import { runWebhookMethod } from '../harness/trigger';
import { seedParameters, useUmbrella } from './setup';

const incomplete = (what: string) =>
	`Umbrella [incomplete_answer]: answered without what this operation needs (${what})`;

/**
 * Every operation, answered HTTP 200 with a body that lacks what it needs, `status: true`
 * included: the item fails naming the field; with Continue On Fail the item says incomplete_answer.
 */
describe('Umbrella → answers without what an operation needs are errors, not items with holes', () => {
	const { sim, run, credentials } = useUmbrella();

	const operations: Record<
		string,
		{ parameters: Record<string, unknown>; method: string; path: string }
	> = {
		createSessionLink: {
			parameters: seedParameters,
			method: 'POST',
			path: '/onboarding/createSessionLink',
		},
		getVerification: {
			parameters: { operation: 'getVerification', sessionId: 'session-1' },
			method: 'GET',
			path: '/onboarding/getVerification/:sessionId',
		},
		getVerificationDownload: {
			parameters: {
				operation: 'getVerification',
				sessionId: 'session-1',
				download: true,
				binaryPropertyName: 'data',
			},
			method: 'GET',
			path: '/onboarding/getVerification/:sessionId',
		},
		configureWebhook: {
			parameters: {
				operation: 'configureWebhook',
				webhookUrl: 'https://hooks.example.com/umbrella',
			},
			method: 'POST',
			path: '/onboarding/configureWebhook',
		},
	};

	const link = {
		requestId: 'req-1',
		url: 'https://idcanopy.example/urlback?t=1',
		expiresAfter: '2030-07-30T08:55:52.520909994Z',
	};
	const completed = { isVerified: true, status: 'completed', requestId: 'session-1' };

	const cases: Array<[string, unknown, string]> = [
		['createSessionLink', {}, 'status is missing; data is missing'],
		[
			'createSessionLink',
			{ data: {} },
			'status is missing; data.requestId is missing; data.url is missing; data.expiresAfter is missing',
		],
		['createSessionLink', { status: true }, 'data is missing'],
		[
			'createSessionLink',
			{ status: true, data: {} },
			'data.requestId is missing; data.url is missing; data.expiresAfter is missing',
		],
		[
			'createSessionLink',
			{ status: true, data: { ...link, url: undefined } },
			'data.url is missing',
		],
		[
			'createSessionLink',
			{ status: true, data: { ...link, requestId: 42, expiresAfter: 'tomorrow' } },
			'data.requestId: Expected string, received number; data.expiresAfter: is not an ISO date and time',
		],
		[
			'createSessionLink',
			{ status: 'ok', data: link },
			'status: Expected boolean, received string',
		],
		['createSessionLink', [link], 'the answer: Expected object, received array'],
		['getVerification', {}, 'status is missing; data is missing'],
		['getVerification', { status: true, data: {} }, 'data.status is missing'],
		[
			'getVerification',
			{ status: true, data: { status: 'completed', isVerified: 'yes' } },
			'data.isVerified: Expected boolean, received string',
		],
		['getVerificationDownload', { status: true, data: {} }, 'data.status is missing'],
		[
			'getVerificationDownload',
			{ status: true, data: completed },
			'data.signature.content: has no signedResource (the signed document), although the status is completed',
		],
		[
			'getVerificationDownload',
			{ status: true, data: { ...completed, signature: { content: [{ status: 'COMPLETED' }] } } },
			'data.signature.content: has no signedResource (the signed document), although the status is completed',
		],
		[
			'getVerificationDownload',
			{
				status: true,
				data: {
					...completed,
					signature: { content: [{ signedResource: { filename: 'contract-signed.pdf' } }] },
				},
			},
			'data.signature.content.0.signedResource.resourceUrl is missing',
		],
		[
			'getVerificationDownload',
			{
				status: true,
				data: {
					...completed,
					signature: {
						content: [
							{
								signedResource: { resourceUrl: 'https://files.example/x', urlValidBefore: 'soon' },
							},
						],
					},
				},
			},
			'data.signature.content.0.signedResource.urlValidBefore: is not an ISO date and time',
		],
		['configureWebhook', {}, 'status is missing; data is missing'],
		[
			'configureWebhook',
			{ status: true, data: {} },
			'data.id is missing; data.url is missing; data.createdAt is missing',
		],
		[
			'configureWebhook',
			{ status: true, data: { id: 'wh-1', createdAt: '2030-01-01T00:00:00Z' } },
			'data.url is missing',
		],
	];

	it.each(cases)(
		'%s answered 200 %j fails the item naming what is missing',
		async (operation, body, what) => {
			const { parameters, method, path } = operations[operation];
			sim.inject({ kind: 'status', status: 200, body }, 1, (req) => req.path !== '/auth');
			const { items, error } = await run(parameters);
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(incomplete(what));
			expect((error as any).context.itemIndex).toBe(0);
			// Reached Umbrella once, and no file was fetched on the strength of the broken answer.
			expect(sim.received(method, path)).toHaveLength(1);
			expect(sim.received('GET', '/storage/:token')).toHaveLength(0);
		},
	);

	it.each(Object.keys(operations))(
		'%s answered 200 {status: true, data: {}} with Continue On Fail outputs an incomplete_answer item',
		async (operation) => {
			sim.inject(
				{ kind: 'status', status: 200, body: { status: true, data: {} } },
				1,
				(req) => req.path !== '/auth',
			);
			const { items, error } = await run(operations[operation].parameters, {
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(items[0].json.code).toBe('incomplete_answer');
			expect(items[0].json.error).toMatch(
				/^Umbrella \[incomplete_answer\]: answered without what this operation needs \(data\.\w+ is missing/,
			);
			expect(items[0].pairedItem).toEqual({ item: 0 });
		},
	);

	it('a pending session without a signed document is not an incomplete answer: it says there is no document yet', async () => {
		sim.inject(
			{
				kind: 'status',
				status: 200,
				body: { status: true, data: { status: 'pending', isVerified: false } },
			},
			1,
			(req) => req.path !== '/auth',
		);
		const { error } = await run(operations.getVerificationDownload.parameters);
		expect(error?.message).toBe('Session session-1 has no signed document yet (status: pending)');
	});

	it('the trigger does not count an incomplete registration answer as registered', async () => {
		const trigger = {
			type: 'umbrellaTrigger',
			parameters: {},
			credentials: credentials(),
			staticData: {},
		};
		sim.inject(
			{ kind: 'status', status: 200, body: { status: true, data: {} } },
			1,
			(req) => req.path === '/onboarding/configureWebhook',
		);
		await expect(runWebhookMethod(trigger, 'create')).rejects.toThrow(
			incomplete('data.id is missing; data.url is missing; data.createdAt is missing'),
		);
		expect((await runWebhookMethod(trigger, 'checkExists')).result).toBe(false);
	});
});
