import type { SimRequest } from '../simulators/base';
import { useSignNow } from './setup';

const INVITE = '/document/:id/invite';
const CANCEL = '/document/:id/fieldinvitecancel';

describe('signNow → Invite', () => {
	const { sim, run, apiRequests } = useSignNow();
	const signer = (email: string, roleId: string, order = 1) => ({ email, roleId, order });
	const send = (
		documentId: string,
		signers: Array<Record<string, unknown>>,
		options: Record<string, unknown> = {},
		extra = {},
	) =>
		run(
			{ resource: 'invite', operation: 'send', documentId, signers: { signer: signers }, options },
			extra,
		);
	const cancel = (documentId: string, reason = '', extra = {}) =>
		run({ resource: 'invite', operation: 'cancel', documentId, reason }, extra);
	/** An embedded invite for the role Buyer. */
	const embed = (documentId: string) =>
		run({
			resource: 'embeddedInvite',
			operation: 'create',
			documentId,
			invites: {
				invite: [{ email: 'emb@example.com', roleId: 'Buyer', order: 1, authMethod: 'none' }],
			},
		});
	const invitePost = (r: SimRequest) => r.method === 'POST' && r.path.endsWith('/invite');

	describe('Send by Email', () => {
		it('reads the document and the account, then sends one role-based invite from the account’s email', async () => {
			const doc = sim.seed({ roleNames: ['Buyer', 'Seller'] });
			const { items, error } = await send(
				doc.id,
				[signer('bo@example.com', 'Buyer'), signer('sue@example.com', doc.roles[1].unique_id, 2)],
				{
					subject: 'Your offer',
					message: 'Please sign',
					expirationDays: 14,
					cc: 'legal@example.com, sales@example.com',
				},
			);
			expect(error).toBeUndefined();
			expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
				`GET /document/${doc.id}`,
				'GET /user',
				`POST /document/${doc.id}/invite`,
			]);
			expect(sim.received('POST', INVITE)[0].body).toEqual({
				to: [
					{
						email: 'bo@example.com',
						role_id: doc.roles[0].unique_id,
						role: 'Buyer',
						order: 1,
						expiration_days: 14,
					},
					{
						email: 'sue@example.com',
						role_id: doc.roles[1].unique_id,
						role: 'Seller',
						order: 2,
						expiration_days: 14,
					},
				],
				from: sim.username,
				cc: ['legal@example.com', 'sales@example.com'],
				subject: 'Your offer',
				message: 'Please sign',
			});
			expect(sim.sentEmails).toContainEqual({
				documentId: doc.id,
				to: 'bo@example.com',
				from: sim.username,
				subject: 'Your offer',
			});
			expect(items).toHaveLength(1);
			expect(items[0].json).toEqual({
				document_id: doc.id,
				status: 'success',
				from: sim.username,
				invites: [
					{ email: 'bo@example.com', role: 'Buyer', role_id: doc.roles[0].unique_id, order: 1 },
					{ email: 'sue@example.com', role: 'Seller', role_id: doc.roles[1].unique_id, order: 2 },
				],
			});
			expect(doc.field_invites.map((i) => [i.email, i.status, i.is_embedded])).toEqual([
				['bo@example.com', 'pending', false],
				['sue@example.com', 'created', false],
			]);
		});

		it('without options, sends no subject, message, expiry or copies: signNow’s defaults apply', async () => {
			const doc = sim.seed({ roleNames: ['Buyer'] });
			const { error } = await send(doc.id, [signer('bo@example.com', 'Buyer')]);
			expect(error).toBeUndefined();
			expect(sim.received('POST', INVITE)[0].body).toEqual({
				to: [{ email: 'bo@example.com', role_id: doc.roles[0].unique_id, role: 'Buyer', order: 1 }],
				from: sim.username,
			});
		});

		it('refuses a document whose embedded invites still wait, naming them, and sends nothing', async () => {
			const doc = sim.seed({ roleNames: ['Buyer'] });
			await embed(doc.id);
			sim.clearLog();
			const { error } = await send(doc.id, [signer('bo@example.com', 'Buyer')]);
			expect(error?.message).toBe(
				`Document ID: "${doc.id}" is not allowed. It already has invites waiting for signers: emb@example.com (embedded, pending). A document takes one set of invites at a time, embedded or by email: delete its embedded invites (Embedded Invite → Delete) or cancel its email invites (Invite → Cancel) first.`,
			);
			expect(sim.received('POST', INVITE)).toHaveLength(0);
		});

		it('and the other way round: embedded invites on a document with email invites are refused by signNow', async () => {
			const doc = sim.seed({ roleNames: ['Buyer'] });
			await send(doc.id, [signer('bo@example.com', 'Buyer')]);
			const { error } = await embed(doc.id);
			expect(error?.message).toBe('signNow [65603]: Document has active invites');
			expect((error as any).description).toContain('Embedded Invite → Delete');
		});

		it.each([
			[
				'a role the document lacks',
				() => [signer('bo@example.com', 'Landlord')],
				'Signers → #1 → Role Name or ID: "Landlord" is not allowed. It is not a role of this document',
			],
			[
				'a role left without a signer',
				() => [signer('bo@example.com', 'Buyer')],
				'Signers: every role of the document needs an invite. Missing: "Seller".',
			],
			[
				'the owner’s own email',
				() => [signer('owner@example.com', 'Buyer'), signer('sue@example.com', 'Seller')],
				'Signers → #1 → Email: "owner@example.com" is not allowed. It is the document owner’s email',
			],
		])('refuses %s after reading the document, sending nothing', async (_what, signers, start) => {
			const doc = sim.seed({ roleNames: ['Buyer', 'Seller'] });
			const { error } = await send(doc.id, signers());
			expect(error?.message).toContain(start);
			expect(sim.received('POST', INVITE)).toHaveLength(0);
		});

		it.each([
			[
				'a malformed email',
				[signer('bo-at-example.com', 'Buyer')],
				{},
				'Signers → #1 → Email: "bo-at-example.com" is not allowed.',
			],
			[
				'an expiry under 3 days',
				[signer('bo@example.com', 'Buyer')],
				{ expirationDays: 2 },
				'Expiration (Days): 2 is not allowed. Must be from 3 to 180 days.',
			],
			[
				'a copy address that is no email',
				[signer('bo@example.com', 'Buyer')],
				{ cc: 'legal@example.com, sales' },
				'CC → #2: "sales" is not allowed. Must be an email address such as name@example.com.',
			],
			[
				'the same signer twice',
				[signer('bo@example.com', 'Buyer'), signer('BO@example.com', 'Seller')],
				{},
				'Signers → #2 → Email: "BO@example.com" is not allowed: it repeats Signers → #1 → Email.',
			],
		])('refuses %s before any request', async (_what, signers, options, start) => {
			const { error } = await send('a0b1c2', signers, options);
			expect(error?.message).toContain(start);
			expect(apiRequests()).toHaveLength(0);
		});

		it('sent, then the answer lost: the document read finds the new email invites, so it is a success, sent once', async () => {
			const doc = sim.seed({ roleNames: ['Buyer'] });
			sim.inject({ kind: 'applied', then: 'drop' }, 1, invitePost);
			const { items, error } = await send(doc.id, [signer('bo@example.com', 'Buyer')]);
			expect(error).toBeUndefined();
			expect(sim.received('POST', INVITE)).toHaveLength(1);
			expect(sim.received('GET', '/document/:id')).toHaveLength(2);
			expect(sim.sentEmails.filter((e) => e.documentId === doc.id)).toHaveLength(1);
			expect(items[0].json.status).toBe('success');
		});

		it('lost before signNow acted: reported as unknown, in the Continue On Fail item', async () => {
			const doc = sim.seed({ roleNames: ['Buyer'] });
			sim.inject({ kind: 'status', status: 504, body: {} }, 1, invitePost);
			const { items } = await send(
				doc.id,
				[signer('bo@example.com', 'Buyer')],
				{},
				{
					continueOnFail: true,
				},
			);
			expect(sim.received('POST', INVITE)).toHaveLength(1);
			expect(doc.field_invites).toHaveLength(0);
			expect(items[0].json).toMatchObject({
				code: 'outcome_unknown',
				httpCode: '504',
				error:
					'signNow [outcome_unknown]: the answer was lost (HTTP 504 from the gateway in front of the API), so it is not known whether the invites were sent',
			});
		});
	});

	describe('Cancel', () => {
		async function sent() {
			const doc = sim.seed({ roleNames: ['Buyer'] });
			await send(doc.id, [signer('bo@example.com', 'Buyer')]);
			sim.clearLog();
			return doc;
		}

		it('cancels the waiting email invites with the reason', async () => {
			const doc = await sent();
			const { items, error } = await cancel(doc.id, 'The offer has changed');
			expect(error).toBeUndefined();
			const [put] = sim.received('PUT', CANCEL);
			expect(put.path).toBe(`/document/${doc.id}/fieldinvitecancel`);
			expect(put.body).toEqual({ reason: 'The offer has changed' });
			expect(doc.field_invites).toHaveLength(0);
			expect(items[0].json).toEqual({
				document_id: doc.id,
				cancelled: true,
				status: 'cancelled',
				reason: 'The offer has changed',
			});
		});

		it('a document without email invites fails with signNow’s not-found error', async () => {
			const doc = sim.seed();
			const { error } = await cancel(doc.id);
			expect(sim.received('PUT', CANCEL)[0].body).toBeUndefined();
			expect(error?.message).toBe('signNow [404]: Invite not found');
			expect((error as any).httpCode).toBe('404');
		});

		it('cancelled, then the answer lost: the document read shows none waiting, so it is a success', async () => {
			const doc = await sent();
			sim.inject({ kind: 'applied', then: 503 }, 1, (r) => r.method === 'PUT');
			const { items, error } = await cancel(doc.id);
			expect(error).toBeUndefined();
			expect(sim.received('PUT', CANCEL)).toHaveLength(1);
			expect(items[0].json).toMatchObject({ cancelled: true, status: 'cancelled' });
		});

		it('lost before signNow acted: the invite still waits, so the outcome is unknown', async () => {
			const doc = await sent();
			sim.inject({ kind: 'drop' }, 1, (r) => r.method === 'PUT');
			const { error } = await cancel(doc.id);
			expect(sim.received('PUT', CANCEL)).toHaveLength(1);
			expect((error as any).context.vendorCode).toBe('outcome_unknown');
			expect(doc.field_invites).toHaveLength(1);
		});

		it('an answer with another status is no success', async () => {
			const doc = await sent();
			sim.inject(
				{ kind: 'status', status: 200, body: { status: 'failed' } },
				1,
				(r) => r.method === 'PUT',
			);
			const { error } = await cancel(doc.id);
			expect(error?.message).toBe(
				'signNow [incomplete_answer]: answered without what this operation needs (status: is "failed", not "cancelled")',
			);
		});
	});
});
