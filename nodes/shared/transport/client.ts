import type { IDataObject, IHttpRequestOptions, NodeApiError } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { Connection } from './connection';
import { decodeBody, type Failure, thrownFailure } from './failure';
import { IncomingFile, isStream, readAll } from './incomingFile';
import { Pacer } from './pacer';
import {
	type AnswerSchema,
	type ApiRequest,
	type ApiResponse,
	DEFAULT_SETTINGS,
	type RawResponse,
	type ReadRequest,
	type RequestContext,
	type RequestSettings,
	type WriteRequest,
} from './request';
import { type Attempts, isSlowDown, outcomeUnknown, retryWait } from './retry';
import type { VendorSpec } from './vendor';
import { incompleteAnswer, lostText, malformedAnswer, unsettledFailure } from './wording';

/**
 * One vendor's HTTP client for one node execution: base URL from the credential's environment,
 * authentication by n8n from the credential (see connection.ts), a timeout, pacing, bounded
 * retries that never repeat a write the vendor may have acted on (see retry.ts), and every failure
 * turned into a NodeApiError with the vendor's code and message (see wording.ts). Nothing is kept
 * beyond the execution that created it. Each vendor's calls are written once, in its own
 * transport folder, on top of this.
 */
export class ApiClient extends Connection {
	constructor(
		ctx: RequestContext,
		vendor: VendorSpec,
		settings: RequestSettings = DEFAULT_SETTINGS,
		private readonly pacer = new Pacer(vendor.rateLimit),
	) {
		super(ctx, vendor, settings);
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
		throw await this.error(incompleteAnswer(parsed.error.issues), { body, itemIndex });
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
		const tried: Attempts = { retries: 0, slowDowns: 0, waited: 0 };
		let renewed = false;
		let renewing: (() => void) | undefined;
		for (;;) {
			await this.pacer.take();
			const generation = this.tokenInUse();
			const outcome = await this.attempt(options, renewing);
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
			const failure: Failure = 'statusCode' in outcome ? answerFailure(outcome) : outcome.failure;

			// A refused token: renewed once through the credential, then the request is sent again
			// (the vendor did not act on it). If another request renewed it meanwhile, just resend.
			if (
				failure.kind === 'answer' &&
				failure.status === 401 &&
				this.vendor.tokenField &&
				!renewed
			) {
				renewed = true;
				renewing = await this.renewalAfter(generation);
				continue;
			}

			const wait = retryWait(failure, tried, request.method, this.settings.maxRetries);
			if (wait !== undefined && tried.waited + wait <= this.settings.maxWaitMs) {
				tried.waited += wait;
				if (isSlowDown(failure)) {
					tried.slowDowns++;
					this.pacer.pauseFor(wait);
				} else {
					tried.retries++;
				}
				await sleep(wait);
				continue;
			}
			if (request.method !== 'GET' && outcomeUnknown(failure)) {
				return await this.settle(request, failure, itemIndex);
			}
			throw await this.toError(failure, itemIndex, { ...tried, wouldWait: wait });
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
			if (isStream(response.body)) response.body = await readAll(response.body);
			throw await this.toError(answerFailure(response), itemIndex, undefined, prefix);
		}
		return {
			file: await IncomingFile.from(response.body),
			contentType: response.headers['content-type'] as string | undefined,
		};
	}

	/** Settles a write that got no answer with its read, or reports plainly that its outcome is not known. */
	private async settle<T>(
		request: WriteRequest<T>,
		failure: Failure,
		itemIndex?: number,
	): Promise<ApiResponse<T>> {
		let settled: T | false | undefined;
		let checkFailed: string | undefined;
		try {
			settled = await request.ifUnknown.settle?.();
		} catch (error) {
			checkFailed = (error as Error).message;
		}
		if (settled !== undefined && settled !== false)
			return { body: settled, headers: {}, statusCode: 200 };
		const lost = lostText(failure, this.settings.timeoutMs);
		throw await this.error(
			unsettledFailure(lost, request.ifUnknown, settled === false, checkFailed),
			{
				httpCode: failure.kind === 'answer' ? failure.status : undefined,
				itemIndex,
			},
		);
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
					throw await this.error(malformedAnswer(response.statusCode), {
						httpCode: response.statusCode,
						body: { body: String(body).slice(0, 500) },
						itemIndex,
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
		if (failure) throw await this.error(failure, { httpCode: statusCode, body, itemIndex });
	}
}

/** Whether an answer says it is JSON (a vendor's envelope or error rather than a file). */
export function isJson(headers: RawResponse['headers']): boolean {
	return String(headers['content-type'] ?? '').includes('json');
}

/** A non-2xx answer as a Failure, its body decoded where it is JSON. */
function answerFailure(response: RawResponse): Failure {
	return {
		kind: 'answer',
		status: response.statusCode,
		headers: response.headers,
		body: decodeBody(response.body),
	};
}
