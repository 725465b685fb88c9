import {
	createServer,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

/** A request as the simulator received it, kept for assertions. */
export interface SimRequest {
	method: string;
	/** Path below the simulator's base path, without the query. */
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	/** Parsed JSON, form fields, or multipart fields (files in `parts`). */
	body: any;
	parts?: MultipartPart[];
	params: Record<string, string>;
	at: number;
}

export interface SimResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Sent as is instead of JSON. */
	raw?: Buffer | string;
}

export type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

/** Faults the next matching requests get instead of the normal answer. */
export type Fault =
	| { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
	| { kind: 'slow'; delayMs: number }
	| { kind: 'malformed' }
	| { kind: 'drop' }
	/**
	 * The vendor acts on the request (the route runs and changes the simulator's state), then the
	 * answer is lost on the way back: a gateway status instead of it, a dropped connection, or an
	 * answer so late that the client has given up.
	 */
	| { kind: 'applied'; then: 'drop' | 502 | 503 | 504 | { delayMs: number } };

interface Route {
	method: string;
	pattern: RegExp;
	keys: string[];
	handler: Handler;
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
	const keys: string[] = [];
	const source = path.replace(/:([A-Za-z_]+)/g, (_, key: string) => {
		keys.push(key);
		return '([^/]+)';
	});
	return { pattern: new RegExp(`^${source}$`), keys };
}

function parseMultipart(raw: Buffer, contentType: string): MultipartPart[] {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!boundary) return [];
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const parts: MultipartPart[] = [];
	let start = raw.indexOf(delimiter);
	while (start !== -1) {
		const next = raw.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const chunk = raw.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = chunk.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const head = chunk.subarray(0, headerEnd).toString('utf8');
			const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
			const filename = /filename="([^"]*)"/i.exec(head)?.[1];
			const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
			parts.push({ name, filename, contentType: type, data: chunk.subarray(headerEnd + 4) });
		}
		start = next;
	}
	return parts;
}

/**
 * A vendor simulator: a real HTTP server on 127.0.0.1 with routes written from the vendor's
 * documentation. Every request is recorded; faults can be queued for the next requests.
 */
export class Simulator {
	readonly requests: SimRequest[] = [];
	/** Requests the vendor acted on (a route ran), with the answer it meant to give, lost or not. */
	readonly applied: Array<{ request: SimRequest; answer: SimResponse }> = [];
	private readonly routes: Route[] = [];
	private readonly faults: Array<{ fault: Fault; match?: (req: SimRequest) => boolean }> = [];
	private readonly reactions: Array<{ match: (req: SimRequest) => boolean; action: () => void }> =
		[];
	private server?: Server;
	private origin = '';
	private inFlight = 0;
	/** Most requests the simulator was handling at the same time. */
	maxInFlight = 0;
	/** Added before every answer, as a remote API's round trip would (benchmarks; tests leave it 0). */
	latencyMs = 0;
	/**
	 * When set, every file this simulator serves is a valid PDF of this many bytes (benchmarks).
	 * One copy per size is built and shared by all answers, so many downloads hold no more memory.
	 */
	fileBytes?: number;
	private largeFile?: Buffer;

	constructor(readonly basePath = '') {}

	/** http://127.0.0.1:port plus the base path: what a credential's Custom URL is set to. */
	get baseUrl(): string {
		return `${this.origin}${this.basePath}`;
	}

	get originUrl(): string {
		return this.origin;
	}

	route(method: string, path: string, handler: Handler): this {
		this.routes.push({ method, ...compile(path), handler });
		return this;
	}

	/** The next `times` matching requests get `fault`. */
	inject(fault: Fault, times = 1, match?: (req: SimRequest) => boolean): this {
		for (let i = 0; i < times; i++) this.faults.push({ fault, match });
		return this;
	}

	/**
	 * Runs `action` once, right after the vendor has acted on the first request matching `match`
	 * (that request still sees the state before): how a test plays a signer who signs while a
	 * node is reading the request again and again.
	 */
	afterRequest(match: (req: SimRequest) => boolean, action: () => void): this {
		this.reactions.push({ match, action });
		return this;
	}

	/** Recorded requests, optionally only one method and path (":param" patterns allowed). */
	received(method?: string, path?: string): SimRequest[] {
		const matcher = path ? compile(path).pattern : undefined;
		return this.requests.filter(
			(r) => (!method || r.method === method) && (!matcher || matcher.test(r.path)),
		);
	}

