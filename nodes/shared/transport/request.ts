import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type { z } from 'zod';

import { IncomingFile, isStream } from '../binary';
import { resolveBaseUrl } from '../environment';
import { vendorError, type VendorFailure } from '../errors';
import { secretValues } from '../redact';
import { decodeBody, type Failure, thrownFailure } from './failure';
import { Pacer } from './pacer';
import { backoffMs, retryAfterMs } from './retry';
import type { VendorSpec } from './vendor';

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

interface RequestBase {
	/** Path below the credential's base URL (starting with "/"). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | FormData | string;
	headers?: IDataObject;
	/**
	 * "json" (default) parses the answer; "binary" returns the raw bytes; "stream" returns a file
	 * as it arrives (a Readable, for IncomingFile), except a JSON answer, which is read whole.
	 */
	expect?: 'json' | 'binary' | 'stream';
}

/** A read: repeated after 429, 502/503/504 and lost connections, because repeating it changes nothing. */
export interface ReadRequest extends RequestBase {
	method: 'GET';
}

/**
 * What the user is told when a write got no answer, and how to find out what happened. A write is
 * sent again only when the vendor certainly did not act on it (429, 401 before a token renewal, a
 * refused connection): none of these vendors accepts an idempotency key, so any other resend could
 * create a second document, session or signature.
 */
export interface UnknownOutcome<T> {
	/** Completes "it is not known whether …": "the embedded invites were created". */
	happened: string;
	/** What to do about it, in a sentence: "Check with Document → Get before running this item again." */
	advice: string;
	/**
	 * One read that settles the outcome: the answer the write would have given when it went
	 * through, false when the read shows for certain that it did not, undefined when it cannot tell.
	 */
	settle?: () => Promise<T | false | undefined>;
}

export interface WriteRequest<T = unknown> extends RequestBase {
	method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	ifUnknown: UnknownOutcome<T>;
}

export type ApiRequest<T = unknown> = ReadRequest | WriteRequest<T>;

export interface ApiResponse<T> {
	body: T;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

export interface RequestSettings {
	/** Per attempt. */
	timeoutMs: number;
	/**
	 * Repeats after a gateway status or a lost connection (reads only) or a refused connection.
	 * Being told to slow down (429) is waited out within maxWaitMs instead, however often it comes,
	 * so a batch that meets a rate limit shared with other workflows loses no item; 0 repeats
	 * nothing at all.
	 */
	maxRetries: number;
	/** Longest total wait between attempts; a Retry-After beyond it fails the item at once. */
	maxWaitMs: number;
}

export const DEFAULT_SETTINGS: RequestSettings = {
	timeoutMs: 30_000,
	maxRetries: 3,
	maxWaitMs: 60_000,
};

const GATEWAY_STATUS = new Set([502, 503, 504]);

interface RawResponse {
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

/** Lets an answer check (a zod schema) report what an answer lacks. */
type AnswerSchema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

/**
 * One vendor's HTTP client for one node execution: base URL from the credential's environment,
 * authentication by n8n from the credential, a timeout, pacing, bounded retries that never repeat
 * a write the vendor may have acted on, and every failure turned into a NodeApiError with the
 * vendor's code and message. Nothing is kept beyond the execution that created it.
 */
export class ApiClient {
	/**
	 * The credential, read and decrypted once per client (one node execution) and handed to n8n
	 * with every request, instead of n8n reading it from its database for each one. n8n still
	 * applies the credential's authenticate (and preAuthentication, which writes a fetched token
	 * into this object); a token renewal replaces it (see sendRenewingToken).
	 */
	private credentials?: Promise<ICredentialDataDecryptedObject>;

	private base?: Promise<string>;

	/** Bumped by each token renewal this client makes, so parallel 401s renew the token once. */
	private tokenGeneration = 0;

	/** Set while a renewal is under way; settles when the renewing request has its answer. */
	private renewal?: Promise<void>;

	constructor(
		private readonly ctx: RequestContext,
		readonly vendor: VendorSpec,
		private readonly settings: RequestSettings = DEFAULT_SETTINGS,
		private readonly pacer = new Pacer(vendor.rateLimit),
	) {}

