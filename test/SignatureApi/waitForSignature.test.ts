import type { INode, INodeParameters } from 'n8n-workflow';

import { PACKAGE_NAME } from '../harness/package';
import type { WorkflowJson } from '../harness/run';
import { plainRequest } from '../harness/tls';
import { startWaitingRun } from '../harness/waiting';
import { ceremonyParams, useSignatureApi } from './setup';

const NEXT = 'https://app.example.com/signed?order=1042';
const CREDENTIALS = { signatureApiApi: { id: 'cred-signatureApiApi', name: 'SignatureAPI' } };

/** Start (the envelope and recipient) → Create Ceremony (resuming) → Wait for Signature. */
function signingWorkflow(
	wait: Record<string, unknown> = {},
	ceremony: Record<string, unknown> = {},
): WorkflowJson {
	const node = (name: string, parameters: INodeParameters, x: number): INode => ({
		id: name,
		name,
		type: `${PACKAGE_NAME}.signatureApi`,
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: CREDENTIALS,
	});
	return {
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			node(
				'Create Ceremony',
				{
					resource: 'ceremony',
					...ceremonyParams({
						recipientId: '={{ $json.recipientId }}',
						authentication: { method: [{ type: 'custom', provider: 'shop-login' }] },
						redirectUrl: NEXT,
						redirectDelay: 0,
						resumeWorkflow: true,
						...ceremony,
					}),
				},
				200,
			),
			node(
				'Wait for Signature',
				{
					resource: 'envelope',
					operation: 'waitForSignature',
					envelopeId: "={{ $('Start').item.json.envelopeId }}",
					...wait,
				},
				400,
			),
		],
		connections: {
			Start: { main: [[{ node: 'Create Ceremony', type: 'main', index: 0 }]] },
			'Create Ceremony': { main: [[{ node: 'Wait for Signature', type: 'main', index: 0 }]] },
		},
	};
}

