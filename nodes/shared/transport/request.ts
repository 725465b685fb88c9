import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import type { NodeApiError } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { resolveBaseUrl } from '../environment';
import { vendorError } from '../errors';
import { secretValues } from '../redact';
import { Pacer } from './pacer';
import { backoffMs, RETRYABLE_STATUS, retryAfterMs } from './retry';
import type { VendorSpec } from './vendor';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL (starting with "/"). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | FormData | string;
	headers?: IDataObject;
	/** "json" (default) parses the answer; "binary" returns the raw bytes. */
	expect?: 'json' | 'binary';
}

export interface ApiResponse<T> {
	body: T;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

export interface RequestSettings {
	/** Per attempt. */
	timeoutMs: number;
	/** Retries after the first attempt, for 429 and 502/503/504. */
	maxRetries: number;
	/** Longest total wait between attempts; a Retry-After beyond it fails the item at once. */
	maxWaitMs: number;
}

export const DEFAULT_SETTINGS: RequestSettings = { timeoutMs: 30_000, maxRetries: 3, maxWaitMs: 60_000 };

interface FailedAnswer {
	status?: number;
	headers: Record<string, unknown>;
	body: unknown;
	networkCode?: string;
}

function failedAnswer(error: unknown): FailedAnswer {
	const err = error as { cause?: unknown; response?: unknown; code?: string };
	const cause = (err.cause ?? err) as {
		response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
		code?: string;
	};
	const response = cause.response ?? (err.response as typeof cause.response);
	return {
		status: response?.status,
		headers: response?.headers ?? {},
		body: decodeBody(response?.data),
		networkCode: cause.code ?? err.code,
	};
}

function decodeBody(data: unknown): unknown {
	const text = Buffer.isBuffer(data)
		? data.toString('utf8')
		: data instanceof ArrayBuffer
			? Buffer.from(data).toString('utf8')
			: data;
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * One vendor's HTTP client for one node execution: base URL from the credential's environment,
 * authentication by n8n from the credential, a timeout, pacing, bounded retries on 429 and
 * 502/503/504, and every failure turned into a NodeApiError with the vendor's code and message.
 * Nothing is kept beyond the execution that created it.
 */
export class ApiClient {
	private credentials?: Promise<ICredentialDataDecryptedObject>;

	constructor(
		private readonly ctx: RequestContext,
		readonly vendor: VendorSpec,
		private readonly settings: RequestSettings = DEFAULT_SETTINGS,
		private readonly pacer = new Pacer(vendor.rateLimit),
	) {}

	private async credential(): Promise<ICredentialDataDecryptedObject> {
		this.credentials ??= this.ctx.getCredentials(this.vendor.credentialType);
		return await this.credentials;
	}

	async baseUrl(): Promise<string> {
		return resolveBaseUrl(await this.credential(), this.vendor.environments);
	}

	/** Current secret values, read fresh so that a token refreshed during the run is included. */
	async secrets(): Promise<string[]> {
		const fresh = await this.ctx.getCredentials(this.vendor.credentialType);
		return secretValues(this.vendor.secretFields.map((field) => fresh[field]));
	}

	async request<T = IDataObject>(request: ApiRequest, itemIndex?: number): Promise<T> {
		return (await this.requestFull<T>(request, itemIndex)).body;
	}

	async requestFull<T = IDataObject>(request: ApiRequest, itemIndex?: number): Promise<ApiResponse<T>> {
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
			...(expect === 'binary' ? { encoding: 'arraybuffer' as const } : {}),
		};
		let waited = 0;
		let resentAfterRefresh = false;
		for (let attempt = 1; ; attempt++) {
			await this.pacer.take();
			let response: { body: unknown; headers: ApiResponse<T>['headers']; statusCode: number };
			try {
				response = await this.ctx.helpers.httpRequestWithAuthentication.call(
					this.ctx,
					this.vendor.credentialType,
					options,
				);
			} catch (error) {
				const answer = failedAnswer(error);
				// On a 401 n8n renews a credential's token but does not resend a multipart body; a
				// FormData can be sent again, with the renewed token, once.
				if (answer.status === 401 && options.body instanceof FormData && !resentAfterRefresh) {
					resentAfterRefresh = true;
					continue;
				}
				const wait = this.retryWait(answer, attempt, request.method);
				if (wait !== undefined && waited + wait <= this.settings.maxWaitMs) {
					waited += wait;
					if (answer.status === 429) this.pacer.pauseFor(wait);
					await sleep(wait);
					continue;
				}
				throw await this.toError(answer, error, itemIndex, wait);
			}
			const body = expect === 'json' ? await this.readJson(response, itemIndex) : response.body;
			if (expect === 'binary' && String(response.headers['content-type'] ?? '').includes('json')) {
				// A file endpoint may still answer with the vendor's JSON failure envelope.
				await this.throwIfFailure(decodeBody(body), response.statusCode, itemIndex);
			}
			return { body: body as T, headers: response.headers, statusCode: response.statusCode };
		}
	}

	/** A pre-signed file URL (storage host): fetched without the vendor credential, so the key never leaves for another host. */
	async downloadSigned(url: string, itemIndex?: number): Promise<{ data: Buffer; contentType?: string }> {
		try {
			const response = (await this.ctx.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'arraybuffer',
				returnFullResponse: true,
				timeout: this.settings.timeoutMs,
			})) as { body: ArrayBuffer | Buffer; headers: Record<string, string | undefined> };
			return { data: Buffer.from(response.body as ArrayBuffer), contentType: response.headers['content-type'] };
		} catch (error) {
			throw await this.toError(failedAnswer(error), error, itemIndex, undefined, 'Downloading the file failed');
		}
	}

	private retryWait(answer: FailedAnswer, attempt: number, method: IHttpRequestMethods): number | undefined {
		if (attempt > this.settings.maxRetries) return undefined;
		if (answer.status !== undefined && RETRYABLE_STATUS.has(answer.status)) {
			return retryAfterMs(answer.headers['retry-after']) ?? backoffMs(attempt);
		}
		// A dropped connection on a read is safe to repeat; a write might have been applied.
		if (answer.status === undefined && method === 'GET' && answer.networkCode === 'ECONNRESET') {
			return backoffMs(attempt);
		}
		return undefined;
	}

	private async readJson(
		response: { body: unknown; headers: ApiResponse<unknown>['headers']; statusCode: number },
		itemIndex?: number,
	): Promise<unknown> {
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
	private async throwIfFailure(body: unknown, statusCode: number, itemIndex?: number): Promise<void> {
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

	private async toError(
		answer: FailedAnswer,
		original: unknown,
		itemIndex: number | undefined,
		wouldWait: number | undefined,
		prefix?: string,
	): Promise<NodeApiError> {
		const secrets = await this.secrets();
		const node = this.ctx.getNode();
		if (answer.status !== undefined) {
			const failure = this.vendor.parseError(answer.status, answer.body);
			if (answer.status === 429 || RETRYABLE_STATUS.has(answer.status)) {
				const waitText = wouldWait !== undefined ? ` (asked to wait ${Math.ceil(wouldWait / 1000)} s more)` : '';
				failure.hint = `Still failing after ${this.settings.maxRetries} retries${waitText}. Lower the node's Parallel Requests or try again later.`;
			}
			if (prefix) failure.message = `${prefix}: ${failure.message}`;
			return vendorError(node, {
				vendor: this.vendor.name,
				failure,
				httpCode: answer.status,
				body: answer.body,
				itemIndex,
				secrets,
			});
		}
		const code = answer.networkCode;
		if (!code) {
			// Neither an HTTP answer nor a network failure: e.g. the credential could not obtain a
			// token. Its own message says more than a generic network error would.
			const own = original instanceof Error ? original.message : String(original);
			return vendorError(node, {
				vendor: this.vendor.name,
				failure: { message: `${prefix ? `${prefix}: ` : ''}${own}` },
				itemIndex,
				secrets,
			});
		}
		const reason =
			code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(String((original as Error)?.message))
				? `did not answer within ${Math.round(this.settings.timeoutMs / 1000)} s`
				: code === 'ECONNRESET'
					? 'closed the connection before answering'
					: code === 'ECONNREFUSED'
						? 'refused the connection (is the environment URL right?)'
						: `could not be reached (${code})`;
		// The network code goes in the description: n8n replaces any message that contains one
		// (ECONNRESET, ...) with its own generic text.
		return vendorError(node, {
			vendor: this.vendor.name,
			failure: {
				message: `${prefix ? `${prefix}: ` : ''}the API ${reason}`,
				hint: code ? `Network error ${code}.` : undefined,
			},
			itemIndex,
			secrets,
		});
	}
}