	/** The credential's data as this client uses it (see `credentials`). */
	async credential(): Promise<ICredentialDataDecryptedObject> {
		this.credentials ??= this.ctx.getCredentials(this.vendor.credentialType);
		return await this.credentials;
	}

	async baseUrl(): Promise<string> {
		this.base ??= this.credential().then((data) => resolveBaseUrl(data, this.vendor.environments));
		return await this.base;
	}

	/** Current secret values, read fresh so that a token renewed during the run is included. */
	async secrets(): Promise<string[]> {
		const fresh = await this.ctx.getCredentials(this.vendor.credentialType);
		return secretValues(this.vendor.secretFields.map((field) => fresh[field]));
	}

	async request<T = IDataObject>(request: ApiRequest<T>, itemIndex?: number): Promise<T> {
		return (await this.requestFull<T>(request, itemIndex)).body;
	}

	/** A read whose 404 means "not there": undefined instead of an error. */
	async requestUnlessNotFound<T = IDataObject>(
		request: ReadRequest,
		itemIndex?: number,
	): Promise<T | undefined> {
		try {
			return await this.request<T>(request, itemIndex);
		} catch (error) {
			if ((error as NodeApiError).httpCode === '404') return undefined;
			throw error as NodeApiError;
		}
	}

	/** Like request(), and checks the answer against `schema`: an answer lacking what it needs is an error naming it. */
	async requestChecked<T>(
		request: ApiRequest<T>,
		schema: AnswerSchema<T>,
		itemIndex?: number,
	): Promise<T> {
		const body = await this.request<unknown>(request as ApiRequest<unknown>, itemIndex);
		return await this.checkAnswer(body, schema, itemIndex);
	}

	/** Checks an answer against `schema`; what is missing or of the wrong type is named in the error. */
	async checkAnswer<T>(body: unknown, schema: AnswerSchema<T>, itemIndex?: number): Promise<T> {
		const parsed = schema.safeParse(body);
		if (parsed.success) return parsed.data;
		const problems = parsed.error.issues.map((issue) => {
			const where = issue.path.length ? issue.path.join('.') : 'the answer';
			return issue.code === 'invalid_type' && issue.received === 'undefined'
				? `${where} is missing`
				: `${where}: ${issue.message}`;
		});
		throw vendorError(this.ctx.getNode(), {
			vendor: this.vendor.name,
			failure: {
				code: 'incomplete_answer',
				message: `answered without what this operation needs (${problems.join('; ')})`,
				hint: 'The vendor reported success but its answer lacks the fields above, so the result cannot be trusted. Check the item in the vendor’s dashboard.',
			},
			body,
			itemIndex,
			secrets: await this.secrets(),
		});
	}

