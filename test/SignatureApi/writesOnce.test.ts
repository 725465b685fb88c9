import type { Fault } from '../simulators/base';
import { ceremonyParams, useSignatureApi } from './setup';

type Lost = Extract<Fault, { kind: 'applied' }>['then'];

/** Each way an answer can be lost after SignatureAPI acted, with the HTTP status the item reports. */
const LOST: Array<[string, Lost, string | undefined]> = [
	['a 502 from the gateway', 502, '502'],
	['a 504 from the gateway', 504, '504'],
	['a dropped connection', 'drop', undefined],
	['an answer later than the timeout', { delayMs: 2500 }, undefined],
];

const envelopeParams = {
	operation: 'create',
	title: 'Service Agreement',
	documents: {
		document: [{ url: 'https://example.com/agreement.pdf', format: 'pdf', places: '[]' }],
	},
	recipients: {
		recipient: [
			{
				type: 'signer',
				key: 'client',
				name: 'Ana Client',
				email: 'ana@example.com',
				authType: 'email_link',
				redirectDelay: 3,
				urlVariant: 'standard',
				embeddableIn: '',
				ceremonyCreation: 'automatic',
				deliveryType: 'email',
			},
		],
	},
	routing: 'sequential',
	options: {},
	// One second, so that the late answer counts as lost quickly.
	requestSettings: { timeoutSeconds: 1 },
};

function expectUnknownItem(
	json: Record<string, unknown>,
	httpCode: string | undefined,
	happened: string,
) {
	expect(Object.keys(json).sort()).toEqual(
		httpCode ? ['code', 'description', 'error', 'httpCode'] : ['code', 'description', 'error'],
	);
	expect(json.code).toBe('outcome_unknown');
	expect(json.error).toMatch(
		new RegExp(`^SignatureAPI \\[outcome_unknown\\]: .*, so it is not known whether ${happened}$`),
	);
	expect(json.httpCode).toBe(httpCode);
	expect(json.description).toContain('It was not sent again, so that nothing happens twice.');
}

