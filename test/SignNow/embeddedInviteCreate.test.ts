import { useSignNow } from './setup';

const invite = (email: string, roleId: string, order = 1, authMethod = 'none') => ({
	email,
	roleId,
	order,
	authMethod,
});

describe('signNow → Embedded Invite → Create', () => {
	const { sim, run, apiRequests } = useSignNow();

	const create = (documentId: string, invites: unknown[], extra: Record<string, unknown> = {}) =>
		run({
			resource: 'embeddedInvite',
			operation: 'create',
			documentId,
			invites: { invite: invites },
			...extra,
		});

	it('reads the document, then posts one invite per role with a Bearer token, and outputs one item per invite', async () => {
		const doc = sim.seed();
		const [r1, r2] = doc.roles;
		const { items, error } = await create(
			doc.id,
			[
				invite('ana@example.com', r1.unique_id, 1, 'email'),
				invite('ben@example.com', r2.unique_id, 2),
			],
			{
				options: { redirectUri: 'https://example.com/done' },
			},
		);

		expect(error).toBeUndefined();
		const [read] = sim.received('GET', '/document/:id');
		expect(read.path).toBe(`/document/${doc.id}`);
		const [post] = sim.received('POST', '/v2/documents/:id/embedded-invites');
		expect(post.path).toBe(`/v2/documents/${doc.id}/embedded-invites`);
		expect(post.headers.authorization).toMatch(/^Bearer [0-9a-f]{64}$/);
		expect(post.headers['content-type']).toContain('application/json');
		expect(post.body).toEqual({
			invites: [
				{
					email: 'ana@example.com',
					role_id: r1.unique_id,
					order: 1,
					auth_method: 'email',
					redirect_uri: 'https://example.com/done',
				},
				{
					email: 'ben@example.com',
					role_id: r2.unique_id,
					order: 2,
					auth_method: 'none',
					redirect_uri: 'https://example.com/done',
				},
			],
		});

		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({
			document_id: doc.id,
			id: doc.field_invites[0].id,
			email: 'ana@example.com',
			role: 'Signer 1',
			role_id: r1.unique_id,
			order: 1,
			status: 'pending',
		});
		expect(items[1].json).toMatchObject({
			email: 'ben@example.com',
			role: 'Signer 2',
			order: 2,
			status: 'created',
		});
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('accepts a role typed by name (from an expression) and sends its ID', async () => {
		const doc = sim.seed({ roleNames: ['Tenant'] });
		const { items, error } = await create(doc.id, [invite('tia@example.com', '={{ "tenant" }}')]);
		expect(error).toBeUndefined();
		expect(
			sim.received('POST', '/v2/documents/:id/embedded-invites')[0].body.invites[0].role_id,
		).toBe(doc.roles[0].unique_id);
		expect(items[0].json.role).toBe('Tenant');
	});

	describe('rules the node checks before any request', () => {
		it.each([
			[
				'an email over 150 characters',
				[invite(`${'a'.repeat(140)}@example.com`, 'r1')],
				'Invites → #1 → Email: "aaaa',
				/at most 150 characters/,
			],
			[
				'a malformed email',
				[invite('not-an-email', 'r1')],
				'Invites → #1 → Email: "not-an-email" is not allowed',
				/email address/,
			],
			[
				'order 0',
				[invite('a@example.com', 'r1', 0)],
				'Invites → #1 → Order: 0 is not allowed',
				/1 or more/,
			],
			[
				'a fractional order',
				[invite('a@example.com', 'r1', 1.5)],
				'Invites → #1 → Order: 1.5 is not allowed',
				/whole number/,
			],
			[
				'an unknown auth method',
				[invite('a@example.com', 'r1', 1, 'sms')],
				'Invites → #1 → Auth Method: "sms" is not allowed',
				/password, mfa|none, email, password/,
			],
			[
				'an empty role from an expression',
				[invite('a@example.com', '={{ "" }}')],
				'Invites → #1 → Role Name or ID: "" is not allowed',
				/Pick a role/,
			],
			['no invites at all', [], 'Invites: [] is not allowed', /at least one invite/],
		])('rejects %s, naming the field and the value', async (_what, invites, start, allowed) => {
			const { error, items } = await create('doc123', invites);
			expect(items).toHaveLength(0);
			expect(error?.message).toContain(start);
			expect(error?.message).toMatch(allowed);
			expect(sim.requests).toHaveLength(0);
		});

		it('rejects the same email twice (case-insensitive), naming both invites', async () => {
			const { error } = await create('doc123', [
				invite('Ana@Example.com', 'r1'),
				invite('ana@example.com', 'r2'),
			]);
			expect(error?.message).toBe(
				'Invites → #2 → Email: "ana@example.com" is not allowed: it repeats Invites → #1 → Email. Each signer needs an email address of their own; upper and lower case count as the same.',
			);
			expect(sim.requests).toHaveLength(0);
		});

		it('rejects a document ID that would reach another endpoint', async () => {
			const { error } = await create('../user', [invite('a@example.com', 'r1')]);
			expect(error?.message).toContain('Document ID: "../user" is not allowed');
			expect(sim.requests).toHaveLength(0);
		});
	});

	describe('rules the node checks against the document, before creating anything', () => {
		it('names the roles no invite covers', async () => {
			const doc = sim.seed({ roleNames: ['Buyer', 'Seller', 'Witness'] });
			const { error } = await create(doc.id, [invite('b@example.com', doc.roles[0].unique_id)]);
			expect(error?.message).toBe(
				'Invites: every role of the document needs an invite. Missing: "Seller", "Witness".',
			);
			expect(sim.received('POST', '/v2/documents/:id/embedded-invites')).toHaveLength(0);
		});

		it('names an unknown role and lists the document’s roles', async () => {
			const doc = sim.seed({ roleNames: ['Buyer'] });
			const { error } = await create(doc.id, [
				invite('b@example.com', 'ffffffffffffffffffffffffffffffffffffffff'),
			]);
			expect(error?.message).toContain(
				'Invites → #1 → Role Name or ID: "ffffffffffffffffffffffffffffffffffffffff" is not allowed',
			);
			expect(error?.message).toContain(`"Buyer" (${doc.roles[0].unique_id})`);
			expect(sim.received('POST', '/v2/documents/:id/embedded-invites')).toHaveLength(0);
		});

		it('refuses the owner’s email as a signer', async () => {
			const doc = sim.seed({ roleNames: ['Buyer'] });
			const { error } = await create(doc.id, [
				invite(sim.username.toUpperCase(), doc.roles[0].unique_id),
			]);
			expect(error?.message).toContain(
				`Invites → #1 → Email: "${sim.username.toUpperCase()}" is not allowed. It is the document owner’s email`,
			);
			expect(sim.received('POST', '/v2/documents/:id/embedded-invites')).toHaveLength(0);
		});

		it('refuses two invites for the same role, one naming it by ID and one by name', async () => {
			const doc = sim.seed({ roleNames: ['Buyer'] });
			const id = doc.roles[0].unique_id;
			const { error } = await create(doc.id, [
				invite('a@example.com', id),
				invite('b@example.com', 'Buyer'),
			]);
			expect(error?.message).toContain('Role "Buyer" already has invite #1');
			expect(sim.received('POST', '/v2/documents/:id/embedded-invites')).toHaveLength(0);
		});

		it('refuses the same role ID typed twice before any request', async () => {
			const doc = sim.seed({ roleNames: ['Buyer'] });
			const id = doc.roles[0].unique_id;
			const { error } = await create(doc.id, [
				invite('a@example.com', id),
				invite('b@example.com', id),
			]);
			expect(error?.message).toBe(
				`Invites → #2 → Role Name or ID: "${id}" is not allowed: it repeats Invites → #1 → Role Name or ID. Each role of the document gets exactly one invite.`,
			);
			expect(sim.requests).toHaveLength(0);
		});

		it('stops on a document without fields (no roles)', async () => {
			const doc = sim.seed({ roleNames: [] });
			const { error } = await create(doc.id, [invite('a@example.com', 'Signer 1')]);
			expect(error?.message).toBe(
				`Document ${doc.id} has no fields, so it has no roles to invite signers to`,
			);
			expect(sim.received('POST', '/v2/documents/:id/embedded-invites')).toHaveLength(0);
		});
	});

	describe('rules only signNow can check: its code and message come back', () => {
		it('active invites on the document', async () => {
			const doc = sim.seed({ roleNames: ['Buyer'] });
			const once = await create(doc.id, [invite('a@example.com', doc.roles[0].unique_id)]);
			expect(once.error).toBeUndefined();
			const { error } = await create(doc.id, [invite('a@example.com', doc.roles[0].unique_id)]);
			expect(error?.message).toBe('signNow [65603]: Document has active invites');
			expect((error as any).httpCode).toBe('400');
			expect((error as any).description).toContain('Embedded Invite → Delete');
			expect(sim.received('POST', '/v2/documents/:id/embedded-invites')).toHaveLength(2);
		});

		it('a document owned by someone else', async () => {
			const doc = sim.seed({ roleNames: ['Buyer'], owner: 'someone.else@example.com' });
			const { error } = await create(doc.id, [invite('a@example.com', doc.roles[0].unique_id)]);
			expect(error?.message).toBe('signNow [65600]: Current user is not the document owner');
			expect((error as any).httpCode).toBe('403');
			expect((error as any).description).toContain('owns the document');
		});

		it('an unknown document, in the older {"error": …} shape too', async () => {
			const { error } = await create('0123456789abcdef', [invite('a@example.com', 'r1')]);
			expect(error?.message).toBe('signNow [65582]: Document not found');
			sim.inject({ kind: 'status', status: 404, body: { error: 'Document not found' } }, 1, (r) =>
				r.path.startsWith('/document/'),
			);
			const legacy = await create('0123456789abcdef', [invite('a@example.com', 'r1')]);
			expect(legacy.error?.message).toBe('signNow: Document not found');
			expect((legacy.error as any).description).toContain('Check the ID');
		});
	});

	it('keeps going with Continue On Fail: a failed item and a created one, each paired with its input', async () => {
		const good = sim.seed({ roleNames: ['Buyer'] });
		const { items, error } = await run(
			{
				resource: 'embeddedInvite',
				operation: 'create',
				documentId: '={{ $json.doc }}',
				invites: { invite: [invite('={{ $json.email }}', 'Buyer')] },
			},
			{
				input: [
					{ json: { doc: good.id, email: 'x' } },
					{ json: { doc: good.id, email: 'buyer@example.com' } },
				],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toContain('Invites → #1 → Email: "x" is not allowed');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json).toMatchObject({
			email: 'buyer@example.com',
			role: 'Buyer',
			status: 'pending',
		});
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(apiRequests().map((r) => r.method)).toEqual(['GET', 'POST']);
	});
});
