import type { Fault } from '../simulators/base';
import { ceremonyParams, useSignatureApi } from './setup';

/** A 2xx from SignatureAPI (or something in front of it) whose body is not what success looks like. */
const answer = (status: number, body: unknown): Fault => ({
	kind: 'status',
	status,
	body,
	headers: { 'content-type': 'application/json' },
});

const INCOMPLETE = 'SignatureAPI [incomplete_answer]: answered without what this operation needs';

const createEnvelope = {
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
};

describe('SignatureAPI: a success answer without what the operation needs is an error naming it', () => {
	const { sim, run } = useSignatureApi();

	type Case = [string, string, (ids: Ids) => Record<string, unknown>, number, unknown, string];
	interface Ids {
		envelopeId: string;
		recipientId: string;
		deliverableId: string;
	}

	const custom = { authentication: { method: [{ type: 'custom', provider: 'acme' }] } };
	const cases: Case[] = [
		[
			'Ceremony → Create (Custom first)',
			'ceremony',
			(ids) => ceremonyParams({ recipientId: ids.recipientId, ...custom }),
			201,
			{},
			'url is missing',
		],
		[
			'Ceremony → Create (Custom first)',
			'ceremony',
			(ids) => ceremonyParams({ recipientId: ids.recipientId, ...custom }),
			201,
			{ url: null },
			'url: Expected the ceremony link: with custom as the first method, SignatureAPI returns one',
		],
		[
			'Ceremony → Create (Custom first)',
			'ceremony',
			(ids) => ceremonyParams({ recipientId: ids.recipientId, ...custom }),
			201,
			{ url: 42 },
			'url: Expected the ceremony link: with custom as the first method, SignatureAPI returns one',
		],
		[
			'Ceremony → Create (Email Link first)',
			'ceremony',
			(ids) => ceremonyParams({ recipientId: ids.recipientId }),
			201,
			{},
			'url is missing',
		],
		[
			'Ceremony → Create (Email Link first)',
			'ceremony',
			(ids) => ceremonyParams({ recipientId: ids.recipientId }),
			201,
			{ url: 'sign here' },
			'url: Invalid url',
		],
		[
			'Envelope → Create',
			'envelope',
			() => createEnvelope,
			201,
			{},
			'id is missing; status is missing; recipients is missing',
		],
		[
			'Envelope → Create',
			'envelope',
			() => createEnvelope,
			201,
			{ id: 'env_1', status: 'processing', recipients: [] },
			'recipients: Expected the 1 recipient(s) sent, each with its ID',
		],
		[
			'Envelope → Create',
			'envelope',
			() => createEnvelope,
			201,
			{ id: 7, status: 'processing', recipients: [{}] },
			'id: Expected string, received number; recipients.0.id is missing',
		],
		[
			'Envelope → Get',
			'envelope',
			(ids) => ({ operation: 'get', envelopeId: ids.envelopeId }),
			200,
			{},
			'id is missing; status is missing; recipients is missing',
		],
		[
			'Envelope → Get',
			'envelope',
			(ids) => ({ operation: 'get', envelopeId: ids.envelopeId }),
			200,
			{ id: 'env_1', status: '', recipients: 'none' },
			'status: Expected a non-empty string; recipients: Expected array, received string',
		],
		[
			'Envelope → Get Many',
			'envelope',
			() => ({ operation: 'getMany', returnAll: true, filters: {} }),
			200,
			{},
			'data is missing; links is missing',
		],
		[
			'Envelope → Get Many',
			'envelope',
			() => ({ operation: 'getMany', returnAll: true, filters: {} }),
			200,
			{ data: [], links: {} },
			'links.next is missing',
		],
		[
			'Envelope → Get Many',
			'envelope',
			() => ({ operation: 'getMany', returnAll: true, filters: {} }),
			200,
			{ data: [{ title: 'x' }], links: { next: null } },
			'data.0.id is missing',
		],
		[
			'Envelope → Cancel',
			'envelope',
			(ids) => ({ operation: 'cancel', envelopeId: ids.envelopeId, reason: '' }),
			200,
			{},
			'id is missing; status is missing',
		],
		[
			'Envelope → Cancel',
			'envelope',
			(ids) => ({ operation: 'cancel', envelopeId: ids.envelopeId, reason: '' }),
			200,
			{ id: 'env_1', status: 'in_progress' },
			'status: Expected "canceled", got "in_progress"',
		],
		[
			'Recipient → Get',
			'recipient',
			(ids) => ({ operation: 'get', recipientId: ids.recipientId }),
			200,
			{},
			'id is missing; status is missing',
		],
		[
			'Recipient → Replace',
			'recipient',
			(ids) => ({
				operation: 'replace',
				recipientId: ids.recipientId,
				name: 'Bea',
				email: 'bea@example.com',
			}),
			201,
			{},
			'id is missing; status is missing',
		],
		[
			'Recipient → Resend',
			'recipient',
			(ids) => ({ operation: 'resend', recipientId: ids.recipientId }),
			200,
			{},
			'can_resend_at is missing',
		],
		[
			'Recipient → Resend',
			'recipient',
			(ids) => ({ operation: 'resend', recipientId: ids.recipientId }),
			200,
			[],
			'the answer: Expected object, received array',
		],
		[
			'Deliverable → Get',
			'deliverable',
			(ids) => ({ operation: 'get', deliverableId: ids.deliverableId }),
			200,
			{},
			'id is missing; status is missing',
		],
		[
			'Deliverable → Get',
			'deliverable',
			(ids) => ({ operation: 'get', deliverableId: ids.deliverableId }),
			200,
			{ id: 'del_1', status: 'generated', url: null },
			'url: Expected the file URL, because the status is generated',
		],
		[
			'Deliverable → Download',
			'deliverable',
			(ids) => ({
				operation: 'download',
				deliverableId: ids.deliverableId,
				binaryPropertyName: 'data',
			}),
			200,
			{ id: 'del_1', status: 'generated' },
			'url: Expected the file URL, because the status is generated',
		],
		[
			'Deliverable → Download',
			'deliverable',
			(ids) => ({
				operation: 'download',
				deliverableId: ids.deliverableId,
				binaryPropertyName: 'data',
			}),
			200,
			{ id: 'del_1', url: 'https://vault.example.com/f.pdf' },
			'status is missing',
		],
	];

	it.each(cases)(
		'%s (case %#): fails the item naming what the answer lacks, and sends nothing more',
		async (_name, resource, params, status, body, problems) => {
			const { envelope, recipient } = sim.seedEnvelope();
			const deliverable = sim.complete(sim.seedEnvelope().envelope.id);
			sim.inject(answer(status, body));
			const { items, error } = await run(
				resource,
				params({
					envelopeId: envelope.id,
					recipientId: recipient.id,
					deliverableId: deliverable.id,
				}),
			);
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(`${INCOMPLETE} (${problems})`);
			expect((error as any).description).toContain('lacks the fields above');
			expect((error as any).context.itemIndex).toBe(0);
			// One request, the one answered oddly: no follow-up (no file fetched, no next page).
			expect(sim.requests).toHaveLength(1);
		},
	);

	it('with Continue On Fail, the odd answer becomes an error item paired with its input, and the next item still runs', async () => {
		const { recipient } = sim.seedEnvelope();
		sim.inject(answer(201, { authentication: [] }));
		const { items, error } = await run(
			'ceremony',
			ceremonyParams({ recipientId: recipient.id, ...custom }),
			{
				input: [{ json: {} }, { json: {} }],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({
			error: `${INCOMPLETE} (url is missing)`,
			code: 'incomplete_answer',
			description: expect.stringContaining('lacks the fields above'),
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.url).toMatch(/^https:\/\/sign\.signatureapi\.com\//);
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});

	it('Deliverable → Download fails when the storage host answers 200 with something other than a PDF', async () => {
		const deliverable = sim.complete(sim.seedEnvelope().envelope.id);
		sim.inject(
			{
				kind: 'status',
				status: 200,
				headers: { 'content-type': 'text/html' },
				body: '<html>Service unavailable</html>',
			},
			1,
			(r) => r.path.startsWith('/vault/'),
		);
		const { items, error } = await run('deliverable', {
			operation: 'download',
			deliverableId: deliverable.id,
			binaryPropertyName: 'data',
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toMatch(
			new RegExp(
				`^SignatureAPI \\[incomplete_answer\\]: the file of deliverable ${deliverable.id} is not a PDF \\(\\d+ bytes starting with "`,
			),
		);
		expect(sim.requests.map((r) => r.path.split('/')[1])).toEqual(['deliverables', 'vault']);
	});

	it('Ceremony → Create with Email Link first accepts url null, and the answer’s other fields pass through', async () => {
		const { recipient } = sim.seedEnvelope();
		sim.inject(answer(201, { url: null, redirect_delay: 3, extra_field: 'kept' }));
		const { items, error } = await run('ceremony', ceremonyParams({ recipientId: recipient.id }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			recipient_id: recipient.id,
			url: null,
			redirect_delay: 3,
			extra_field: 'kept',
		});
	});
});
