import { createHmac } from 'node:crypto';

import { CredentialStore } from '../harness/credentials';
import { runWebhookMethod, startTrigger } from '../harness/trigger';
import { LeegalitySimulator } from '../simulators/leegality';

/**
 * Leegality's mac, computed here with node:crypto and not with the package's own code: HMAC-SHA1
 * of the documentId, keyed with the Private Salt, as hex.
 */
const macOf = (documentId: string, salt: string) =>
	createHmac('sha1', salt).update(documentId, 'utf8').digest('hex');

describe('Leegality Trigger', () => {
	const sim = new LeegalitySimulator();
	/** A webhook body as Leegality posts it, with the mac it computes with the account's salt. */
	const signedBody = (
		documentId: string,
		webhookType: 'Success' | 'Error',
		salt = sim.privateSalt,
	) => ({
		...sim.webhookBody(documentId, webhookType),
		mac: macOf(documentId, salt),
	});
	const store = () =>
		new CredentialStore({
			leegalityApi: {
				authToken: sim.authToken,
				privateSaltSecret: sim.privateSalt,
				environment: 'custom',
				customUrl: 'http://127.0.0.1:1/api',
			},
		});

	async function trigger(webhookTypes = ['Success', 'Error'], credentials = store()) {
		return await startTrigger({
			type: 'leegalityTrigger',
			parameters: { webhookTypes },
			credentials,
		});
	}

	it('starts the workflow for a call whose mac is the HMAC-SHA1 of documentId, and says what was verified', async () => {
		const doc = sim.seed({ irn: 'PO-9' });
		const body = signedBody(doc.documentId, 'Success');
		const endpoint = await trigger();
		try {
			const answer = await endpoint.post(JSON.stringify(body));
			expect(answer.status).toBe(200);
			expect(answer.call.emitted).toHaveLength(1);
			const json = answer.call.emitted![0].json;
			expect(json).toMatchObject({
				webhookType: 'Success',
				documentId: doc.documentId,
				irn: 'PO-9',
				documentStatus: 'Sent',
				_verification: 'documentId only',
			});
			expect(json._note).toContain('Re-read the document');
			expect(json.mac).toBeUndefined();
		} finally {
			await endpoint.close();
		}
	});

	it('accepts a known mac: documentId 01KMFEE9T8WPY0WPWXQHQ7DTJ2 with the salt below, computed with openssl', async () => {
		// printf '%s' 01KMFEE9T8WPY0WPWXQHQ7DTJ2 | openssl dgst -sha1 -hmac salt_7c2e9a41d0b84f6e
		// (Leegality publishes no example pair of salt and mac; the document ID is the one its webhook pages show.)
		const documentId = '01KMFEE9T8WPY0WPWXQHQ7DTJ2';
		const knownMac = '02c88669fa13a42861094670437259c72b776c4e';
		expect(sim.privateSalt).toBe('salt_7c2e9a41d0b84f6e');
		expect(macOf(documentId, sim.privateSalt)).toBe(knownMac);
		const endpoint = await trigger();
		try {
			const answer = await endpoint.post(
				JSON.stringify({
					webhookType: 'Success',
					documentId,
					documentStatus: 'Sent',
					irn: '',
					mac: knownMac,
				}),
			);
			expect(answer.status).toBe(200);
			expect(answer.call.emitted).toHaveLength(1);
			expect(answer.call.emitted![0].json).toMatchObject({
				documentId,
				_verification: 'documentId only',
			});
		} finally {
			await endpoint.close();
		}
	});

	it('accepts the mac in upper-case hex', async () => {
		const doc = sim.seed();
		const body = signedBody(doc.documentId, 'Error');
		body.mac = String(body.mac).toUpperCase();
		const endpoint = await trigger();
		try {
			expect((await endpoint.post(JSON.stringify(body))).call.emitted).toHaveLength(1);
		} finally {
			await endpoint.close();
		}
	});

	it.each([
		[
			'a forged mac',
			(b: Record<string, unknown>) => ({ ...b, mac: macOf(String(b.documentId), 'not-the-salt') }),
		],
		[
			'a mac keyed with the documentId instead of the salt',
			(b: Record<string, unknown>) => ({ ...b, mac: macOf(sim.privateSalt, String(b.documentId)) }),
		],
		[
			'a mac of another document',
			(b: Record<string, unknown>) => ({ ...b, documentId: 'DocOther123' }),
		],
		['no mac', ({ mac: _m, ...b }: Record<string, unknown>) => b],
		['no documentId', ({ documentId: _d, ...b }: Record<string, unknown>) => b],
		[
			'a base64 mac',
			(b: Record<string, unknown>) => ({
				...b,
				mac: Buffer.from(String(b.mac), 'hex').toString('base64'),
			}),
		],
	])('rejects %s with 401 and starts nothing', async (_label, alter) => {
		const doc = sim.seed();
		const endpoint = await trigger();
		try {
			const answer = await endpoint.post(
				JSON.stringify(alter(signedBody(doc.documentId, 'Success'))),
			);
			expect(answer.status).toBe(401);
			expect(answer.body).toEqual({ message: 'Invalid or missing mac' });
			expect(answer.call.emitted).toBeUndefined();
		} finally {
			await endpoint.close();
		}
	});

	it('rejects every call with 401 when the credential has no Private Salt', async () => {
		const doc = sim.seed();
		const credentials = new CredentialStore({
			leegalityApi: { authToken: sim.authToken, privateSaltSecret: '', environment: 'production' },
		});
		const endpoint = await trigger(['Success'], credentials);
		try {
			const answer = await endpoint.post(JSON.stringify(signedBody(doc.documentId, 'Success')));
			expect(answer.status).toBe(401);
			expect(answer.call.emitted).toBeUndefined();
		} finally {
			await endpoint.close();
		}
	});

	it('acknowledges a verified call of an unselected webhookType without starting the workflow', async () => {
		const doc = sim.seed();
		const endpoint = await trigger(['Success']);
		try {
			const answer = await endpoint.post(JSON.stringify(signedBody(doc.documentId, 'Error')));
			expect(answer.status).toBe(200);
			expect(answer.body).toEqual({ received: true, ignored: 'webhookType Error not selected' });
			expect(answer.call.emitted).toBeUndefined();
		} finally {
			await endpoint.close();
		}
	});

	it('keeps the Auth Token out of the item when Leegality sends it as a header', async () => {
		const doc = sim.seed();
		const endpoint = await trigger();
		try {
			// startTrigger fails the test if a credential secret appears in an emitted item.
			const answer = await endpoint.post(JSON.stringify(signedBody(doc.documentId, 'Success')), {
				'x-auth-token': sim.authToken,
			});
			expect(answer.call.emitted).toHaveLength(1);
			expect(JSON.stringify(answer.call.emitted)).not.toContain(sim.authToken);
		} finally {
			await endpoint.close();
		}
	});

	it('has nothing to register on activation: webhooks are set in Leegality’s dashboard', async () => {
		const setup = {
			type: 'leegalityTrigger',
			parameters: { webhookTypes: ['Success'] },
			credentials: store(),
		};
		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(true);
		expect((await runWebhookMethod(setup, 'create')).result).toBe(true);
		expect((await runWebhookMethod(setup, 'delete')).result).toBe(true);
	});

	describe('one event, one run', () => {
		it('starts one run for a call Leegality retries: the copy gets 200 and starts nothing', async () => {
			const doc = sim.seed({ irn: 'PO-10' });
			const body = JSON.stringify(signedBody(doc.documentId, 'Success'));
			const endpoint = await trigger();
			try {
				expect((await endpoint.post(body)).call.emitted).toHaveLength(1);
				const again = await endpoint.post(body);
				expect(again.status).toBe(200);
				expect(again.body).toEqual({
					received: true,
					ignored: 'repeat of a delivery, which already started a run',
				});
				expect(again.call.emitted).toBeUndefined();
			} finally {
				await endpoint.close();
			}
		});

		it('starts a run for each distinct event of one document: another invitee, another outcome, another state', async () => {
			const doc = sim.seed({ irn: 'PO-11' });
			const base = signedBody(doc.documentId, 'Success') as Record<string, unknown>;
			const request = (base.request ?? {}) as Record<string, unknown>;
			const bodies = [
				base,
				{
					...base,
					request: {
						...request,
						email: 'second@example.com',
						invitationUrl: 'https://sandbox.leegality.com/sign/other',
					},
				},
				{ ...signedBody(doc.documentId, 'Error') },
				{ ...base, documentStatus: 'Completed' },
			];
			const endpoint = await trigger();
			try {
				for (const body of bodies)
					expect((await endpoint.post(JSON.stringify(body))).call.emitted).toHaveLength(1);
			} finally {
				await endpoint.close();
			}
		});
	});
});