describe('SignatureAPI: a write is sent once', () => {
	const { sim, run } = useSignatureApi();

	describe.each(LOST)(
		'Envelope → Create when SignatureAPI created the envelope and the answer was lost (%s)',
		(_case, then, httpCode) => {
			it('creates exactly one envelope and fails the item as outcome_unknown, without resending', async () => {
				const before = sim.envelopes.size;
				sim.inject({ kind: 'applied', then }, 1, (r) => r.method === 'POST');
				const { items, error } = await run('envelope', envelopeParams, { continueOnFail: true });

				expect(error).toBeUndefined();
				expect(sim.received('POST', '/envelopes')).toHaveLength(1);
				expect(sim.applied.filter((a) => a.answer.status === 201)).toHaveLength(1);
				expect(sim.envelopes.size).toBe(before + 1);
				expect(items).toHaveLength(1);
				expectUnknownItem(items[0].json, httpCode, 'the envelope was created and sent');
				expect(items[0].json.description).toContain('Look for it with Envelope → Get Many');
				expect(items[0].pairedItem).toEqual({ item: 0 });
			});
		},
	);

	describe.each(LOST)(
		'Ceremony → Create when SignatureAPI created the ceremony and the answer was lost (%s)',
		(_case, then, httpCode) => {
			it('creates exactly one ceremony and fails the item as outcome_unknown, without resending', async () => {
				const { recipient } = sim.seedEnvelope();
				sim.inject({ kind: 'applied', then }, 1, (r) => r.method === 'POST');
				const { items, error } = await run(
					'ceremony',
					ceremonyParams({
						recipientId: recipient.id,
						authentication: { method: [{ type: 'custom', provider: 'acme' }] },
						requestSettings: { timeoutSeconds: 1 },
					}),
					{ continueOnFail: true },
				);

				expect(error).toBeUndefined();
				expect(sim.received('POST', '/recipients/:id/ceremonies')).toHaveLength(1);
				expect(recipient.ceremonies).toHaveLength(1);
				expectUnknownItem(
					items[0].json,
					httpCode,
					'the ceremony was created \\(which revokes the recipient’s earlier links\\)',
				);
				expect(items[0].pairedItem).toEqual({ item: 0 });
			});
		},
	);

	it('without Continue On Fail, a lost answer stops the node with the outcome_unknown error of that item', async () => {
		const { recipient } = sim.seedEnvelope();
		sim.inject({ kind: 'applied', then: 502 });
		const { items, error } = await run('ceremony', ceremonyParams({ recipientId: recipient.id }));
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(
			'SignatureAPI [outcome_unknown]: the answer was lost (HTTP 502 from the gateway in front of the API), so it is not known whether the ceremony was created (which revokes the recipient’s earlier links)',
		);
		expect((error as any).httpCode).toBe('502');
		expect((error as any).description).toContain('Check the recipient with Recipient → Get');
		expect(sim.received('POST')).toHaveLength(1);
		expect(recipient.ceremonies).toHaveLength(1);
	});

	it.each([
		['Envelope → Create', 'envelope', () => envelopeParams, '/envelopes'],
		[
			'Ceremony → Create',
			'ceremony',
			(recipientId: string) => ceremonyParams({ recipientId }),
			'/recipients/:id/ceremonies',
		],
	] as const)(
		'%s is sent again after a 429, once the Retry-After has passed, and succeeds',
		async (_name, resource, params, path) => {
			const { recipient } = sim.seedEnvelope();
			sim.inject({
				kind: 'status',
				status: 429,
				headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
				body: {
					type: 'https://signatureapi.com/docs/v1/errors/too-many-requests',
					title: 'Too Many Requests',
					status: 429,
				},
			});
			const { items, error } = await run(resource, params(recipient.id));
			expect(error).toBeUndefined();
			const posts = sim.received('POST', path);
			expect(posts).toHaveLength(2);
			expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(950);
			expect(sim.applied.filter((a) => a.answer.status === 201)).toHaveLength(1);
			expect(items).toHaveLength(1);
			expect(items[0].json.error).toBeUndefined();
		},
	);

	describe('Envelope → Cancel', () => {
		it.each([
			['a 504', 504],
			['a dropped connection', 'drop'],
		] as const)(
			'when SignatureAPI canceled and the answer was lost (%s), one read settles it: success',
			async (_case, then) => {
				const { envelope } = sim.seedEnvelope();
				sim.inject({ kind: 'applied', then }, 1, (r) => r.method === 'POST');
				const { items, error } = await run('envelope', {
					operation: 'cancel',
					envelopeId: envelope.id,
					reason: 'Customer withdrew',
				});

				expect(error).toBeUndefined();
				expect(sim.received('POST', '/envelopes/:id/cancel')).toHaveLength(1);
				expect(sim.received('GET', '/envelopes/:id')).toHaveLength(1);
				expect(sim.requests).toHaveLength(2);
				expect(envelope.status).toBe('canceled');
				expect(items).toHaveLength(1);
				expect(items[0].json).toMatchObject({
					id: envelope.id,
					status: 'canceled',
					canceled_reason: 'Customer withdrew',
				});
				expect(items[0].pairedItem).toEqual({ item: 0 });
			},
		);

		it('when a 502 came back and nothing was canceled, an envelope still in progress cannot tell: outcome_unknown', async () => {
			const { envelope } = sim.seedEnvelope();
			sim.inject({ kind: 'status', status: 502, body: {} }, 1, (r) => r.method === 'POST');
			const { items, error } = await run(
				'envelope',
				{ operation: 'cancel', envelopeId: envelope.id, reason: '' },
				{ continueOnFail: true },
			);

			expect(error).toBeUndefined();
			expect(sim.received('POST')).toHaveLength(1);
			expect(sim.received('GET', '/envelopes/:id')).toHaveLength(1);
			expect(sim.applied.map((a) => a.request.method)).toEqual(['GET']);
			expect(envelope.status).toBe('in_progress');
			expectUnknownItem(items[0].json, '502', 'the envelope was canceled');
			expect(items[0].json.description).toContain('Check its status with Envelope → Get.');
		});

		it('when a 502 came back and the read shows the envelope completed, the cancel certainly did not happen', async () => {
			const { envelope } = sim.seedEnvelope({ status: 'completed' });
			sim.inject({ kind: 'status', status: 502, body: {} }, 1, (r) => r.method === 'POST');
			const { error } = await run('envelope', {
				operation: 'cancel',
				envelopeId: envelope.id,
				reason: '',
			});
			expect(error?.message).toBe(
				'SignatureAPI [not_applied]: the answer was lost (HTTP 502 from the gateway in front of the API), and a check right after shows that the envelope was not canceled',
			);
			expect(sim.received('POST')).toHaveLength(1);
			expect(sim.received('GET')).toHaveLength(1);
		});

		it('when the read itself answers without a status, the outcome stays unknown and says the check failed', async () => {
			const { envelope } = sim.seedEnvelope();
			sim.inject({ kind: 'applied', then: 504 }, 1, (r) => r.method === 'POST');
			sim.inject(
				{ kind: 'status', status: 200, body: { id: envelope.id } },
				1,
				(r) => r.method === 'GET',
			);
			const { error } = await run('envelope', {
				operation: 'cancel',
				envelopeId: envelope.id,
				reason: '',
			});
			expect(error?.message).toContain('[outcome_unknown]');
			expect((error as any).description).toContain('The check made right away failed as well');
			expect((error as any).description).toContain('status is missing');
			expect(sim.received('POST')).toHaveLength(1);
		});
	});
});