	async requestFull<T = IDataObject>(
		request: ApiRequest<T>,
		itemIndex?: number,
	): Promise<ApiResponse<T>> {
		const expect = request.expect ?? 'json';
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${await this.baseUrl()}${request.path}`,
			qs: request.qs,
			body: request.body,
			headers: { Accept: expect === 'json' ? 'application/json' : '*/*', ...request.headers },
			json: expect === 'json' && !(request.body instanceof FormData),
			timeout: this.settings.timeoutMs,
			returnFullResponse: true,
			// Every status comes back as a response, read here the same way on n8n 1.x and 2.x.
			ignoreHttpStatusErrors: true,
			...(expect === 'binary' ? { encoding: 'arraybuffer' as const } : {}),
			...(expect === 'stream' ? { encoding: 'stream' as const } : {}),
		};
		const tried = { retries: 0, slowDowns: 0, waited: 0 };
		let renewed = false;
		let renewing: (() => void) | undefined;
		for (;;) {
			await this.pacer.take();
			const generation = this.tokenGeneration;
			const outcome = renewing
				? await this.sendRenewingToken(options, renewing)
				: await this.send(options);
			renewing = undefined;
			// A streamed answer that is not the file (an error, a JSON envelope) is small: read it whole.
			if (
				'statusCode' in outcome &&
				isStream(outcome.body) &&
				(outcome.statusCode >= 300 || isJson(outcome.headers))
			) {
				outcome.body = await readAll(outcome.body);
			}
			if ('statusCode' in outcome && outcome.statusCode < 300) {
				return await this.success<T>(outcome, expect, itemIndex);
			}
			const failure: Failure =
				'statusCode' in outcome
					? {
							kind: 'answer',
							status: outcome.statusCode,
							headers: outcome.headers,
							body: decodeBody(outcome.body),
						}
					: outcome.failure;

			// A refused token: renewed once through the credential, then the request is sent again
			// (the vendor did not act on it). If another request renewed it meanwhile, just resend.
			if (
				failure.kind === 'answer' &&
				failure.status === 401 &&
				this.vendor.tokenField &&
				!renewed
			) {
				renewed = true;
				if (generation === this.tokenGeneration) {
					if (this.renewal) await this.renewal;
					else this.renewal = new Promise<void>((resolve) => (renewing = resolve));
				}
				continue;
			}

			const wait = this.retryWait(failure, tried, request.method);
			if (wait !== undefined && tried.waited + wait <= this.settings.maxWaitMs) {
				tried.waited += wait;
				if (failure.kind === 'answer' && failure.status === 429) {
					tried.slowDowns++;
					this.pacer.pauseFor(wait);
				} else {
					tried.retries++;
				}
				await sleep(wait);
				continue;
			}
			if (request.method !== 'GET' && this.outcomeUnknown(failure)) {
				return await this.settle(request, failure, itemIndex);
			}
			throw await this.toError(failure, itemIndex, { ...tried, wouldWait: wait });
		}
	}

	/** One attempt: the response (any status), or why no response came back. */
	private async send(
		options: IHttpRequestOptions,
		credentialData?: ICredentialDataDecryptedObject,
	): Promise<RawResponse | { failure: Failure }> {
		const type = this.vendor.credentialType;
		try {
			const data = credentialData ?? (await this.credential());
			return (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx,
				type,
				{ ...options },
				{ credentialsDecrypted: { id: '', name: type, type, data } },
			)) as RawResponse;
		} catch (error) {
			return { failure: thrownFailure(error) };
		}
	}

	/**
	 * Sends the request with the credential's token emptied, which makes n8n fetch a new one
	 * (preAuthentication), store it in the credential as usual and write it into the data sent
	 * along, which then becomes this client's credential for the following requests. n8n does this
	 * by itself only after a 401 it sees, and it sees none here because every status comes back as
	 * a response. When the stored credential already holds another token than the refused one
	 * (another execution renewed it), that token is used instead of fetching one more. Requests of
	 * this execution refused the same token meanwhile wait for this one renewal.
	 */
	private async sendRenewingToken(
		options: IHttpRequestOptions,
		done: () => void,
	): Promise<RawResponse | { failure: Failure }> {
		const field = this.vendor.tokenField!;
		try {
			const refused = (await this.credential())[field];
			const current = await this.ctx.getCredentials(this.vendor.credentialType);
			const data =
				current[field] && current[field] !== refused ? { ...current } : { ...current, [field]: '' };
			const outcome = await this.send(options, data);
			if (data[field]) this.credentials = Promise.resolve(data);
			return outcome;
		} finally {
			this.tokenGeneration++;
			this.renewal = undefined;
			done();
		}
	}

	private async success<T>(
		response: RawResponse,
		expect: 'json' | 'binary' | 'stream',
		itemIndex?: number,
	): Promise<ApiResponse<T>> {
		const body = expect === 'json' ? await this.readJson(response, itemIndex) : response.body;
		if (expect !== 'json' && isJson(response.headers)) {
			// A file endpoint may still answer with the vendor's JSON failure envelope.
			await this.throwIfFailure(decodeBody(body), response.statusCode, itemIndex);
		}
		return { body: body as T, headers: response.headers, statusCode: response.statusCode };
	}

	/**
	 * A pre-signed file URL (storage host): fetched without the vendor credential, so the key never
	 * leaves for another host. The file streams (see IncomingFile); its head is read already.
	 */
	async downloadSigned(
		url: string,
		itemIndex?: number,
	): Promise<{ file: IncomingFile; contentType?: string }> {
		const prefix = 'Downloading the file failed';
		let response: RawResponse;
		try {
			response = (await this.ctx.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: this.settings.timeoutMs,
			})) as RawResponse;
		} catch (error) {
			throw await this.toError(thrownFailure(error), itemIndex, undefined, prefix);
		}
		if (response.statusCode >= 300) {
			const body = isStream(response.body) ? await readAll(response.body) : response.body;
			const failure: Failure = {
				kind: 'answer',
				status: response.statusCode,
				headers: response.headers,
				body: decodeBody(body),
			};
			throw await this.toError(failure, itemIndex, undefined, prefix);
		}
		return {
			file: await IncomingFile.from(response.body),
			contentType: response.headers['content-type'] as string | undefined,
		};
	}

	/**
	 * How long to wait before the next attempt, or undefined for no further attempt. Any request is
	 * repeated after 429 and a refused connection (the vendor did not act); only reads are repeated
	 * after a gateway status or a lost answer.
	 */
	private retryWait(
		failure: Failure,
		tried: { retries: number; slowDowns: number },
		method: ApiRequest['method'],
	): number | undefined {
		if (this.settings.maxRetries === 0) return undefined;
		if (failure.kind === 'answer' && failure.status === 429) {
			return retryAfterMs(failure.headers['retry-after']) ?? backoffMs(tried.slowDowns + 1);
		}
		if (tried.retries >= this.settings.maxRetries) return undefined;
		const next = tried.retries + 1;
		if (failure.kind === 'answer') {
			if (method === 'GET' && GATEWAY_STATUS.has(failure.status))
				return retryAfterMs(failure.headers['retry-after']) ?? backoffMs(next);
			return undefined;
		}
		if (failure.kind === 'network' && (failure.reason === 'refused' || method === 'GET'))
			return backoffMs(next);
		return undefined;
	}

	/** A write whose answer was lost on the way: the vendor may or may not have acted. */
	private outcomeUnknown(failure: Failure): boolean {
		if (failure.kind === 'answer') return GATEWAY_STATUS.has(failure.status);
		return (
			failure.kind === 'network' && failure.reason !== 'refused' && failure.reason !== 'unreachable'
		);
	}

	/** Settles a write that got no answer with its read, or reports plainly that its outcome is not known. */
	private async settle<T>(
		request: WriteRequest<T>,
		failure: Failure,
		itemIndex?: number,
	): Promise<ApiResponse<T>> {
		const { happened, advice, settle } = request.ifUnknown;
		const lost = this.lostText(failure);
		let settled: T | false | undefined;
		let checkFailed: string | undefined;
		try {
			settled = await settle?.();
		} catch (error) {
			checkFailed = (error as Error).message;
		}
		if (settled !== undefined && settled !== false)
			return { body: settled, headers: {}, statusCode: 200 };
		const failureText: VendorFailure =
			settled === false
				? {
						code: 'not_applied',
						message: `${lost}, and a check right after shows that ${negate(happened)}`,
						hint: 'Nothing was sent twice. The item can be run again.',
					}
				: {
						code: 'outcome_unknown',
						message: `${lost}, so it is not known whether ${happened}`,
						hint: [
							`The request may have gone through. It was not sent again, so that nothing happens twice. ${advice}`,
							checkFailed ? `The check made right away failed as well: ${checkFailed}` : undefined,
						]
							.filter(Boolean)
							.join(' '),
					};
		throw vendorError(this.ctx.getNode(), {
			vendor: this.vendor.name,
			failure: failureText,
			httpCode: failure.kind === 'answer' ? failure.status : undefined,
			itemIndex,
			secrets: await this.secrets(),
		});
	}

	private lostText(failure: Failure): string {
		if (failure.kind === 'answer')
			return `the answer was lost (HTTP ${failure.status} from the gateway in front of the API)`;
		if (failure.kind === 'network' && failure.reason === 'timeout') {
			return `no answer came within ${Math.round(this.settings.timeoutMs / 1000)} s`;
		}
		return 'the connection closed before the answer arrived';
	}

	private async readJson(response: RawResponse, itemIndex?: number): Promise<unknown> {
		let body = response.body;
		if (typeof body === 'string') {
			if (body.trim() === '') {
				body = {};
			} else {
				try {
					body = JSON.parse(body);
				} catch {
					throw vendorError(this.ctx.getNode(), {
						vendor: this.vendor.name,
						failure: {
							code: 'malformed_response',
							message: `answered HTTP ${response.statusCode} with a body that is not valid JSON`,
							hint: 'This is usually a temporary problem on the vendor side or a proxy in between. Try again later.',
						},
						httpCode: response.statusCode,
						body: { body: String(body).slice(0, 500) },
						itemIndex,
						secrets: await this.secrets(),
					});
				}
			}
		}
		if (body === undefined || body === null) body = {};
		await this.throwIfFailure(body, response.statusCode, itemIndex);
		return body;
	}

	/** For vendors that answer 2xx with a failure inside the body: that failure as an error. */
	private async throwIfFailure(
		body: unknown,
		statusCode: number,
		itemIndex?: number,
	): Promise<void> {
		const failure = this.vendor.failureInBody?.(body);
		if (!failure) return;
		throw vendorError(this.ctx.getNode(), {
			vendor: this.vendor.name,
			failure,
			httpCode: statusCode,
			body,
			itemIndex,
			secrets: await this.secrets(),
		});
	}

	/** Why a 429 or gateway answer was not tried again, and what the user can do. */
	private exhaustedHint(
		status: number,
		tried?: { retries: number; slowDowns: number; waited: number; wouldWait?: number },
	): string {
		const more =
			tried?.wouldWait !== undefined
				? ` and was asked to wait ${Math.ceil(tried.wouldWait / 1000)} s more`
				: '';
		const done =
			status === 429
				? this.settings.maxRetries === 0
					? 'Max Retries is 0, so it was not asked again'
					: `Still told to slow down after waiting ${Math.round((tried?.waited ?? 0) / 1000)} s in all${more}`
				: `Still failing after ${tried?.retries ?? 0} retries${more}`;
		return `${done}. Lower the node's Parallel Requests or try again later.`;
	}

