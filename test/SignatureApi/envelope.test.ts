import { pathBelowBase } from '../../nodes/SignatureApi/transport/envelopes';
import { useSignatureApi } from './setup';

const recipient = (overrides: Record<string, unknown> = {}) => ({
	type: 'signer',
	key: 'client',
	name: 'Ana Client',
	email: 'ana@example.com',
	authType: 'email_link',
	redirectUrl: '',
	redirectDelay: 3,
	urlVariant: 'standard',
	embeddableIn: '',
	ceremonyCreation: 'automatic',
	deliveryType: 'email',
	...overrides,
});

const createParams = (overrides: Record<string, unknown> = {}) => ({
	operation: 'create',
	title: 'Service Agreement',
	documents: {
		document: [
			{
				url: 'https://example.com/agreement.pdf',
				format: 'pdf',
				title: '',
				key: 'main',
				places:
					'[{"key": "sig1", "type": "signature", "recipient_key": "client", "page": 1, "top": 600, "left": 72}]',
			},
		],
	},
	recipients: { recipient: [recipient()] },
	routing: 'sequential',
	options: {},
	...overrides,
});

describe('SignatureAPI → Envelope', () => {
	const { sim, run } = useSignatureApi();

	it('Create posts documents, recipients with their ceremony settings, routing, metadata, topics and language', async () => {
		const { items, error } = await run(
			'envelope',
			createParams({
				recipients: {
					recipient: [
						recipient({
							authType: 'custom',
							provider: 'acme-login',
							data: '{"uid":"7"}',
							deliveryType: 'none',
							embeddableIn: 'https://app.example.com',
							redirectUrl: 'https://app.example.com/done',
							redirectDelay: 5,
							urlVariant: 'short',
						}),
						recipient({
							type: 'approver',
							key: 'manager',
							name: 'Max Manager',
							email: 'max@example.com',
							ceremonyCreation: 'manual',
						}),
					],
				},
				routing: 'parallel',
				options: {
					label: 'deal-1042',
					language: 'es',
					metadata: { pair: [{ key: 'order', value: '1042' }] },
					topics: 'sales, q4',
				},
			}),
		);

		expect(error).toBeUndefined();
		const [received] = sim.received('POST', '/envelopes');
		expect(received.headers['x-api-key']).toBe(sim.testKey);
		expect(received.body).toEqual({
			title: 'Service Agreement',
			label: 'deal-1042',
			documents: [
				{
					url: 'https://example.com/agreement.pdf',
					format: 'pdf',
					key: 'main',
					places: [
						{
							key: 'sig1',
							type: 'signature',
							recipient_key: 'client',
							page: 1,
							top: 600,
							left: 72,
						},
					],
				},
			],
			recipients: [
				{
					type: 'signer',
					key: 'client',
					name: 'Ana Client',
					email: 'ana@example.com',
					ceremony: {
						authentication: [{ type: 'custom', provider: 'acme-login', data: { uid: '7' } }],
						embeddable_in: ['https://app.example.com'],
						redirect_url: 'https://app.example.com/done',
						redirect_delay: 5,
						url_variant: 'short',
					},
					ceremony_creation: 'automatic',
					delivery_type: 'none',
				},
				{
					type: 'approver',
					key: 'manager',
					name: 'Max Manager',
					email: 'max@example.com',
					ceremony: {
						authentication: [{ type: 'email_link' }],
						redirect_delay: 3,
						url_variant: 'standard',
					},
					ceremony_creation: 'manual',
					delivery_type: 'email',
				},
			],
			routing: 'parallel',
			language: 'es',
			metadata: { order: '1042' },
			topics: ['sales', 'q4'],
		});
		expect(items).toHaveLength(1);
		const envelope = items[0].json as any;
		expect(envelope.id).toMatch(/^env_/);
		expect(envelope.status).toBe('processing');
		expect(envelope.mode).toBe('test');
		expect(envelope.recipients[0].id).toMatch(/^re_/);
		expect(envelope.recipients[0].ceremony.url).toMatch(/^https:\/\/sign\.signatureapi\.com\//);
		expect(envelope.recipients[1].ceremony).toBeNull();
	});

	it.each([
		['an empty title', { title: '={{ "" }}' }, 'Title: "" is not allowed. A title is required.'],
		['a title over 500 characters', { title: 'x'.repeat(501) }, 'Title: "xxx'],
		['no documents', { documents: {} }, 'Documents: [] is not allowed. Add at least one document.'],
		[
			'11 documents',
			{
				documents: {
					document: Array.from({ length: 11 }, () => ({
						url: 'https://example.com/a.pdf',
						format: 'pdf',
						places: '[]',
					})),
				},
			},
			'At most 10 documents.',
		],
		[
			'an http:// document URL',
			{
				documents: { document: [{ url: 'http://example.com/a.pdf', format: 'pdf', places: '[]' }] },
			},
			'Documents → #1 → URL: "http://example.com/a.pdf" is not allowed. Only https:// URLs are accepted.',
		],
		[
			'places that are not a JSON list',
			{
				documents: {
					document: [{ url: 'https://example.com/a.pdf', format: 'pdf', places: '{"key": 1}' }],
				},
			},
			'Documents → #1 → Places (JSON): "{\\"key\\": 1}" is not allowed. Must be a JSON list',
		],
		[
			'no recipients',
			{ recipients: {} },
			'Recipients: [] is not allowed. Add at least one recipient.',
		],
		[
			'a recipient without email',
			{ recipients: { recipient: [recipient({ email: '' })] } },
			'Recipients → #1 → Email: "" is not allowed.',
		],
		[
			'a recipient with an http:// redirect',
			{ recipients: { recipient: [recipient({ redirectUrl: 'http://app.example.com' })] } },
			'Recipients → #1 → Redirect URL: "http://app.example.com" is not allowed. Only https://',
		],
		[
			'a recipient redirect delay of 21',
			{ recipients: { recipient: [recipient({ redirectDelay: 21 })] } },
			'Recipients → #1 → Redirect Delay (Seconds): 21 is not allowed. Must be from 0 to 20',
		],
		[
			'11 metadata pairs',
			{
				options: {
					metadata: { pair: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: 'v' })) },
				},
			},
			'Metadata: ',
		],
		[
			'a metadata key over 32 characters',
			{ options: { metadata: { pair: [{ key: 'k'.repeat(33), value: 'v' }] } } },
			'Keys are at most 32 characters.',
		],
		[
			'a metadata value over 1000 characters',
			{ options: { metadata: { pair: [{ key: 'k', value: 'v'.repeat(1001) }] } } },
			'Values are at most 1000 characters.',
		],
		['11 topics', { options: { topics: 'a,b,c,d,e,f,g,h,i,j,k' } }, 'Topics: ["a","b"'],
		[
			'two recipients with the same key',
			{ recipients: { recipient: [recipient(), recipient({ email: 'b@example.com' })] } },
			'Recipients → #2 → Key: "client" is not allowed: it repeats Recipients → #1 → Key. Each recipient needs its own key.',
		],
		[
			'a place for an unknown recipient',
			{
				documents: {
					document: [
						{
							url: 'https://example.com/a.pdf',
							format: 'pdf',
							places: '[{"key":"s","type":"signature","recipient_key":"cleint"}]',
						},
					],
				},
			},
			'recipient_key "cleint" is not allowed. It must be the Key of a recipient: "client".',
		],
		[
			'a further step of an unknown type',
			{ recipients: { recipient: [recipient({ furtherAuthentication: '[{"type": "sms"}]' })] } },
			'Recipients → #1 → Further Authentication Steps (JSON) → #1 → Method: "sms" is not allowed. Must be email_link, email_code or custom.',
		],
		[
			'a further custom step without provider',
			{ recipients: { recipient: [recipient({ furtherAuthentication: '[{"type": "custom"}]' })] } },
			'Further Authentication Steps (JSON) → #1 → Provider',
		],
		[
			'further steps that are not a list',
			{
				recipients: { recipient: [recipient({ furtherAuthentication: '{"type": "email_code"}' })] },
			},
			'Must be a JSON list such as [{"type": "email_code"}].',
		],
	])('Create rejects %s before any request', async (_case, overrides, message) => {
		const { error, items } = await run('envelope', createParams(overrides));
		expect(items).toHaveLength(0);
		expect(error?.message).toContain(message);
		expect(sim.requests).toHaveLength(0);
	});

	it('Create sends the recipient’s first authentication step and any further ones, in order', async () => {
		const steps =
			'[{"type": "email_code"}, {"type": "custom", "provider": "intranet-sso", "data": {"employee": "E-17"}}]';
		const { error } = await run(
			'envelope',
			createParams({ recipients: { recipient: [recipient({ furtherAuthentication: steps })] } }),
		);
		expect(error).toBeUndefined();
		const [received] = sim.received('POST', '/envelopes');
		expect(received.body.recipients[0].ceremony.authentication).toEqual([
			{ type: 'email_link' },
			{ type: 'email_code' },
			{ type: 'custom', provider: 'intranet-sso', data: { employee: 'E-17' } },
		]);
	});

	it('Create fails the item with the vendor’s blocked-email problem and hint', async () => {
		const { error } = await run(
			'envelope',
			createParams({ recipients: { recipient: [recipient({ email: 'bounced@example.com' })] } }),
		);
		expect(sim.received('POST', '/envelopes')).toHaveLength(1);
		expect(error?.message).toBe(
			'SignatureAPI [blocked-email]: Blocked Email: Emails to bounced@example.com hard-bounced before and are blocked.',
		);
		expect((error as any).httpCode).toBe('422');
		expect((error as any).description).toContain('bounced before');
	});

	it('Get reads the envelope with its recipients and mode', async () => {
		const { envelope, recipient: r } = sim.seedEnvelope();
		const { items, error } = await run('envelope', { operation: 'get', envelopeId: envelope.id });
		expect(error).toBeUndefined();
		expect(sim.received('GET')[0].path).toBe(`/envelopes/${envelope.id}`);
		expect(items[0].json).toMatchObject({ id: envelope.id, status: 'in_progress', mode: 'test' });
		expect((items[0].json.recipients as any[])[0].id).toBe(r.id);
	});

	describe('Get Many', () => {
		beforeAll(() => {
			for (let n = 0; n < 45; n++) sim.seedEnvelope({ topics: n % 3 === 0 ? ['q4'] : [] });
		});

		it('with Return All walks every page through links.next, 20 at a time', async () => {
			const total = [...sim.envelopes.values()].filter((e) => e.mode === 'test').length;
			const { items, error } = await run('envelope', {
				operation: 'getMany',
				returnAll: true,
				filters: {},
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(total);
			expect(new Set(items.map((i) => i.json.id)).size).toBe(total);
			const pages = sim.received('GET', '/envelopes');
			expect(pages).toHaveLength(Math.ceil(total / 20));
			expect(pages[0].query).toEqual({ limit: '20' });
			expect(pages[1].query.cursor).toMatch(/^seq_env_/);
			expect(pages.every((p) => p.headers['x-api-key'] === sim.testKey)).toBe(true);
			expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		});

		it('turns links.next into a path below the credential base URL, also behind a proxy or as a relative link', () => {
			const next =
				'https://api.signatureapi.com/v1/envelopes?cursor=seq_abc&limit=20&status=completed';
			expect(pathBelowBase(next, 'https://api.signatureapi.com/v1')).toEqual({
				path: '/envelopes',
				qs: { cursor: 'seq_abc', limit: '20', status: 'completed' },
			});
			expect(pathBelowBase(next, 'https://proxy.example.com/signatureapi')).toEqual({
				path: '/envelopes',
				qs: { cursor: 'seq_abc', limit: '20', status: 'completed' },
			});
			expect(
				pathBelowBase('/v1/envelopes?cursor=seq_x', 'https://api.signatureapi.com/v1'),
			).toEqual({ path: '/envelopes', qs: { cursor: 'seq_x' } });
		});

		it('with a Limit asks for no more than needed and stops', async () => {
			const { items } = await run('envelope', {
				operation: 'getMany',
				returnAll: false,
				limit: 25,
				filters: {},
			});
			expect(items).toHaveLength(25);
			const pages = sim.received('GET', '/envelopes');
			expect(pages.map((p) => p.query.limit)).toEqual(['20', '20']);
		});

		it('passes the status and topic filters and keeps them on the next pages', async () => {
			const { items } = await run('envelope', {
				operation: 'getMany',
				returnAll: true,
				filters: { status: 'in_progress', topic: 'q4' },
			});
			const expected = [...sim.envelopes.values()].filter(
				(e) => e.mode === 'test' && e.status === 'in_progress' && e.topics.includes('q4'),
			);
			expect(expected.length).toBeGreaterThan(10);
			expect(items.map((i) => i.json.id).sort()).toEqual(expected.map((e) => e.id).sort());
			expect(items.every((i) => (i.json.topics as string[]).includes('q4'))).toBe(true);
			expect(sim.received('GET', '/envelopes')[0].query).toEqual({
				limit: '20',
				status: 'in_progress',
				topic: 'q4',
			});
		});
	});

	it('Cancel sends the reason and outputs the canceled envelope', async () => {
		const { envelope } = sim.seedEnvelope();
		const { items, error } = await run('envelope', {
			operation: 'cancel',
			envelopeId: envelope.id,
			reason: 'Customer withdrew',
		});
		expect(error).toBeUndefined();
		const [received] = sim.received('POST', '/envelopes/:id/cancel');
		expect(received.path).toBe(`/envelopes/${envelope.id}/cancel`);
		expect(received.body).toEqual({ reason: 'Customer withdrew' });
		expect(items[0].json.status).toBe('canceled');
	});

	it('Cancel of a finished envelope fails with the 409 conflict explained', async () => {
		const { envelope } = sim.seedEnvelope({ status: 'completed' });
		const { error } = await run('envelope', {
			operation: 'cancel',
			envelopeId: envelope.id,
			reason: '',
		});
		expect(sim.received('POST')[0].body ?? {}).toEqual({});
		expect((error as any).httpCode).toBe('409');
		expect(error?.message).toContain(
			`SignatureAPI [envelope-not-in-progress]: Conflict: Envelope ${envelope.id} is completed`,
		);
		expect((error as any).description).toContain('already completed, failed or canceled');
	});
});

