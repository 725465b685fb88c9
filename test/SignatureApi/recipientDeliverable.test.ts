import { useSignatureApi } from './setup';

describe('SignatureAPI → Recipient and Deliverable', () => {
	const { sim, run } = useSignatureApi();

	it('Recipient → Get reads the recipient with its ceremony', async () => {
		const { recipient } = sim.seedEnvelope();
		const { items, error } = await run('recipient', {
			operation: 'get',
			recipientId: recipient.id,
		});
		expect(error).toBeUndefined();
		expect(sim.received('GET')[0].path).toBe(`/recipients/${recipient.id}`);
		expect(items[0].json).toMatchObject({
			id: recipient.id,
			status: 'sent',
			email: 'ana@example.com',
		});
	});

	it('Recipient → Replace posts the new name and email and outputs the new recipient', async () => {
		const { recipient } = sim.seedEnvelope();
		const { items, error } = await run('recipient', {
			operation: 'replace',
			recipientId: recipient.id,
			name: 'Bea Backup',
			email: 'bea@example.com',
		});
		expect(error).toBeUndefined();
		const [received] = sim.received('POST', '/recipients/:id/replace');
		expect(received.body).toEqual({ name: 'Bea Backup', email: 'bea@example.com' });
		const out = items[0].json;
		expect(out.replaced_recipient_id).toBe(recipient.id);
		expect(out.id).not.toBe(recipient.id);
		expect(out.id).toMatch(/^re_/);
		expect(out.note).toContain('Create a new ceremony');
		expect(recipient.status).toBe('replaced');
	});

	it('Recipient → Replace rejects a bad email before any request, and explains cannot-replace', async () => {
		const bad = await run('recipient', {
			operation: 'replace',
			recipientId: 're_1',
			name: 'Bea',
			email: 'bea@',
		});
		expect(bad.error?.message).toContain('New Email: "bea@" is not allowed');
		expect(sim.requests).toHaveLength(0);
		const { recipient } = sim.seedEnvelope({}, { status: 'completed' });
		const { error } = await run('recipient', {
			operation: 'replace',
			recipientId: recipient.id,
			name: 'Bea',
			email: 'bea@example.com',
		});
		expect(error?.message).toContain('SignatureAPI [cannot-replace]');
		expect((error as any).description).toContain('only before they complete');
	});

	it('Recipient → Resend posts to /resend and outputs when it may be resent again', async () => {
		const { recipient } = sim.seedEnvelope();
		const { items, error } = await run('recipient', {
			operation: 'resend',
			recipientId: recipient.id,
		});
		expect(error).toBeUndefined();
		expect(sim.received('POST')[0].path).toBe(`/recipients/${recipient.id}/resend`);
		expect(items[0].json).toMatchObject({ recipient_id: recipient.id, resent: true });
		expect(Date.parse(items[0].json.can_resend_at as string)).toBeGreaterThan(Date.now());
	});

	it('Deliverable → Get reads status and a fresh url', async () => {
		const { envelope } = sim.seedEnvelope();
		const deliverable = sim.complete(envelope.id);
		const { items, error } = await run('deliverable', {
			operation: 'get',
			deliverableId: deliverable.id,
		});
		expect(error).toBeUndefined();
		expect(sim.received('GET')[0].path).toBe(`/deliverables/${deliverable.id}`);
		expect(items[0].json).toMatchObject({
			id: deliverable.id,
			status: 'generated',
			envelope_id: envelope.id,
		});
		expect(items[0].json.url).toMatch(/\/v1\/vault\//);
	});

	it('Deliverable → Download fetches the deliverable fresh, then the PDF without the API key', async () => {
		const { envelope } = sim.seedEnvelope();
		const deliverable = sim.complete(envelope.id);
		// An older URL, read earlier, has expired by now.
		await run('deliverable', { operation: 'get', deliverableId: deliverable.id });
		sim.clearLog();
		const { items, error } = await run('deliverable', {
			operation: 'download',
			deliverableId: deliverable.id,
			binaryPropertyName: 'signed',
		});
		expect(error).toBeUndefined();
		expect(sim.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{32}$/, '…')}`)).toEqual([
			`GET /deliverables/${deliverable.id}`,
			'GET /vault/…',
		]);
		expect(sim.requests[0].headers['x-api-key']).toBe(sim.testKey);
		expect(sim.requests[1].headers['x-api-key']).toBeUndefined();
		const [item] = items;
		expect(item.binary?.signed.mimeType).toBe('application/pdf');
		expect(item.binary?.signed.fileName).toBe(`${envelope.id}-signed.pdf`);
		expect(Buffer.from(item.binary!.signed.data, 'base64').toString('utf8')).toContain(
			`deliverable ${deliverable.id}`,
		);
		expect(item.json).toMatchObject({
			id: deliverable.id,
			status: 'generated',
			file_name: `${envelope.id}-signed.pdf`,
		});
		expect(item.json.url).toBeUndefined();
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('Deliverable → Download explains a deliverable that is still processing, without fetching a file', async () => {
		const { envelope } = sim.seedEnvelope();
		const deliverable = sim.complete(envelope.id);
		deliverable.status = 'processing';
		const { error } = await run('deliverable', {
			operation: 'download',
			deliverableId: deliverable.id,
			binaryPropertyName: 'data',
		});
		expect(error?.message).toBe(
			`Deliverable ${deliverable.id} is processing, so there is no file to download yet`,
		);
		expect(sim.requests).toHaveLength(1);
	});

	it('rejects IDs with the wrong prefix before any request', async () => {
		const d = await run('deliverable', {
			operation: 'download',
			deliverableId: 'env_1',
			binaryPropertyName: 'data',
		});
		expect(d.error?.message).toContain(
			'Deliverable ID: "env_1" is not allowed. Deliverable IDs start with del_',
		);
		const r = await run('recipient', { operation: 'resend', recipientId: 'del_1' });
		expect(r.error?.message).toContain(
			'Recipient ID: "del_1" is not allowed. Recipient IDs start with re_',
		);
		expect(sim.requests).toHaveLength(0);
	});
});