	clearLog() {
		this.reactions.length = 0;
		this.requests.length = 0;
		this.applied.length = 0;
		this.maxInFlight = 0;
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			// A handler or an answer that cannot be written (a header with characters HTTP does not
			// allow, say) must fail the request at once, not leave the client waiting for its timeout.
			this.handle(req, res).catch((error: unknown) => {
				if (res.headersSent) res.destroy();
				else
					res
						.writeHead(500, { 'content-type': 'application/json' })
						.end(JSON.stringify({ message: `simulator error: ${String(error)}` }));
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
		res.on('close', () => this.inFlight--);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', this.origin);
		const path = url.pathname.startsWith(this.basePath)
			? url.pathname.slice(this.basePath.length) || '/'
			: url.pathname;
		const contentType = String(req.headers['content-type'] ?? '');
		const sim: SimRequest = {
			method: req.method ?? 'GET',
			path,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			rawBody,
			body: undefined,
			params: {},
			at: Date.now(),
		};
		if (contentType.includes('multipart/form-data')) {
			sim.parts = parseMultipart(rawBody, contentType);
			sim.body = Object.fromEntries(
				sim.parts
					.filter((p) => p.filename === undefined)
					.map((p) => [p.name, p.data.toString('utf8')]),
			);
		} else if (contentType.includes('application/x-www-form-urlencoded')) {
			sim.body = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
		} else if (rawBody.length) {
			try {
				sim.body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				sim.body = rawBody.toString('utf8');
			}
		}
		this.requests.push(sim);
		if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));

		const faultIndex = this.faults.findIndex((f) => !f.match || f.match(sim));
		let lost: Extract<Fault, { kind: 'applied' }>['then'] | undefined;
		if (faultIndex !== -1) {
			const [{ fault }] = this.faults.splice(faultIndex, 1);
			if (fault.kind === 'applied') lost = fault.then;
			if (fault.kind === 'drop') {
				req.socket.destroy();
				return;
			}
			if (fault.kind === 'malformed') {
				res.writeHead(200, { 'content-type': 'application/json' }).end('{"truncated": ');
				return;
			}
			if (fault.kind === 'status') {
				res
					.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers })
					.end(JSON.stringify(fault.body ?? {}));
				return;
			}
			if (fault.kind === 'slow') {
				await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
				if (res.destroyed || req.socket.destroyed) return;
			}
		}

		const route = this.routes.find((r) => r.method === sim.method && r.pattern.test(path));
		const answer: SimResponse = route
			? await this.run(route, sim)
			: { status: 404, body: { message: `No route ${sim.method} ${path}` } };
		if (route) this.applied.push({ request: sim, answer });
		const reaction = this.reactions.findIndex((r) => r.match(sim));
		if (reaction !== -1) this.reactions.splice(reaction, 1)[0].action();
		if (lost === 'drop') {
			req.socket.destroy();
			return;
		}
		if (typeof lost === 'number') {
			res
				.writeHead(lost, { 'content-type': 'text/html' })
				.end(`<html><body>${lost} from the gateway</body></html>`);
			return;
		}
		if (lost) {
			await new Promise((resolve) => setTimeout(resolve, lost.delayMs));
			if (res.destroyed || req.socket.destroyed) return;
		}
		if (answer.raw !== undefined) {
			res.writeHead(answer.status, answer.headers ?? {}).end(answer.raw);
		} else {
			res
				.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
				.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
		}
	}

	/** The file to serve for `label`: samplePdf(label), or the shared large PDF when fileBytes is set. */
	servedFile(label: string): Buffer {
		if (!this.fileBytes) return samplePdf(label);
		if (this.largeFile?.length !== this.fileBytes) this.largeFile = paddedPdf(this.fileBytes);
		return this.largeFile;
	}

	private async run(route: Route, sim: SimRequest): Promise<SimResponse> {
		const match = route.pattern.exec(sim.path)!;
		route.keys.forEach((key, i) => (sim.params[key] = decodeURIComponent(match[i + 1])));
		try {
			return await route.handler(sim);
		} catch (error) {
			return { status: 500, body: { message: `simulator error: ${String(error)}` } };
		}
	}
}

/** A small valid PDF for uploads and downloads. */
export function samplePdf(label = 'signed'): Buffer {
	return Buffer.from(
		`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${label}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
		'utf8',
	);
}

/** A valid PDF of exactly `bytes` bytes (at least samplePdf's size): samplePdf with a comment of padding. */
export function paddedPdf(bytes: number): Buffer {
	const head = samplePdf('padded')
		.toString('latin1')
		.replace(/trailer[\s\S]*$/, '');
	const tail = 'trailer<</Root 1 0 R>>\n%%EOF\n';
	const padding = Math.max(0, bytes - head.length - tail.length - 2);
	return Buffer.concat([
		Buffer.from(`${head}%`, 'latin1'),
		Buffer.alloc(padding, 0x20),
		Buffer.from(`\n${tail}`, 'latin1'),
	]);
}

export function isEmail(value: unknown): value is string {
	return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
