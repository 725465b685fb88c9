/**
 * The production workflows of `npm run e2e:wait`: a Webhook starts each, the step that hands
 * out the signing link comes next where the vendor wakes the wait through the signer's browser,
 * then Wait for Signature and a No Operation node the workflow goes on to.
 */
import { randomUUID } from 'node:crypto';

import type { E2eCredential, Workflow, WorkflowNode } from '../lib/types';
import { credentialRef, PACKAGE, webhookNode } from '../lib/workflows';

/** Where the signer is sent after n8n has read the result. */
export const NEXT = 'https://app.example.com/orders/1042/signed';

export const WAIT_NODE = 'Wait for Signature';
export const LAST_NODE = 'Signed';

export type WaitCase = 'signNow' | 'signNowLimit' | 'signatureApi' | 'umbrella';

function chain(name: string, nodes: WorkflowNode[]): Workflow {
	const all = [
		webhookNode('Webhook'),
		...nodes,
		{
			id: randomUUID(),
			name: LAST_NODE,
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: {},
		},
	].map((node, n) => ({ ...node, position: [n * 240, 0] as [number, number] }));
	return {
		name,
		nodes: all,
		connections: Object.fromEntries(
			all
				.slice(0, -1)
				.map((node, n) => [
					node.name,
					{ main: [[{ node: all[n + 1].name, type: 'main', index: 0 }]] },
				]),
		),
		settings: { executionOrder: 'v1' },
	};
}

function ours(
	name: string,
	type: string,
	credential: E2eCredential,
	parameters: Record<string, unknown>,
): WorkflowNode {
	return {
		id: randomUUID(),
		name,
		type: `${PACKAGE}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: credentialRef(credential),
	};
}

const download = { downloadSignedFile: true, binaryPropertyName: 'data' };

export function waitWorkflows(credentials: {
	signNow: E2eCredential;
	signatureApi: E2eCredential;
	umbrella: E2eCredential;
}): Record<WaitCase, Workflow> {
	const signNowWait = (limit: Record<string, unknown>) =>
		ours(WAIT_NODE, 'signNow', credentials.signNow, {
			resource: 'document',
			operation: 'waitForSignature',
			documentId: '={{ $json.body.documentId }}',
			...download,
			limitWaitTime: true,
			limitType: 'afterTimeInterval',
			...limit,
		});
	return {
		signNow: chain('e2e:wait signNow', [signNowWait({ resumeAmount: 1, resumeUnit: 'days' })]),
		// A limit of three seconds: n8n's timer resumes the execution without running the node.
		signNowLimit: chain('e2e:wait signNow limit', [
			signNowWait({ resumeAmount: 0.05, resumeUnit: 'minutes' }),
		]),
		signatureApi: chain('e2e:wait SignatureAPI', [
			ours('Create Ceremony', 'signatureApi', credentials.signatureApi, {
				resource: 'ceremony',
				operation: 'create',
				recipientId: '={{ $json.body.recipientId }}',
				authentication: { method: [{ type: 'custom', provider: 'shop-login', data: '{}' }] },
				redirectUrl: NEXT,
				redirectDelay: 0,
				urlVariant: 'standard',
				embeddableIn: '',
				resumeWorkflow: true,
			}),
			ours(WAIT_NODE, 'signatureApi', credentials.signatureApi, {
				resource: 'envelope',
				operation: 'waitForSignature',
				envelopeId: '={{ $node["Webhook"].json.body.envelopeId }}',
				...download,
			}),
		]),
		umbrella: chain('e2e:wait Umbrella', [
			ours('Create Session Link', 'umbrella', credentials.umbrella, {
				resource: 'qesOnboarding',
				operation: 'createSessionLink',
				email: 'anna.muster@example.com',
				phoneNumber: '+436501234567',
				redirectUrl: NEXT,
				docUrl: 'https://cdn.example.com/contracts/employment-contract.pdf',
				signForms: { field: [{ fieldId: 'Signature1', actorId: 'userToIdentify' }] },
				resumeWorkflow: true,
			}),
			ours(WAIT_NODE, 'umbrella', credentials.umbrella, {
				resource: 'qesOnboarding',
				operation: 'waitForSignature',
				sessionId: '={{ $json.requestId }}',
				...download,
			}),
		]),
	};
}