describe('SignatureAPI → the audit trail: part of the standard deliverable', () => {
	const { sim, run } = useSignatureApi();

	async function completedEnvelope(options: Record<string, unknown>) {
		const { items, error } = await run('envelope', createParams({ options }));
		expect(error).toBeUndefined();
		return { id: items[0].json.id as string, body: sim.received('POST', '/envelopes')[0].body };
	}

	it.each([
		[{}, undefined, true],
		[{ deliverableType: 'standard' }, { type: 'standard' }, true],
		[{ deliverableType: 'simple' }, { type: 'simple' }, false],
	])(
		'Envelope → Create with %p sends deliverable %p; its download says includes_audit_trail: %p',
		async (options, sent, withAuditTrail) => {
			const envelope = await completedEnvelope(options);
			expect(envelope.body.deliverable).toEqual(sent);
			const deliverable = sim.complete(envelope.id);
			const { items, error } = await run('deliverable', {
				operation: 'download',
				deliverableId: deliverable.id,
				binaryPropertyName: 'data',
			});
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({
				type: sent?.type ?? 'standard',
				includes_audit_trail: withAuditTrail,
			});
		},
	);

	it('refuses a deliverable type SignatureAPI does not offer, before any request', async () => {
		const { error } = await run(
			'envelope',
			createParams({ options: { deliverableType: '={{ "audit" }}' } }),
		);
		expect(error?.message).toBe('Deliverable: "audit" is not allowed. Must be standard or simple.');
		expect(sim.requests).toHaveLength(0);
	});
});
