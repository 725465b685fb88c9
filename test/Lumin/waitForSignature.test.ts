import { PACKAGE_NAME } from '../harness/package';
import { runWorkflow } from '../harness/run';
import { useLumin } from './setup';

const READ = '/signature_request/:id';

describe('Lumin → Signature Request → Wait for Signature', () => {
	const { sim, run, credentials } = useLumin();

	const wait = (signatureRequestId: string, more: Record<string, unknown> = {}) =>
		run({
			operation: 'waitForSignature',
			signatureRequestId,
			checkEverySeconds: 5,
			maxWaitMinutes: 1,
			...more,
		});
	const reads = (id: string) =>
		sim.received('GET', READ).filter((r) => r.path === `/signature_request/${id}`);
	const isRead = (id: string) => (r: { method: string; path: string }) =>
		r.method === 'GET' && r.path === `/signature_request/${id}`;

	it('goes on at once with the outcome of a request that is already signed, after one read', async () => {
		const r = sim.seed();
		sim.approve(r.signature_request_id);
		const { items, error } = await wait(r.signature_request_id);
		expect(error).toBeUndefined();
		expect(reads(r.signature_request_id)).toHaveLength(1);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({
			signing_status: 'completed',
			vendor_status: 'APPROVED',
			request_id: r.signature_request_id,
			signers: [
				{ name: 'Sam Signer', email: 'signer@example.com', status: 'APPROVED', signed_at: null },
			],
			finished_at: new Date(r.updated_at).toISOString(),
			details: { signature_request_id: r.signature_request_id, status: 'APPROVED' },
		});
	});

	it('reads an open request again every Check Every seconds until the signer signs, then adds the signed PDF', async () => {
		const r = sim.seed();
		const id = r.signature_request_id;
		// The signer signs right after the node's first read.
		sim.afterRequest(isRead(id), () => sim.approve(id));
		const started = Date.now();
		const { items, error } = await wait(id, {
			downloadSignedFile: true,
			binaryPropertyName: 'pdf',
		});
		expect(error).toBeUndefined();
		const [first, second] = reads(id);
		expect(reads(id)).toHaveLength(2);
		expect(second.at - first.at).toBeGreaterThanOrEqual(4900);
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(items[0].json).toMatchObject({
			signing_status: 'completed',
			file_name: `${id}-signed.pdf`,
		});
		expect(sim.received('GET', '/signature_request/:id/file')[0].query).toEqual({
			type: 'agreement',
		});
		expect(items[0].binary?.pdf).toMatchObject({
			fileName: `${id}-signed.pdf`,
			mimeType: 'application/pdf',
		});
	});

	it('words a declined, a cancelled and an expired request in one vocabulary, each item paired with its input', async () => {
		const declined = sim.seed();
		sim.reject(declined.signature_request_id, 'Wrong address');
		const cancelled = sim.seed({ status: 'CANCELLED' });
		const expired = sim.seed({ expires_at: Date.now() - 60_000 });
		const { items, error } = await run(
			{
				operation: 'waitForSignature',
				signatureRequestId: '={{ $json.id }}',
				checkEverySeconds: 5,
				maxWaitMinutes: 1,
				downloadSignedFile: true,
			},
			{
				input: [declined, cancelled, expired].map((r) => ({
					json: { id: r.signature_request_id },
				})),
			},
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.signing_status, i.json.vendor_status, i.pairedItem])).toEqual([
			['declined', 'REJECTED', { item: 0 }],
			['canceled', 'CANCELLED', { item: 1 }],
			['expired', 'NEED_TO_SIGN', { item: 2 }],
		]);
		expect((items[0].json.details as { reason: string }).reason).toBe('Wrong address');
		// Only a completed request has a signed file to add.
		expect(items.every((i) => i.binary === undefined)).toBe(true);
		expect(sim.received('GET', '/signature_request/:id/file')).toHaveLength(0);
	});

	it('lets an item still open at the maximum wait go on exactly as it came in, without signing_status', async () => {
		const r = sim.seed();
		const input = { json: { order: 1042, id: r.signature_request_id } };
		const { items, error } = await run(
			{
				operation: 'waitForSignature',
				signatureRequestId: '={{ $json.id }}',
				checkEverySeconds: 5,
				maxWaitMinutes: 0.1,
			},
			{ input: [input] },
		);
		expect(error).toBeUndefined();
		expect(reads(r.signature_request_id)).toHaveLength(2);
		expect(items).toEqual([{ json: input.json, pairedItem: { item: 0 } }]);
		expect(items[0].json.signing_status).toBeUndefined();
	});

	it('stops at once when the execution is cancelled during a pause, reading nothing more', async () => {
		const r = sim.seed();
		const firstRead = new Promise<void>((resolve) =>
			sim.afterRequest(isRead(r.signature_request_id), resolve),
		);
		const started = Date.now();
		const { run: result } = await runWorkflow(
			{
				nodes: [
					{
						id: 'wait',
						name: 'Wait for Signature',
						type: `${PACKAGE_NAME}.lumin`,
						typeVersion: 1,
						position: [0, 0],
						parameters: {
							resource: 'signatureRequest',
							operation: 'waitForSignature',
							signatureRequestId: r.signature_request_id,
							checkEverySeconds: 5,
						},
						credentials: { luminApi: { id: 'cred-luminApi', name: 'Lumin' } },
					},
				],
				connections: {},
			},
			{ store: credentials(), cancelWhen: firstRead },
		);
		expect(Date.now() - started).toBeLessThan(4000);
		expect(result.status).toBe('canceled');
		// The node's next read would come 5 s after its first: none comes.
		await new Promise((resolve) => setTimeout(resolve, 5500));
		expect(reads(r.signature_request_id)).toHaveLength(1);
	});

	it('checks its fields before any request: a missing ID and a Check Every below 5 seconds', async () => {
		const missing = await run({ operation: 'waitForSignature', signatureRequestId: '={{ "" }}' });
		expect(missing.error?.message).toBe(
			'Signature Request ID: "" is not allowed. The signature request ID is required.',
		);
		const tooOften = await wait('sr_1', { checkEverySeconds: '={{ 2 }}' });
		expect(tooOften.error?.message).toBe(
			'Check Every (Seconds): 2 is not allowed. Must be from 5 to 300 seconds.',
		);
		expect(sim.requests).toHaveLength(0);
	});
});
