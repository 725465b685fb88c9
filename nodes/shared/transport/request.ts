import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import type { z } from 'zod';

/** What a request is: the shapes every vendor transport fills in and the client sends. */

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions
	| IPollFunctions;

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

/** An answer as n8n's request helper returns it with `returnFullResponse`, any status. */
export interface RawResponse {
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

/** Lets an answer check (a zod schema) report what an answer lacks. */
export type AnswerSchema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

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
