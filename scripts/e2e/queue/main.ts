/**
 * `npm run e2e:queue`: the package in n8n's queue mode, as users who outgrow one n8n run it: n8n
 * main with EXECUTIONS_MODE=queue on PostgreSQL, two `n8n worker` processes taking jobs from
 * Redis, the package installed as a community package, the vendor simulators beside them.
 *
 * - every example workflow runs on a worker: its Manual Trigger is swapped for a Webhook node and
 *   the workflow is activated, the way production work reaches workers (a Manual Trigger only
 *   runs from the editor); the worker's log names the execution;
 * - tokens kept in the credential: 10 executions of 20 items started together through Umbrella
 *   Create Session Link and signNow Get Document, first with no token, then with an expired one;
 * - SignatureAPI's 10 requests/s per key while 4 executions of 50 ceremonies run on 2 workers;
 * - triggers: a signed SignatureAPI delivery runs once on a worker (also when sent twice), a
 *   forged one starts nothing; signNow activation registers one subscription per event.
 *
 * Redis and PostgreSQL come from Debian (installed with apt-get when missing) and run as this
 * script's processes; everything is stopped at the end and on Ctrl-C. E2E_LINES=1 or 2 runs one line.
 */
import { randomBytes } from 'node:crypto';

import { SignatureApiSimulator } from '../../../test/simulators/signatureapi';
import { SignNowSimulator } from '../../../test/simulators/signnow';
import { UmbrellaSimulator } from '../../../test/simulators/umbrella';
import { runMain } from '../lib/cleanup';
import { N8n } from '../lib/n8n';
import { perLine } from '../lib/per-line';
import { prepareDemo, startDemoSimulators, startSimulators } from '../lib/simulators';
import type { E2eCredential, Line } from '../lib/types';
import {
	credentialRef,
	PACKAGE,
	readExamples,
	triggerWorkflow,
	waitsForCallback,
} from '../lib/workflows';
import {
	ceremoniesUnderRateLimit,
	type Lane,
	type Row,
	runExamples,
	signedDelivery,
	signNowActivation,
	SIGNNOW_EVENTS,
	type Sims,
	tokenSharing,
	WORKER_CONCURRENCY,
	WORKERS,
} from './scenarios';
import { type QueueServices, startQueueServices } from './services';
import { asWebhookWorkflow, fanOutWorkflow } from './workflows';

const SIGNNOW_DOCUMENT_ID = 'e2e0queue0document0for0token0sharing000';
const SIGNNOW_WATCHED_ID = 'e2e0queue0document0watched0by0trigger00';

async function startSims(): Promise<Sims> {
	const sims = await startSimulators({
		umbrella: () => new UmbrellaSimulator(),
		signNow: () => new SignNowSimulator(),
		signatureApi: () => new SignatureApiSimulator(),
	});
	sims.signNow.seed({
		id: SIGNNOW_DOCUMENT_ID,
		document_name: 'Agreement read by every item',
		roleNames: ['Signer 1'],
	});
	sims.signNow.seed({
		id: SIGNNOW_WATCHED_ID,
		document_name: 'Watched agreement',
		roleNames: ['Signer 1'],
	});
	const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
	// IDs of their own, so that these credentials start without a token whatever the examples did.
	const credential = (id: string, type: string, data: Record<string, unknown>): E2eCredential => ({
		id,
		name: `${type} (queue test)`,
		type,
		data,
	});
	return Object.assign(sims, {
		webhookSecret,
		credentials: {
			umbrella: credential('queueUmbrella001', 'umbrellaApi', sims.umbrella.credential()),
			signNow: credential('queueSignNow0001', 'signNowApi', sims.signNow.credential()),
			signNowTrigger: credential('queueSignNow0002', 'signNowApi', sims.signNow.credential()),
			signatureApi: credential('queueSignatureAp', 'signatureApiApi', {
				...sims.signatureApi.credential(),
				webhookSecret,
			}),
		},
	});
}

