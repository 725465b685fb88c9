import type { INode, INodeParameters } from 'n8n-workflow';

import { PACKAGE_NAME } from '../harness/package';
import type { WorkflowJson } from '../harness/run';
import { plainRequest } from '../harness/tls';
import { startWaitingRun } from '../harness/waiting';
import { seedParameters, useUmbrella } from './setup';

const NEXT = seedParameters.redirectUrl;

/** Create Session Link (resuming) → Wait for Signature on the session it created. */
function onboardingWorkflow(wait: INodeParameters = {}): WorkflowJson {
	const node = (name: string, parameters: INodeParameters, x: number): INode => ({
		id: name,
		name,
		type: `${PACKAGE_NAME}.umbrella`,
		typeVersion: 1,
		position: [x, 0],
		parameters: { resource: 'qesOnboarding', ...parameters },
		credentials: { umbrellaApi: { id: 'cred-umbrellaApi', name: 'Umbrella' } },
	});
	return {
		nodes: [
			node('Create Session Link', { ...seedParameters, resumeWorkflow: true }, 0),
			node(
				'Wait for Signature',
				{ operation: 'waitForSignature', sessionId: '={{ $json.requestId }}', ...wait },
				200,
			),
		],
		connections: {
			'Create Session Link': { main: [[{ node: 'Wait for Signature', type: 'main', index: 0 }]] },
		},
	};
}

describe('Umbrella QES → QES Onboarding → Wait for Signature, woken by the session’s redirect', () => {
	const { sim, credentials } = useUmbrella();

	it('sends the signer back through n8n, which reads the session, adds the signed PDF and sends the signer on', async () => {
		const waiting = await startWaitingRun(onboardingWorkflow({ downloadSignedFile: true }), {
			store: credentials(),
		});
		expect(waiting.status).toBe('waiting');
		const [session] = sim.sessions.values();
		const redirect = new URL(String(session.body.redirectUrl));
		expect(redirect.origin + redirect.pathname).toBe(
			new URL(waiting.resumeUrl).origin + new URL(waiting.resumeUrl).pathname,
		);
		expect(redirect.searchParams.get('next')).toBe(NEXT);

		sim.clearLog();
		const tampered = new URL(redirect);
		tampered.searchParams.set('next', 'https://attacker.example.com/');
		expect((await plainRequest(tampered.href)).status).toBe(401);
		expect(sim.received('GET', '/onboarding/getVerification/:sessionId')).toHaveLength(0);

		// Umbrella applies the signature a moment after sending the signer back.
		const back = sim.finishSession(session.requestId, 2000);
		const returned = await plainRequest(back);
		expect([returned.status, returned.headers.location]).toEqual([302, NEXT]);
		const { outputs, error } = await waiting.finished;
		expect(error).toBeUndefined();
		const [item] = outputs['Wait for Signature'];
		expect(item.json).toMatchObject({
			signing_status: 'completed',
			vendor_status: 'completed',
			request_id: session.requestId,
			signers: [{ name: 'Anna Muster', email: 'support@idcanopy.com', status: 'completed' }],
			file_name: 'contract-signed.pdf',
			details: { isVerified: true },
		});
		expect(item.json.finished_at).toEqual(expect.any(String));
		expect(item.binary?.data).toMatchObject({
			fileName: 'contract-signed.pdf',
			mimeType: 'application/pdf',
		});
		// Once the execution went on, the same link changes nothing.
		expect((await plainRequest(back)).status).toBe(409);
		expect(waiting.calls.filter((c) => c.resumed)).toHaveLength(1);
	});
});
