/**
 * `npm run bench`: how fast this package's nodes are next to n8n's HTTP Request node doing the
 * same calls, in a real n8n (the e2e install) against the vendor simulators. Each case has one
 * workflow per side (a Code node making N items, then the measured node); the sides alternate
 * within one run over several repetitions, and the table gives each side's node execution time
 * from n8n's run data and the median ratio package / HTTP Request. Times on a shared machine are
 * noisy: the ratio, measured side by side, is the figure that counts; the load average
 * (1 min / 5 min) is printed with every row.
 *
 *   E2E_LINES=1|2 (default 1)   BENCH_REPS=3   BENCH_CASES=a,b,c,d,e,load (default all)
 *   BENCH_CONCURRENCY=<n>: the package's nodes run with Parallel Requests n instead of their default
 *   BENCH_CPU_PROF=<folder>: each n8n process writes a V8 CPU profile there (node --cpu-prof);
 *   scripts/e2e/bench/profile.js <file> lists where the time went
 *
 * Not part of CI: it takes about 15 minutes and its times depend on the machine's load.
 */
import { execFileSync } from 'node:child_process';

import { DOCSIGNER_CONSENT } from '../../../nodes/Leegality/actions/fields';
import { LeegalitySimulator } from '../../../test/simulators/leegality';
import { LuminSimulator } from '../../../test/simulators/lumin';
import { SignatureApiSimulator } from '../../../test/simulators/signatureapi';
import { SignNowSimulator } from '../../../test/simulators/signnow';
import { UmbrellaSimulator } from '../../../test/simulators/umbrella';
import { interrupted, runMain } from '../lib/cleanup';
import type { ExecuteResult } from '../lib/execute-result';
import { root, selectedLines } from '../lib/installs';
import { N8n } from '../lib/n8n';
import { e2eCredential, type Started, startSimulators } from '../lib/simulators';
import type { E2eCredential, Line, Workflow } from '../lib/types';
import { PACKAGE } from '../lib/workflows';
import { coldLoad } from './coldload';
import { MemorySampler } from './memory';
import { load, median, megabytes, seconds } from './stats';
import {
	headerCredential,
	type HttpCall,
	httpWorkflow,
	MEASURED,
	packageWorkflow,
} from './workflows';
const REPS = Number(process.env.BENCH_REPS ?? 3);
const CASES = (process.env.BENCH_CASES ?? 'a,b,c,d,e,load').split(',').map((c) => c.trim());
const BENCH_TOKEN = 'bench-http-request-token';
const BENCH_PROFILE = 'bnchPrf';
/** Sign URLs of the Leegality invitations: this prefix and the item number, 12 digits. */
const LEEGALITY_SIGN_URL = 'https://sandbox.leegality.com/sign/00000000-0000-4000-8000-';

type Sims = Started<{
	lumin: LuminSimulator;
	signatureApi: SignatureApiSimulator;
	signNow: SignNowSimulator;
	umbrella: UmbrellaSimulator;
	leegality: LeegalitySimulator;
}>;

type SimKey = 'lumin' | 'signatureApi' | 'signNow' | 'umbrella' | 'leegality';

type Side = 'package' | 'http';

interface RunFigures {
	ms: number;
	items: number;
	failed: number;
	/** Case-specific facts (token requests, memory). */
	notes: string[];
	ok: boolean;
	load: string;
}

interface BenchCase {
	key: string;
	title: string;
	sim: SimKey;
	latencyMs: number;
	count: number;
	/** Code-node expression of `i` for each item. */
	item: string;
	/** The package side: node type and parameters. */
	node: { type: string; parameters: Record<string, unknown>; credential: string };
	http: HttpCall;
	reps?: number;
	env?: Record<string, string>;
	sampleMemory?: boolean;
	/** Called before each run of a side. */
	before?(sims: Sims, side: Side): void;
	/** Facts about one run and whether it met the case's bound. */
	check?(
		sims: Sims,
		side: Side,
		figures: RunFigures,
		extra: { memory?: MemorySampler; firstRequestAt?: number },
	): void;
}

const hex40 = 'i.toString(16).padStart(40, "0")';