async function runLine(line: Line, services: QueueServices): Promise<Row[]> {
	const queueEnv = {
		...services.queueMode(`line_${line.id}_${Date.now()}`),
		// 1.x runs editor executions on main unless told; 2.x always offloads them (the variable is gone).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		QUEUE_WORKER_TIMEOUT: '10',
	};
	const n8n = await N8n.create(line, { env: queueEnv });
	const demo = await startDemoSimulators();
	const sims = await startSims();
	try {
		// Examples waiting for a vendor's call need an https n8n: npm run e2e runs them, and
		// npm run e2e:wait runs such waits in queue mode.
		const examples = readExamples()
			.filter(({ workflow }) => !waitsForCallback(workflow))
			.map(({ file, workflow }) => ({
				file,
				workflow: asWebhookWorkflow(workflow),
			}));
		const { credentials: c } = sims;
		const umbrellaFanOut = fanOutWorkflow('queue: Umbrella tokens', {
			type: `${PACKAGE}.umbrella`,
			parameters: {
				resource: 'qesOnboarding',
				operation: 'createSessionLink',
				email: '={{ $json.email }}',
				phoneNumber: '+436501234567',
				redirectUrl: 'https://example.com/onboarding/success',
				docUrl: 'https://cdn.example.com/contracts/employment-contract.pdf',
				signForms: { field: [{ fieldId: 'Signature1', actorId: 'userToIdentify' }] },
			},
			credentials: credentialRef(c.umbrella),
		});
		const signNowFanOut = fanOutWorkflow('queue: signNow tokens', {
			type: `${PACKAGE}.signNow`,
			parameters: {
				resource: 'document',
				operation: 'get',
				documentId: '={{ $json.documentId }}',
				simplify: true,
			},
			credentials: credentialRef(c.signNow),
		});
		const ceremonies = fanOutWorkflow('queue: SignatureAPI ceremonies', {
			type: `${PACKAGE}.signatureApi`,
			parameters: {
				resource: 'ceremony',
				operation: 'create',
				recipientId: '={{ $json.id }}',
				authentication: {
					method: [{ type: 'custom', provider: 'my-app-login', data: '{"order_id":"1042"}' }],
				},
				redirectUrl: 'https://app.example.com/signed',
				urlVariant: 'standard',
				embeddableIn: 'https://app.example.com',
			},
			credentials: credentialRef(c.signatureApi),
		});
		const signatureTrigger = triggerWorkflow('queue: SignatureAPI Trigger', {
			name: 'SignatureAPI Trigger',
			type: `${PACKAGE}.signatureApiTrigger`,
			parameters: { events: ['envelope.completed'] },
			credentials: credentialRef(c.signatureApi),
		});
		const signNowTrigger = triggerWorkflow('queue: signNow Trigger', {
			name: 'signNow Trigger',
			type: `${PACKAGE}.signNowTrigger`,
			parameters: { scope: 'document', documentId: SIGNNOW_WATCHED_ID, events: SIGNNOW_EVENTS },
			credentials: credentialRef(c.signNowTrigger),
		});
		const credentials = [
			...demo.credentials,
			c.umbrella,
			c.signNow,
			c.signNowTrigger,
			c.signatureApi,
		];
		const workflows = [
			...examples.map((e) => e.workflow),
			umbrellaFanOut,
			signNowFanOut,
			ceremonies,
			signatureTrigger,
			signNowTrigger,
		];
		await n8n.importCredentials(credentials);
		const imported = await n8n.importWorkflows(workflows, credentials);
		const ids = new Map(workflows.map((w, i) => [w.name, imported[i]]));

		console.log(`Starting n8n main and ${WORKERS} workers…`);
		const server = await n8n.start();
		const workers = await Promise.all(
			Array.from({ length: WORKERS }, () => n8n.startWorker({}, WORKER_CONCURRENCY)),
		);
		console.log(
			`main on ${server.baseUrl}, ${workers.length} workers (concurrency ${WORKER_CONCURRENCY} each), PostgreSQL :${services.postgres.port}, Redis :${services.redis.port}\n`,
		);
		const lane: Lane = { line, n8n, server, workers, sims, ids };

		const rows: Row[] = [];
		rows.push(
			...(await runExamples(lane, examples, (workflow) => prepareDemo(demo.running, workflow))),
		);
		rows.push(
			...(await tokenSharing(
				lane,
				'Umbrella Create Session Link',
				umbrellaFanOut,
				(i) => ({ email: `signer.${i}@example.com` }),
				() => sims.umbrella.received('POST', '/auth').length,
				() => sims.umbrella.expireTokens(),
			)),
		);
		rows.push(
			...(await tokenSharing(
				lane,
				'signNow Get Document',
				signNowFanOut,
				() => ({ documentId: SIGNNOW_DOCUMENT_ID }),
				() => sims.signNow.received('POST', '/oauth2/token').length,
				() => sims.signNow.expireTokens(),
			)),
		);
		rows.push(await ceremoniesUnderRateLimit(lane, ceremonies));
		rows.push(await signedDelivery(lane, signatureTrigger));
		rows.push(await signNowActivation(lane, signNowTrigger));
		return rows;
	} finally {
		await n8n.dispose();
		await sims.stop();
		await demo.stop();
	}
}

runMain('e2e:queue', async () => {
	const started = Date.now();
	const services = await startQueueServices();
	let results: Map<string, Row[]>;
	try {
		const lines = await perLine(
			`Queue mode, main + ${WORKERS} workers, PostgreSQL, Redis`,
			(line) => runLine(line, services),
			(): Row[] => [
				{ scenario: 'the line did not run', ok: false, calls: '', items: '', perWorker: '' },
			],
		);
		for (const { line, seconds } of lines) console.log(`line ${line.id}.x: ${seconds} s`);
		results = new Map(lines.map(({ line, result }) => [line.id, result]));
	} finally {
		await services.stop();
	}
	let passed = 0;
	let failed = 0;
	for (const [id, rows] of results) {
		console.log(`\nQueue mode on n8n ${id}.x:`);
		console.table(
			Object.fromEntries(
				rows.map((r) => [
					r.scenario,
					{
						result: r.ok ? 'pass' : 'FAIL',
						'token / API calls': r.calls,
						items: r.items,
						'executions per worker': r.perWorker,
					},
				]),
			),
		);
		for (const r of rows) r.ok ? passed++ : failed++;
	}
	console.log(
		`e2e:queue: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`,
	);
	return failed;
});
