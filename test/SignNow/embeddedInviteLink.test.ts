import { useSignNow } from './setup';

describe('signNow → Embedded Invite → Generate Link and Delete', () => {
	const { sim, run } = useSignNow();

	/** A document with one embedded invite created through the API. */
	async function invited() {
		const doc = sim.seed({ roleNames: ['Signer 1'] });
		const { items } = await run({
			resource: 'embeddedInvite',
			operation: 'create',
			documentId: doc.id,
			invites: {
				invite: [
					{
						email: 'sam@example.com',
						roleId: doc.roles[0].unique_id,
						order: 1,
						authMethod: 'none',
					},
				],
			},
		});
		sim.clearLog();
		return { doc, inviteId: items[0].json.id as string };
	}

	const link = (documentId: string, fieldInviteId: string, extra: Record<string, unknown> = {}) =>
		run({
			resource: 'embeddedInvite',
			operation: 'generateLink',
			documentId,
			fieldInviteId,
			authMethod: 'none',
			...extra,
		});

	it('posts auth_method and link_expiration and outputs the link with its expiry', async () => {
		const { doc, inviteId } = await invited();
		const before = Date.now();
		const { items, error } = await link(doc.id, inviteId, {
			authMethod: 'email',
			options: { linkExpiration: 30 },
		});

		expect(error).toBeUndefined();
		const [post] = sim.received('POST', '/v2/documents/:id/embedded-invites/:inviteId/link');
		expect(post.path).toBe(`/v2/documents/${doc.id}/embedded-invites/${inviteId}/link`);
		expect(post.headers.authorization).toMatch(/^Bearer /);
		expect(post.body).toEqual({ auth_method: 'email', link_expiration: 30 });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			document_id: doc.id,
			field_invite_id: inviteId,
			link_expiration_minutes: 30,
		});
		expect(items[0].json.link).toMatch(
			new RegExp(
				`^https://app\\.signnow\\.com/webapp/document/${doc.id}\\?access_token=[0-9a-f]+&route=fieldinvite$`,
			),
		);
		expect(Date.parse(items[0].json.expires_at_iso as string)).toBeGreaterThanOrEqual(
			before + 30 * 60_000,
		);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends link_expiration null when no expiration is set', async () => {
		const { doc, inviteId } = await invited();
		const { items, error } = await link(doc.id, inviteId);
		expect(error).toBeUndefined();
		expect(
			sim.received('POST', '/v2/documents/:id/embedded-invites/:inviteId/link')[0].body,
		).toEqual({ auth_method: 'none', link_expiration: null });
		expect(items[0].json.link_expiration_minutes).toBeNull();
		expect(items[0].json.expires_at_iso).toBeUndefined();
	});

	it.each([14, 46, 20.5])(
		'rejects a link expiration of %p minutes before any request',
		async (minutes) => {
			const { error } = await link('doc1', 'inv1', { options: { linkExpiration: minutes } });
			expect(error?.message).toContain(`Link Expiration (Minutes): ${minutes} is not allowed`);
			expect(error?.message).toMatch(/15 to 45 minutes, or left empty/);
			expect(sim.requests).toHaveLength(0);
		},
	);

	it('rejects an unknown auth method and an empty field invite ID before any request', async () => {
		const bad = await link('doc1', 'inv1', { authMethod: '={{ "fingerprint" }}' });
		expect(bad.error?.message).toContain(
			'Auth Method: "fingerprint" is not allowed. Must be one of none, email, password, mfa, social, biometric, other.',
		);
		const empty = await link('doc1', '={{ "" }}');
		expect(empty.error?.message).toContain(
			'Field Invite ID: "" is not allowed. The field invite ID is required.',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('fails the item with signNow’s code and message for an unknown invite', async () => {
		const { doc } = await invited();
		const { error } = await link(doc.id, 'feedfacefeedface');
		expect(error?.message).toBe('signNow [65607]: Invalid field invite id');
		expect((error as any).httpCode).toBe('400');
	});

	it('deletes every embedded invite of the document, then reports that none are left', async () => {
		const { doc } = await invited();
		const del = () => run({ resource: 'embeddedInvite', operation: 'delete', documentId: doc.id });
		const { items, error } = await del();
		expect(error).toBeUndefined();
		const [request] = sim.received('DELETE', '/v2/documents/:id/embedded-invites');
		expect(request.path).toBe(`/v2/documents/${doc.id}/embedded-invites`);
		expect(request.headers.authorization).toMatch(/^Bearer /);
		expect(items[0].json).toEqual({ document_id: doc.id, deleted: true, status: 'success' });
		expect(doc.field_invites).toHaveLength(0);

		const again = await del();
		expect(again.error?.message).toBe(
			'signNow [65608]: The document has no active embedded invites',
		);
		expect((again.error as any).description).toContain('nothing to delete');
	});

	it('refuses to delete the invites of a document owned by someone else', async () => {
		const doc = sim.seed({ owner: 'other@example.com' });
		const { error } = await run({
			resource: 'embeddedInvite',
			operation: 'delete',
			documentId: doc.id,
		});
		expect(error?.message).toBe('signNow [65600]: Current user is not the document owner');
	});
});