describe('SignatureAPI → Envelope → Wait for Signature, woken by the ceremony’s redirect', () => {
	const { sim, credentials, run } = useSignatureApi();

	const start = (wait: Record<string, unknown> = {}, ceremony: Record<string, unknown> = {}) => {
		const { envelope, recipient } = sim.seedEnvelope({}, { delivery_type: 'none' });
		const waiting = startWaitingRun(signingWorkflow(wait, ceremony), {
			store: credentials(),
			input: [{ json: { envelopeId: envelope.id, recipientId: recipient.id } }],
		});
		return { envelope, recipient, waiting };
	};
	const envelopeReads = () => sim.received('GET', '/envelopes/:id');

	it('sends the signer back through n8n, refuses tampered and foreign returns, and goes on with the signed PDF once the envelope completes', async () => {
		const { envelope, recipient, waiting: started } = start({ downloadSignedFile: true });
		const waiting = await started;
		expect(waiting.status).toBe('waiting');
		const redirect = new URL(String(recipient.ceremony?.redirect_url));
		const resume = new URL(waiting.resumeUrl);
		expect(redirect.origin + redirect.pathname).toBe(resume.origin + resume.pathname);
		expect(redirect.searchParams.get('signature')).toBe(resume.searchParams.get('signature'));
		expect(redirect.searchParams.get('next')).toBe(NEXT);
		expect(waiting.stops[0].outputs['Create Ceremony'][0].json.redirect_url).toBe(redirect.href);

		sim.clearLog();
		// The envelope completes a few seconds after the signer is sent back.
		const back = sim.finishCeremony(recipient.id, 'completed', 3000);
		const noToken = new URL(back);
		noToken.searchParams.delete('esign');
		const refused = await plainRequest(noToken.href);
		expect(refused.status).toBe(401);
		expect(refused.body).toContain('This link is not valid');
		const elsewhere = new URL(back);
		elsewhere.searchParams.set('next', 'https://attacker.example.com/');
		expect((await plainRequest(elsewhere.href)).status).toBe(401);
		const foreign = new URL(back);
		foreign.searchParams.set('envelope_id', 'env_of_another_wait');
		const ignored = await plainRequest(foreign.href);
		expect([ignored.status, ignored.headers.location]).toEqual([302, NEXT]);
		expect(envelopeReads()).toHaveLength(0);
		expect(waiting.status).toBe('waiting');

		const returned = await plainRequest(back);
		expect([returned.status, returned.headers.location]).toEqual([302, NEXT]);
		const { outputs, error } = await waiting.finished;
		expect(error).toBeUndefined();
		// Read until the envelope completed, a few seconds after the redirect.
		expect(envelopeReads().length).toBeGreaterThanOrEqual(2);
		const [item] = outputs['Wait for Signature'];
		expect(item.json).toMatchObject({
			signing_status: 'completed',
			vendor_status: 'completed',
			request_id: envelope.id,
			signers: [{ name: 'Ana Client', email: 'ana@example.com', status: 'completed' }],
			file_name: `${envelope.id}-signed.pdf`,
		});
		expect(item.json.finished_at).toBe(sim.recipients.get(recipient.id)!.completed_at);
		expect(item.binary?.data.mimeType).toBe('application/pdf');
		expect(sim.received('GET', '/envelopes/:id/deliverables')).toHaveLength(1);

		// The signer reloads the page: the execution has gone on, n8n answers 409.
		expect((await plainRequest(back)).status).toBe(409);
		expect(waiting.calls.filter((c) => c.resumed)).toHaveLength(1);
	});

	it('ends as declined when the signer rejects, although the envelope stays in progress; without a Redirect URL the signer sees a closing page', async () => {
		const { recipient, waiting: started } = start({}, { redirectUrl: '' });
		const waiting = await started;
		const returned = await plainRequest(sim.finishCeremony(recipient.id, 'rejected'));
		expect(returned.status).toBe(200);
		expect(returned.headers['content-type']).toContain('text/html');
		expect(returned.body).toContain('You can close this page');
		const { outputs } = await waiting.finished;
		expect(outputs['Wait for Signature'][0].json).toMatchObject({
			signing_status: 'declined',
			vendor_status: 'rejected',
			details: { status: 'in_progress' },
		});
	});

	it('keeps waiting when the signer comes back before the envelope is final; at the limit the items go on as they came in', async () => {
		const { recipient, waiting: started } = start({ resumeAmount: 5, resumeUnit: 'minutes' });
		const waiting = await started;
		// SignatureAPI has not completed the envelope by the time the node stops reading.
		const back = sim.finishCeremony(recipient.id, 'completed', 60_000);
		const calledAt = Date.now();
		const returned = await plainRequest(back);
		expect(returned.headers.location).toBe(NEXT);
		// It read again for its settling time before answering.
		expect(Date.now() - calledAt).toBeGreaterThanOrEqual(12_000);
		expect(envelopeReads().length).toBeGreaterThanOrEqual(5);
		expect(waiting.status).toBe('waiting');
		const { outputs } = await waiting.expire();
		const [item] = outputs['Wait for Signature'];
		expect(item.json).toMatchObject({ recipient_id: recipient.id });
		expect(item.json.signing_status).toBeUndefined();
		expect(item.pairedItem).toEqual({ item: 0 });
	}, 40_000);

	it('refuses to resume through a resume URL that is not https, naming n8n’s WEBHOOK_URL, and sends nothing', async () => {
		const { recipient } = sim.seedEnvelope();
		const { error } = await run(
			'ceremony',
			ceremonyParams({ recipientId: recipient.id, redirectUrl: NEXT, resumeWorkflow: true }),
		);
		expect(error?.message).toBe(
			'Resume Waiting Workflow After Signing needs an https resume URL, and n8n’s is http://127.0.0.1:5678/webhook-waiting/__UNKNOWN__',
		);
		expect((error as { description?: string }).description).toContain('WEBHOOK_URL');
		expect(sim.received('POST', '/recipients/:id/ceremonies')).toHaveLength(0);
	});
});