function cases(sims: Sims): BenchCase[] {
	const luminGet = (latencyMs: number): BenchCase => ({
		key: `a${latencyMs}`,
		title: `(a) Lumin Get x1000, ${latencyMs} ms latency`,
		sim: 'lumin',
		latencyMs,
		count: 1000,
		item: '({ id: "sr_bench_" + i })',
		node: {
			type: 'lumin',
			credential: 'luminApi',
			parameters: {
				resource: 'signatureRequest',
				operation: 'get',
				signatureRequestId: '={{ $json.id }}',
			},
		},
		http: { method: 'GET', url: `={{ "${sims.lumin.baseUrl}/signature_request/" + $json.id }}` },
	});
	const luminSend = (latencyMs: number): BenchCase => ({
		key: `b${latencyMs}`,
		title: `(b) Lumin Send x1000, ${latencyMs} ms latency`,
		sim: 'lumin',
		latencyMs,
		count: 1000,
		item: '({ n: i })',
		node: {
			type: 'lumin',
			credential: 'luminApi',
			parameters: {
				resource: 'signatureRequest',
				operation: 'send',
				documentSource: 'url',
				fileUrls: 'https://example.com/contract.pdf',
				title: '={{ "Agreement " + $json.n }}',
				expiresAt: '2035-01-01T00:00:00.000Z',
				signers: { signer: [{ name: 'Sam Signer', email: 'sam@example.com' }] },
				signingType: 'SAME_TIME',
				options: {},
			},
		},
		http: {
			method: 'POST',
			url: `${sims.lumin.baseUrl}/signature_request/send`,
			jsonBody:
				'={{ JSON.stringify({ title: "Agreement " + $json.n, expires_at: 2051222400000, signers: [{ email_address: "sam@example.com", name: "Sam Signer" }], viewers: [], signing_type: "SAME_TIME", use_text_tags: false, file_url: "https://example.com/contract.pdf" }) }}',
		},
	});
	const umbrellaCreate = (latencyMs: number): BenchCase => ({
		key: `b${latencyMs}u`,
		title: `(b) Umbrella Create Session Link x1000, ${latencyMs} ms latency`,
		sim: 'umbrella',
		latencyMs,
		count: 1000,
		item: '({ n: i })',
		node: {
			type: 'umbrella',
			credential: 'umbrellaApi',
			parameters: {
				resource: 'qesOnboarding',
				operation: 'createSessionLink',
				email: '={{ "signer" + $json.n + "@example.com" }}',
				phoneNumber: '+436501234567',
				redirectUrl: 'https://example.com/onboarding/done',
				docUrl: 'https://cdn.example.com/contracts/contract.pdf',
				signForms: { field: [{ fieldId: 'Signature1', actorId: 'userToIdentify' }] },
			},
		},
		http: {
			method: 'POST',
			url: `${sims.umbrella.baseUrl}/onboarding/createSessionLink`,
			jsonBody:
				'={{ JSON.stringify({ email: "signer" + $json.n + "@example.com", phoneNumber: "+436501234567", redirectUrl: "https://example.com/onboarding/done", docUrl: "https://cdn.example.com/contracts/contract.pdf", signForms: [{ fieldId: "Signature1", actorId: "userToIdentify" }] }) }}',
		},
	});
	const signNowLink = (latencyMs: number): BenchCase => ({
		key: `b${latencyMs}s`,
		title: `(b) signNow Generate Embedded Link x1000, ${latencyMs} ms latency`,
		sim: 'signNow',
		latencyMs,
		count: 1000,
		item: '({ id: "1" + i.toString(16).padStart(39, "0"), invite: "f" + i.toString(16).padStart(39, "0") })',
		node: {
			type: 'signNow',
			credential: 'signNowApi',
			parameters: {
				resource: 'embeddedInvite',
				operation: 'generateLink',
				documentId: '={{ $json.id }}',
				fieldInviteId: '={{ $json.invite }}',
				authMethod: 'none',
				options: { linkExpiration: 30 },
			},
		},
		http: {
			method: 'POST',
			url: `={{ "${sims.signNow.baseUrl}/v2/documents/" + $json.id + "/embedded-invites/" + $json.invite + "/link" }}`,
			jsonBody: '={{ JSON.stringify({ auth_method: "none", link_expiration: 30 }) }}',
		},
	});
	const leegalitySign = (latencyMs: number): BenchCase => ({
		key: `b${latencyMs}l`,
		title: `(b) Leegality DocSigner Sign Invitation x1000, ${latencyMs} ms latency`,
		sim: 'leegality',
		latencyMs,
		count: 1000,
		item: `({ url: "${LEEGALITY_SIGN_URL}" + String(i).padStart(12, "0") })`,
		node: {
			type: 'leegality',
			credential: 'leegalityApi',
			parameters: {
				resource: 'docSigner',
				operation: 'signInvitation',
				signUrl: '={{ $json.url }}',
				profileId: BENCH_PROFILE,
				consent: true,
			},
		},
		http: {
			method: 'POST',
			url: `${sims.leegality.baseUrl}/v3.0/sign/docSigner/invitation`,
			jsonBody: `={{ JSON.stringify({ signUrl: $json.url, profileId: "${BENCH_PROFILE}", consent: ${JSON.stringify(DOCSIGNER_CONSENT)} }) }}`,
		},
		// A signed invitation cannot be signed again: every run starts with all of them unsigned.
		before: (s) => {
			for (const doc of s.leegality.documents.values()) {
				doc.status = 'SENT';
				for (const invitation of doc.invitations) invitation.signed = false;
			}
		},
		// Leegality answers HTTP 200 with status 0 when it refuses: count those on both sides.
		check: (s, side, figures) => {
			const signed = [...s.leegality.documents.values()].filter((d) =>
				d.invitations.every((i) => i.signed),
			).length;
			figures.notes.push(`${side === 'package' ? 'signed' : 'signed (HTTP Request)'}: ${signed}`);
			if (side === 'package') figures.ok = figures.failed === 0 && signed === 1000;
		},
	});
	return [
		luminGet(0),
		luminGet(20),
		luminSend(0),
		luminSend(20),
		umbrellaCreate(0),
		umbrellaCreate(20),
		signNowLink(0),
		signNowLink(20),
		leegalitySign(0),
		leegalitySign(20),
		{
			key: 'c',
			title: '(c) SignatureAPI Create Ceremony x200 at 10 req/s',
			sim: 'signatureApi',
			latencyMs: 0,
			count: 200,
			item: '({ id: "re_bench_" + i })',
			reps: 1,
			node: {
				type: 'signatureApi',
				credential: 'signatureApiApi',
				parameters: {
					resource: 'ceremony',
					operation: 'create',
					recipientId: '={{ $json.id }}',
					authentication: { method: [{ type: 'custom', provider: 'bench-app', data: '{}' }] },
					redirectUrl: '',
					redirectDelay: 3,
					urlVariant: 'standard',
					embeddableIn: '',
				},
			},
			http: {
				method: 'POST',
				url: `={{ "${sims.signatureApi.baseUrl}/recipients/" + $json.id + "/ceremonies" }}`,
				jsonBody:
					'={{ JSON.stringify({ authentication: [{ type: "custom", provider: "bench-app", data: {} }] }) }}',
			},
			before: (s) => s.signatureApi.resetRate(),
			check: (s, side, figures) => {
				const floorMs = (200 / s.signatureApi.rate.perSecond) * 1000;
				figures.notes.push(`429s: ${s.signatureApi.throttled.length}; floor ${seconds(floorMs)} s`);
				if (side === 'package') figures.ok = figures.failed === 0 && figures.ms <= 1.1 * floorMs;
			},
		},
		{
			key: 'd',
			title: '(d) Umbrella Get Verification x500, token fetched by the credential',
			sim: 'umbrella',
			latencyMs: 0,
			count: 500,
			item: '({ id: "00000000-0000-4000-8000-" + String(i).padStart(12, "0") })',
			node: {
				type: 'umbrella',
				credential: 'umbrellaApi',
				parameters: {
					resource: 'qesOnboarding',
					operation: 'getVerification',
					sessionId: '={{ $json.id }}',
				},
			},
			http: {
				method: 'GET',
				url: `={{ "${sims.umbrella.baseUrl}/onboarding/getVerification/" + $json.id }}`,
			},
			// Every run starts with the stored token expired, so the node must fetch one.
			before: (s) => {
				s.umbrella.tokens.clear();
				s.umbrella.tokens.set(BENCH_TOKEN, Date.now() + 86_400_000);
			},
			check: (s, side, figures) => {
				const auth = s.umbrella.received('POST', '/auth').length;
				if (side === 'package') {
					figures.notes.push(`/auth calls: ${auth}`);
					figures.ok = figures.failed === 0 && auth === 1;
				}
			},
		},
		{
			key: 'e',
			title: '(e) signNow Download x100 signed PDFs of 10 MB (binary data mode: filesystem)',
			sim: 'signNow',
			latencyMs: 0,
			count: 100,
			item: `({ id: ${hex40} })`,
			reps: 1,
			env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' },
			sampleMemory: true,
			node: {
				type: 'signNow',
				credential: 'signNowApi',
				parameters: {
					resource: 'document',
					operation: 'download',
					documentId: '={{ $json.id }}',
					binaryPropertyName: 'data',
				},
			},
			http: {
				method: 'GET',
				url: `={{ "${sims.signNow.baseUrl}/document/" + $json.id + "/download?type=collapsed" }}`,
				file: true,
			},
			check: (_s, side, figures, { memory, firstRequestAt }) => {
				if (!memory || firstRequestAt === undefined) return;
				const start = memory.rssAt(firstRequestAt);
				const peak = memory.peakSince(firstRequestAt);
				figures.notes.push(
					`RSS ${megabytes(start)} MB at start, peak ${megabytes(peak)} MB (+${megabytes(peak - start)} MB); VmHWM ${megabytes(memory.hwmKb)} MB`,
				);
				if (side === 'package') figures.ok = figures.failed === 0 && peak - start <= 200 * 1024;
			},
		},
	];
}

