import type { Fault } from '../simulators/base';
import { useLumin } from './setup';

const inOneWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();

const sendParameters = {
	operation: 'send',
	title: '={{ $json.title }}',
	documentSource: 'url',
	fileUrls: 'https://files.example.com/contract.pdf',
	signers: { signer: [{ name: 'Ana Signer', email: 'ana@example.com', group: 0 }] },
	expiresAt: inOneWeek(),
	requestSettings: { timeoutSeconds: 1 },
};

const SEND_ADVICE =
	'The request may have gone through. It was not sent again, so that nothing happens twice. Look for it in Lumin (or in a Lumin Trigger run on Signature Request Created) before sending again, or the signers get it twice.';

/** Each way the answer of a write that Lumin acted on can be lost, and what the item then says. */
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

describe('Lumin → a write is sent once', () => {
	const { sim, run } = useLumin();

	const sends = () => sim.received('POST', '/signature_request/send');

	it.each(lostAnswers)(
		'Send whose answer is lost by %s: sent once, created once, and the item says the outcome is unknown',
		async (_how, then, lost, httpCode) => {
			const before = sim.requests_.size;
			sim.inject({ kind: 'applied', then }, 1, (req) => req.path === '/signature_request/send');
			const { items, error } = await run(sendParameters, {
				input: [{ json: { title: 'Lost answer' } }],
			});

			expect(items).toHaveLength(0);
			expect(sends()).toHaveLength(1);
			expect(sim.applied).toHaveLength(1);
			expect(sim.requests_.size).toBe(before + 1);
			expect(error?.message).toBe(
				`Lumin [outcome_unknown]: ${lost}, so it is not known whether the signature request was sent`,
			);
			expect((error as any).httpCode ?? undefined).toBe(httpCode);
			expect((error as any).description).toBe(SEND_ADVICE);
			expect((error as any).context.itemIndex).toBe(0);
		},
	);

	it.each(lostAnswers)(
		'Send with Continue On Fail, answer lost by %s: an outcome_unknown item paired with its input, and the next item goes on',
		async (_how, then, lost, httpCode) => {
			sim.inject({ kind: 'applied', then }, 1, (req) => req.body?.title === 'First');
			const { items, error } = await run(sendParameters, {
				input: [{ json: { title: 'First' } }, { json: { title: 'Second' } }],
				continueOnFail: true,
			});

			expect(error).toBeUndefined();
			expect(items).toHaveLength(2);
			expect(items[0].json).toEqual({
				error: `Lumin [outcome_unknown]: ${lost}, so it is not known whether the signature request was sent`,
				code: 'outcome_unknown',
				...(httpCode ? { httpCode } : {}),
				description: SEND_ADVICE,
			});
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(items[1].json.signature_request_id).toMatch(/^sr_/);
			expect(items[1].pairedItem).toEqual({ item: 1 });
			// One request per item: the first was not sent again.
			expect(sends().map((r) => r.body.title)).toEqual(['First', 'Second']);
			expect(sim.applied.map((a) => a.request.body.title)).toEqual(['First', 'Second']);
		},
	);

	it('Send after a 429 is sent again, because Lumin did not act on it', async () => {
		sim.inject({
			kind: 'status',
			status: 429,
			headers: { 'retry-after': '1' },
			body: { error_code: 'rate_limited', error_message: 'Too many requests' },
		});
		const { items, error } = await run(sendParameters, {
			input: [{ json: { title: 'Rate limited' } }],
		});

		expect(error).toBeUndefined();
		expect(sends()).toHaveLength(2);
		expect(sim.applied).toHaveLength(1);
		expect(items).toHaveLength(1);
		expect(items[0].json.signature_request_id).toBe(
			(sim.applied[0].answer.body as any).signature_request.signature_request_id,
		);
	});

	it('Cancel whose answer is lost after Lumin cancelled is settled by one read: a success item', async () => {
		const r = sim.seed();
		sim.inject({ kind: 'applied', then: 504 }, 1, (req) => req.method === 'PUT');
		const { items, error } = await run({
			operation: 'cancel',
			signatureRequestId: r.signature_request_id,
		});

		expect(error).toBeUndefined();
		expect(sim.received('PUT', '/signature_request/cancel/:id')).toHaveLength(1);
		expect(sim.received('GET', '/signature_request/:id')).toHaveLength(1);
		expect(sim.requests).toHaveLength(2);
		expect(sim.applied.map((a) => a.request.method)).toEqual(['PUT', 'GET']);
		expect(sim.requests_.get(r.signature_request_id)!.status).toBe('CANCELLED');
		expect(items).toEqual([
			{
				json: { signature_request_id: r.signature_request_id, status: 'CANCELLED' },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Cancel whose request never reached Lumin (a 504 before it) is not settled as cancelled: the outcome stays unknown', async () => {
		const r = sim.seed();
		sim.inject({ kind: 'status', status: 504 }, 1, (req) => req.method === 'PUT');
		const { items, error } = await run({
			operation: 'cancel',
			signatureRequestId: r.signature_request_id,
		});

		expect(items).toHaveLength(0);
		expect(sim.received('PUT')).toHaveLength(1);
		expect(sim.received('GET')).toHaveLength(1);
		expect(sim.requests_.get(r.signature_request_id)!.status).toBe('NEED_TO_SIGN');
		expect(error?.message).toBe(
			'Lumin [outcome_unknown]: the answer was lost (HTTP 504 from the gateway in front of the API), so it is not known whether the signature request was cancelled',
		);
		expect((error as any).description).toContain('Check its status with Signature Request → Get.');
	});
});

describe('Lumin → Continue On Fail item of a vendor error', () => {
	const { sim, run } = useLumin();

	it('is exactly {error, code, httpCode, description} for Lumin’s 404, paired with its input, and the next item goes on', async () => {
		const good = sim.seed();
		const { items, error } = await run(
			{ operation: 'get', signatureRequestId: '={{ $json.id }}' },
			{
				input: [{ json: { id: 'sr_unknown' } }, { json: { id: good.signature_request_id } }],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0]).toEqual({
			json: {
				error: 'Lumin [signature_request_not_found]: Signature request sr_unknown not found',
				code: 'signature_request_not_found',
				httpCode: '404',
				description:
					'Check the signature request ID: it must belong to the account of this API key.',
			},
			pairedItem: { item: 0 },
		});
		expect(items[1].json.signature_request_id).toBe(good.signature_request_id);
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});
