import type { Fault, SimRequest } from '../simulators/base';
import { seedParameters, useUmbrella } from './setup';

const CREATE = '/onboarding/createSessionLink';
const isCreate = (req: SimRequest) => req.path === CREATE;

const parameters = {
	...seedParameters,
	email: '={{ $json.email }}',
	requestSettings: { timeoutSeconds: 1 },
};

const ADVICE =
	'The request may have gone through. It was not sent again, so that nothing happens twice. Umbrella cannot list sessions, so a second run gives the signer a second link; if that matters, ask IDCanopy about sessions created for this email at this time.';

/** Each way the answer of a write that Umbrella acted on can be lost, and what the item then says. */
const lostAnswers: Array<
	[string, Extract<Fault, { kind: 'applied' }>['then'], string, string | undefined]
> = [
	[
		'a 502 from the gateway',
		502,
		'the answer was lost (HTTP 502 from the gateway in front of the API)',
		'502',
	],
	[
		'a 504 from the gateway',
		504,
		'the answer was lost (HTTP 504 from the gateway in front of the API)',
		'504',
	],
	['a dropped connection', 'drop', 'the connection closed before the answer arrived', undefined],
	['an answer later than the Timeout', { delayMs: 2500 }, 'no answer came within 1 s', undefined],
];

describe('Umbrella → Create Session Link is sent once', () => {
	const { sim, run, credentials } = useUmbrella();

	const creates = () => sim.received('POST', CREATE);
	const createsApplied = () => sim.applied.filter((a) => isCreate(a.request));

	it.each(lostAnswers)(
		'answer lost by %s: sent once, created once, and the item says the outcome is unknown',
		async (_how, then, lost, httpCode) => {
			const before = sim.sessions.size;
			sim.inject({ kind: 'applied', then }, 1, isCreate);
			const { items, error } = await run(parameters, {
				input: [{ json: { email: 'lost@example.com' } }],
			});

			expect(items).toHaveLength(0);
			expect(creates()).toHaveLength(1);
			expect(createsApplied()).toHaveLength(1);
			expect(sim.sessions.size).toBe(before + 1);
			expect(error?.message).toBe(
				`Umbrella [outcome_unknown]: ${lost}, so it is not known whether a session link was created`,
			);
			expect((error as any).httpCode ?? undefined).toBe(httpCode);
			expect((error as any).description).toBe(ADVICE);
			expect((error as any).context.itemIndex).toBe(0);
		},
	);

	it.each(lostAnswers)(
		'with Continue On Fail, answer lost by %s: an outcome_unknown item paired with its input, and the next item goes on',
		async (_how, then, lost, httpCode) => {
			sim.inject(
				{ kind: 'applied', then },
				1,
				(req) => isCreate(req) && req.body?.email === 'first@example.com',
			);
			const { items, error } = await run(parameters, {
				input: [
					{ json: { email: 'first@example.com' } },
					{ json: { email: 'second@example.com' } },
				],
				continueOnFail: true,
			});

			expect(error).toBeUndefined();
			expect(items).toHaveLength(2);
			expect(items[0].json).toEqual({
				error: `Umbrella [outcome_unknown]: ${lost}, so it is not known whether a session link was created`,
				code: 'outcome_unknown',
				...(httpCode ? { httpCode } : {}),
				description: ADVICE,
			});
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(sim.sessions.has(items[1].json.requestId as string)).toBe(true);
			expect(items[1].pairedItem).toEqual({ item: 1 });
			expect(creates().map((r) => r.body.email)).toEqual([
				'first@example.com',
				'second@example.com',
			]);
			expect(createsApplied().map((a) => a.request.body.email)).toEqual([
				'first@example.com',
				'second@example.com',
			]);
		},
	);

	it('is sent again after a 429, because Umbrella did not act on it', async () => {
		sim.inject(
			{
				kind: 'status',
				status: 429,
				headers: { 'retry-after': '1' },
				body: { message: 'Too many requests' },
			},
			1,
			isCreate,
		);
		const { items, error } = await run(parameters, {
			input: [{ json: { email: 'busy@example.com' } }],
		});

		expect(error).toBeUndefined();
		expect(creates()).toHaveLength(2);
		expect(createsApplied()).toHaveLength(1);
		expect(items[0].json.requestId).toBe((createsApplied()[0].answer.body as any).data.requestId);
	});

	it('is sent again once after a 401, with a token renewed once', async () => {
		const store = credentials();
		await run(seedParameters, { store });
		const oldToken = store.get('umbrellaApi').accessToken;
		sim.clearLog();

		sim.inject(
			{ kind: 'status', status: 401, body: { message: 'Unauthorized request' } },
			1,
			isCreate,
		);
		const { items, error } = await run(parameters, {
			input: [{ json: { email: 'renew@example.com' } }],
			store,
		});

		expect(error).toBeUndefined();
		expect(sim.received('POST', '/auth')).toHaveLength(1);
		expect(creates()).toHaveLength(2);
		expect(createsApplied()).toHaveLength(1);
		const newToken = store.get('umbrellaApi').accessToken;
		expect(newToken).not.toBe(oldToken);
		expect(creates().map((r) => r.headers.authorization)).toEqual([
			`Bearer ${oldToken}`,
			`Bearer ${newToken}`,
		]);
		expect(items[0].json.requestId).toBe((createsApplied()[0].answer.body as any).data.requestId);
	});
});

describe('Umbrella → Continue On Fail item of a vendor error', () => {
	const { sim, run } = useUmbrella();

	it('is exactly {error, httpCode, description} for Umbrella’s 400 (Umbrella sends no error code), and the next item goes on', async () => {
		sim.inject(
			{ kind: 'status', status: 400, body: { message: 'Invalid request payload' } },
			1,
			(req) => isCreate(req) && req.body?.email === 'refused@example.com',
		);
		const { items, error } = await run(
			{ ...seedParameters, email: '={{ $json.email }}' },
			{
				input: [
					{ json: { email: 'refused@example.com' } },
					{ json: { email: 'fine@example.com' } },
				],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0]).toEqual({
			json: {
				error: 'Umbrella: Invalid request payload',
				httpCode: '400',
				description:
					'Umbrella rejected the request body. Check the email, the phone number (E.164, e.g. +436501234567), that both URLs are complete and that the document URL is a public HTTPS link to a PDF.',
			},
			pairedItem: { item: 0 },
		});
		expect(items[1].json.requestId).toBeDefined();
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});