async function startSims(): Promise<Sims> {
	const s = await startSimulators({
		lumin: () => new LuminSimulator(),
		signatureApi: () => new SignatureApiSimulator(),
		signNow: () => new SignNowSimulator(),
		umbrella: () => new UmbrellaSimulator(),
		leegality: () => new LeegalitySimulator(),
	});
	for (let i = 0; i < 1000; i++) s.lumin.seed({ signature_request_id: `sr_bench_${i}` });
	for (let i = 0; i < 200; i++) s.signatureApi.seedEnvelope({}, { id: `re_bench_${i}` });
	for (let i = 0; i < 500; i++)
		s.umbrella.seed(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
	for (let i = 0; i < 100; i++)
		s.signNow.seed({ id: i.toString(16).padStart(40, '0'), document_name: `signed-${i}` });
	s.signNow.fileBytes = 10 * 1024 * 1024;
	// Documents with one embedded invite each, for Generate Link; the invite ID is the document's with an f in front.
	for (let i = 0; i < 1000; i++) {
		const id = `1${i.toString(16).padStart(39, '0')}`;
		const doc = s.signNow.seed({ id, document_name: `invite-${i}`, roleNames: ['Signer 1'] });
		const role = doc.roles[0];
		doc.field_invites = [
			{
				id: `f${id.slice(1)}`,
				email: `signer${i}@example.com`,
				role: role.name,
				role_id: role.unique_id,
				order: 1,
				status: 'pending',
				is_embedded: true,
				auth_method: 'none',
			},
		];
	}
	for (let i = 0; i < 1000; i++)
		s.leegality.seedDocSignerInvitation({
			token: s.leegality.authToken,
			signUrl: `${LEEGALITY_SIGN_URL}${String(i).padStart(12, '0')}`,
			profileId: BENCH_PROFILE,
		});
	s.signNow.tokens.add(BENCH_TOKEN);
	s.umbrella.tokens.set(BENCH_TOKEN, Date.now() + 86_400_000);
	return s;
}

function credentialsFor(sims: Sims): {
	vendor: Record<string, E2eCredential>;
	header: Record<SimKey, E2eCredential>;
} {
	const vendor = {
		luminApi: e2eCredential('luminApi', sims.lumin.credential()),
		signatureApiApi: e2eCredential('signatureApiApi', sims.signatureApi.credential()),
		signNowApi: e2eCredential('signNowApi', sims.signNow.credential()),
		umbrellaApi: e2eCredential('umbrellaApi', sims.umbrella.credential()),
		leegalityApi: e2eCredential('leegalityApi', sims.leegality.credential()),
	};
	const header = {
		lumin: headerCredential('lumin', 'X-API-Key', sims.lumin.apiKey),
		signatureApi: headerCredential('signatureapi', 'X-API-Key', sims.signatureApi.testKey),
		signNow: headerCredential('signnow', 'Authorization', `Bearer ${BENCH_TOKEN}`),
		umbrella: headerCredential('umbrella', 'Authorization', `Bearer ${BENCH_TOKEN}`),
		leegality: headerCredential('leegality', 'X-Auth-Token', sims.leegality.authToken),
	};
	return { vendor, header };
}

function figuresOf(result: ExecuteResult): RunFigures {
	const run = result.run?.data.resultData.runData[MEASURED]?.[0] as
		| { executionTime?: number; data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }
		| undefined;
	const items = run?.data?.main?.[0] ?? [];
	return {
		ms: run?.executionTime ?? Number.NaN,
		items: items.length,
		failed: items.filter((item) => item.json.error !== undefined).length,
		notes: result.run ? [] : [`no run: ${result.tail.slice(-2500)}`],
		ok: result.run !== undefined,
		load: load(),
	};
}

interface Row {
	case: string;
	side: Side;
	runs: RunFigures[];
}

async function runCase(
	n8n: N8n,
	sims: Sims,
	bench: BenchCase,
	ids: Record<Side, string>,
): Promise<Row[]> {
	const rows: Record<Side, Row> = {
		package: { case: bench.key, side: 'package', runs: [] },
		http: { case: bench.key, side: 'http', runs: [] },
	};
	const reps = bench.reps ?? REPS;
	for (let rep = 0; rep < reps; rep++) {
		// Alternate which side goes first, so that neither always meets a warmer or cooler machine.
		const order: Side[] = rep % 2 === 0 ? ['package', 'http'] : ['http', 'package'];
		for (const side of order) {
			const sim = sims[bench.sim];
			sim.latencyMs = bench.latencyMs;
			sim.clearLog();
			bench.before?.(sims, side);
			let memory: MemorySampler | undefined;
			const profile = process.env.BENCH_CPU_PROF;
			const result = await n8n.execute(ids[side], {
				env: bench.env,
				nodeArgs: profile
					? [
							'--cpu-prof',
							`--cpu-prof-dir=${profile}`,
							`--cpu-prof-name=${bench.key}-${side}-${rep + 1}.cpuprofile`,
						]
					: [],
				onSpawn: (pid) => {
					if (bench.sampleMemory) memory = new MemorySampler(pid);
				},
			});
			memory?.stop();
			const figures = figuresOf(result);
			if (figures.items !== bench.count)
				figures.notes.push(`${figures.items} of ${bench.count} items`);
			if (figures.failed) {
				const first = result.run?.data.resultData.runData[MEASURED]?.[0] as
					| { data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }
					| undefined;
				const error = first?.data?.main?.[0]?.find((item) => item.json.error !== undefined)?.json
					.error;
				figures.notes.push(`first failure: ${JSON.stringify(error).slice(0, 160)}`);
			}
			bench.check?.(sims, side, figures, { memory, firstRequestAt: sim.requests[0]?.at });
			sim.latencyMs = 0;
			rows[side].runs.push(figures);
			console.log(
				`  ${bench.key} ${side.padEnd(7)} rep ${rep + 1}: ${seconds(figures.ms)} s, ${figures.items} items, ${figures.failed} failed, load ${figures.load}${figures.notes.length ? `; ${figures.notes.join('; ')}` : ''}`,
			);
		}
	}
	return [rows.package, rows.http];
}

function packedSize(): { packed: number; unpacked: number; files: number } {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' });
	const [info] = JSON.parse(out) as Array<{
		size: number;
		unpackedSize: number;
		entryCount: number;
	}>;
	return { packed: info.size, unpacked: info.unpackedSize, files: info.entryCount };
}

async function runLine(line: Line): Promise<void> {
	console.log(
		`\n=== Benchmark in n8n ${line.n8nVersion} (line ${line.id}.x), ${REPS} repetitions, load ${load()} ===\n`,
	);
	const n8n = await N8n.create(line);
	const sims = await startSims();
	try {
		const { vendor, header } = credentialsFor(sims);
		await n8n.importCredentials([...Object.values(vendor), ...Object.values(header)]);
		const selected = cases(sims).filter((c) => CASES.includes(c.key) || CASES.includes(c.key[0]));
		const workflows: Workflow[] = [];
		for (const c of selected) {
			const concurrency = process.env.BENCH_CONCURRENCY
				? { requestSettings: { concurrency: Number(process.env.BENCH_CONCURRENCY) } }
				: {};
			workflows.push(
				packageWorkflow(
					`bench ${c.key} package`,
					c.count,
					c.item,
					c.node.type,
					{ ...c.node.parameters, ...concurrency },
					vendor[c.node.credential as keyof typeof vendor],
				),
			);
			workflows.push(httpWorkflow(`bench ${c.key} http`, c.count, c.item, c.http, header[c.sim]));
		}
		const imported = workflows.length
			? await n8n.importWorkflows(workflows, [...Object.values(vendor), ...Object.values(header)])
			: [];
		const rows: Row[] = [];
		for (const [index, c] of selected.entries()) {
			if (interrupted()) return;
			console.log(`${c.title}`);
			rows.push(
				...(await runCase(n8n, sims, c, {
					package: imported[2 * index],
					http: imported[2 * index + 1],
				})),
			);
		}
		printTable(line, selected, rows);
		if (CASES.includes('load')) {
			const loads = Array.from({ length: 5 }, () => coldLoad(n8n, PACKAGE));
			const size = packedSize();
			console.log(
				`\nPackage cold load (n8n's PackageDirectoryLoader, fresh process, 5 runs): median ${median(loads.map((l) => l.ms)).toFixed(0)} ms for ${loads[0].nodes} nodes and ${loads[0].credentials} credentials (runs: ${loads.map((l) => l.ms.toFixed(0)).join(', ')} ms; load ${load()})`,
			);
			console.log(
				`Packed tarball: ${(size.packed / 1024).toFixed(1)} kB (${(size.unpacked / 1024).toFixed(1)} kB unpacked, ${size.files} files)`,
			);
		}
	} finally {
		await sims.stop();
		await n8n.dispose();
	}
}

function printTable(line: Line, selected: BenchCase[], rows: Row[]) {
	const table = selected.map((c) => {
		const pkg = rows.find((r) => r.case === c.key && r.side === 'package')!;
		const http = rows.find((r) => r.case === c.key && r.side === 'http')!;
		const ratios = pkg.runs.map((run, i) => run.ms / (http.runs[i]?.ms ?? Number.NaN));
		const ok = pkg.runs.every((r) => r.ok);
		return {
			case: c.title,
			'package s': pkg.runs.map((r) => seconds(r.ms)).join(' '),
			'HTTP Request s': http.runs.map((r) => seconds(r.ms)).join(' '),
			'median ratio': median(ratios).toFixed(2),
			'failed (pkg/http)': `${pkg.runs.reduce((n, r) => n + r.failed, 0)}/${http.runs.reduce((n, r) => n + r.failed, 0)}`,
			bound: c.check ? (ok ? 'met' : 'NOT met') : '',
			notes: [...new Set(pkg.runs.flatMap((r) => r.notes))].join('; '),
			load: pkg.runs.map((r) => r.load).join(' '),
		};
	});
	console.log(
		`\nn8n ${line.n8nVersion} (line ${line.id}.x), node execution time from n8n's run data; ratio = package / HTTP Request, per repetition, median:`,
	);
	console.table(table);
}

runMain('bench', async () => {
	for (const line of selectedLines(process.env.E2E_LINES ?? '1'))
		if (!interrupted()) await runLine(line);
});
