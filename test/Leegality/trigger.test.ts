import { createHmac } from 'node:crypto';

import { CredentialStore } from '../harness/credentials';
import { runWebhookMethod, startTrigger } from '../harness/trigger';
import { LeegalitySimulator } from '../simulators/leegality';

describe('Leegality Trigger', () => {
	const sim = new LeegalitySimulator();
	const store = () =>
		new CredentialStore({
			leegalityApi: { authToken: sim.authToken, privateSaltSecret: sim.privateSalt, environment: 'custom', customUrl: 'http://127.0.0.1:1/api' },
		});

	async function trigger(webhookTypes = ['Success', 'Error'], credentials = store()) {
		return await startTrigger({ type: 'leegalityTrigger', parameters: { webhookTypes }, credentials });
	}

	it('starts the workflow for a call whose mac is the HMAC-SHA1 of documentId, and says what was verified', async () => {
		const doc = sim.seed({ irn: 'PO-9' });
		const body = sim.webhookBody(doc.documentId, 'Success');
		const endpoint = await trigger();
		try {
			const answer = await endpoint.post(JSON.stringify(body));
			expect(answer.status).toBe(200);
			expect(answer.call.emitted).toHaveLength(1);
			const json = answer.call.emitted![0].json;
			expect(json).toMatchObject({ webhookType: 'Success', documentId: doc.documentId, irn: 'PO-9', documentStatus: 'Sent', _verification: 'documentId only' });
			expect(json._note).toContain('Re-read the document');
			expect(json.mac).toBeUndefined();
		} finally {
			await endpoint.close();
		}
	});

	it('accepts the mac in upper-case hex', async () => {
		const doc = sim.seed();
		const body = sim.webhookBody(doc.documentId, 'Error');
		body.mac = String(body.mac).toUpperCase();
		const endpoint = await trigger();
		try {
			expect((await endpoint.post(JSON.stringify(body))).call.emitted).toHaveLength(1);
		} finally {
			await endpoint.close();
		}
	});

	it.each([
		['a forged mac', (b: Record<string, unknown>) => ({ ...b, mac: createHmac('sha1', 'not-the-salt').update(String(b.documentId)).digest('hex') })],
		['a mac of another document', (b: Record<string, unknown>) => ({ ...b, documentId: 'DocOther123' })],
		['no mac', ({ mac: _m, ...b }: Record<string, unknown>) => b],
		['no documentId', ({ documentId: _d, ...b }: Record<string, unknown>) => b],
		['a base64 mac', (b: Record<string, unknown>) => ({ ...b, mac: Buffer.from(String(b.mac), 'hex').toString('base64') })],
	])('rejects %s with 401 and starts nothing', async (_label, alter) => {
		const doc = sim.seed();
		const endpoint = await trigger();
		try {
			const answer = await endpoint.post(JSON.stringify(alter(sim.webhookBody(doc.documentId, 'Success'))));
			expect(answer.status).toBe(401);
			expect(answer.body).toEqual({ message: 'Invalid or missing mac' });
			expect(answer.call.emitted).toBeUndefined();
		} finally {
			await endpoint.close();
		}
	});

	it('rejects every call with 401 when the credential has no Private Salt', async () => {
		const doc = sim.seed();
		const credentials = new CredentialStore({ leegalityApi: { authToken: sim.authToken, privateSaltSecret: '', environment: 'production' } });
		const endpoint = await trigger(['Success'], credentials);
		try {
			const answer = await endpoint.post(JSON.stringify(sim.webhookBody(doc.documentId, 'Success')));
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
			const answer = await endpoint.post(JSON.stringify(sim.webhookBody(doc.documentId, 'Error')));
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
			const answer = await endpoint.post(JSON.stringify(sim.webhookBody(doc.documentId, 'Success')), { 'x-auth-token': sim.authToken });
			expect(answer.call.emitted).toHaveLength(1);
			expect(JSON.stringify(answer.call.emitted)).not.toContain(sim.authToken);
		} finally {
			await endpoint.close();
		}
	});

	it('has nothing to register on activation: webhooks are set in Leegality’s dashboard', async () => {
		const setup = { type: 'leegalityTrigger', parameters: { webhookTypes: ['Success'] }, credentials: store() };
		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(true);
		expect((await runWebhookMethod(setup, 'create')).result).toBe(true);
		expect((await runWebhookMethod(setup, 'delete')).result).toBe(true);
	});
});
