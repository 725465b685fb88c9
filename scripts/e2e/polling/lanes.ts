/**
 * The three polling triggers as `npm run e2e:polling` drives them: per vendor its workflow (the
 * trigger alone, polling every few seconds), how to make changes in its simulator and which runs
 * they must start, and how to tell what a run was started for.
 */
import type { LeegalitySimulator } from '../../../test/simulators/leegality';
import type { SignatureApiSimulator } from '../../../test/simulators/signatureapi';
import type { SignNowSimulator } from '../../../test/simulators/signnow';
import type { SimRequest } from '../../../test/simulators/base';
import { e2eCredential } from '../lib/simulators';
import type { E2eCredential, Workflow } from '../lib/types';
import { credentialRef, PACKAGE, triggerWorkflow } from '../lib/workflows';

/** Seconds between polls: Poll Times holds "every minute at second S" for S = 0, 2, …, 58. */
export const POLL_SECONDS = 2;

/** n8n's Poll Times parameter for a poll every POLL_SECONDS (a plain second: both lines take it). */
export const pollTimes = {
	item: Array.from({ length: 60 / POLL_SECONDS }, (_, i) => ({
		mode: 'custom',
		cronExpression: `${i * POLL_SECONDS} * * * * *`,
	})),
};

export interface PollLane {
	vendor: string;
	workflow: Workflow;
	credential: E2eCredential;
	/** The simulator's requests of the list the trigger reads: one or more per poll. */
	listRequests(): SimRequest[];
	/** Makes changes in the simulator; the key of each run they must start. */
	change(): string[];
	/** The key of a run, read from the trigger's item. */
	keyOf(json: Record<string, any>): string;
	/** Makes the next poll's list request get the vendor's 429, with a Retry-After beyond what a poll waits. */
	refuseNextPoll(): void;
}

const TRIGGER = 'Polling Trigger';

function workflow(vendor: string, type: string, credential: E2eCredential, parameters: object) {
	return triggerWorkflow(`polling: ${vendor}`, {
		name: TRIGGER,
		type: `${PACKAGE}.${type}`,
		parameters: { ...parameters, pollTimes },
		credentials: credentialRef(credential),
	});
}

/** The node whose output every run starts with. */
export const TRIGGER_NODE = TRIGGER;

let serial = 0;

export function signatureApiLane(sim: SignatureApiSimulator): PollLane {
	const credential = e2eCredential('signatureApiApi', sim.credential());
	return {
		vendor: 'SignatureAPI',
		credential,
		workflow: workflow('SignatureAPI', 'signatureApiPollingTrigger', credential, {
			events: ['envelope.completed', 'deliverable.generated'],
			filters: {},
		}),
		listRequests: () => sim.received('GET', '/events'),
		change() {
			const { envelope } = sim.seedEnvelope({ metadata: { order: String(++serial) } });
			return sim
				.completeWithEvents(envelope.id)
				.filter((e) => e.type !== 'recipient.completed')
				.map((e) => e.id);
		},
		keyOf: (json) => String(json.id),
		refuseNextPoll() {
			sim.inject(
				{
					kind: 'status',
					status: 429,
					headers: { 'content-type': 'application/problem+json', 'retry-after': '600' },
					body: {
						type: 'https://signatureapi.com/docs/v1/errors/too-many-requests',
						title: 'Too Many Requests',
						status: 429,
						detail:
							'Rate limit exceeded. Retry after the number of seconds in the Retry-After header.',
					},
				},
				1,
				(req) => req.path === '/events',
			);
		},
	};
}

export function signNowLane(sim: SignNowSimulator): PollLane {
	const credential = e2eCredential('signNowApi', sim.credential());
	return {
		vendor: 'signNow',
		credential,
		workflow: workflow('signNow', 'signNowPollingTrigger', credential, {
			scope: 'user',
			events: ['document.complete'],
		}),
		listRequests: () => sim.received('GET', '/user/documentsv2'),
		change() {
			return [1, 2].map(() => {
				const document = sim.seed({ document_name: `Polled ${++serial}`, roleNames: ['Signer 1'] });
				const [invite] = sim.addInvites(document.id, ['signer@example.com']);
				sim.signAt(document.id, invite.id);
				return `user.document.complete ${document.id}`;
			});
		},
		keyOf: (json) => `${json.meta?.event} ${json.content?.document_id}`,
		refuseNextPoll() {
			sim.inject(
				{
					kind: 'status',
					status: 429,
					headers: { 'retry-after': '600' },
					body: { errors: [{ code: 429, message: 'Too many requests' }] },
				},
				1,
				(req) => req.path === '/user/documentsv2',
			);
		},
	};
}

export function leegalityLane(sim: LeegalitySimulator): PollLane {
	const credential = e2eCredential('leegalityApi', sim.credential());
	return {
		vendor: 'Leegality',
		credential,
		workflow: workflow('Leegality', 'leegalityPollingTrigger', credential, {
			events: ['document.completed'],
			q: '',
		}),
		listRequests: () => sim.received('GET', '/v3.0/sign/request/list'),
		change() {
			return [1, 2].map(() => {
				const document = sim.seed({ name: `Polled ${++serial}` });
				sim.completeDocument(document.documentId);
				return `document.completed ${document.documentId}`;
			});
		},
		keyOf: (json) => `${json.event} ${json.documentId}`,
		// Leegality documents no 429; its failures come as HTTP 200 with status 0.
		refuseNextPoll() {
			sim.inject(
				{
					kind: 'status',
					status: 200,
					body: {
						status: 0,
						data: {},
						messages: [{ code: 'too.many.requests', message: 'Too many requests' }],
					},
				},
				1,
				(req) => req.path === '/v3.0/sign/request/list',
			);
		},
	};
}