	private async toError(
		failure: Failure,
		itemIndex: number | undefined,
		tried?: { retries: number; slowDowns: number; waited: number; wouldWait?: number },
		prefix?: string,
	): Promise<NodeApiError> {
		const secrets = await this.secrets();
		const node = this.ctx.getNode();
		const lead = prefix ? `${prefix}: ` : '';
		if (failure.kind === 'answer') {
			const vendorFailure = this.vendor.parseError(failure.status, failure.body);
			if (failure.status === 429 || GATEWAY_STATUS.has(failure.status)) {
				vendorFailure.hint = this.exhaustedHint(failure.status, tried);
			}
			vendorFailure.message = `${lead}${vendorFailure.message}`;
			return vendorError(node, {
				vendor: this.vendor.name,
				failure: vendorFailure,
				httpCode: failure.status,
				body: failure.body,
				itemIndex,
				secrets,
			});
		}
		if (failure.kind === 'local') {
			// The request never reached the API (no token, say): the credential's own words say most.
			return vendorError(node, {
				vendor: this.vendor.name,
				failure: { code: failure.code, message: `${lead}${failure.message}`, hint: failure.hint },
				httpCode: failure.status,
				itemIndex,
				secrets,
			});
		}
		const reason: Record<typeof failure.reason, string> = {
			timeout: `did not answer within ${Math.round(this.settings.timeoutMs / 1000)} s`,
			closed: 'closed the connection before answering',
			refused: 'refused the connection (is the environment URL right?)',
			unreachable: 'could not be reached (is the environment URL right?)',
		};
		// The network code goes in the description: n8n replaces any message that contains one
		// (ECONNRESET, ...) with its own generic text.
		const vendorFailure: VendorFailure = {
			message: `${lead}the API ${reason[failure.reason]}`,
			hint: `Network error ${failure.code}.`,
		};
		return vendorError(node, {
			vendor: this.vendor.name,
			failure: vendorFailure,
			itemIndex,
			secrets,
		});
	}
}

function isJson(headers: RawResponse['headers']): boolean {
	return String(headers['content-type'] ?? '').includes('json');
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
	return Buffer.concat(chunks);
}

/** "the invites were created" → "the invites were not created", for the settled message. */
function negate(happened: string): string {
	const negated = happened.replace(/\b(was|were|is|are|has|have)\b/, '$1 not');
	return negated === happened ? `it did not happen (${happened})` : negated;
}
