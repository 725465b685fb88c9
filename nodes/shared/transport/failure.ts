/**
 * What went wrong with one attempt, read the same way on n8n 1.x and 2.x.
 *
 * Requests are sent with `ignoreHttpStatusErrors`, so every HTTP answer, error statuses included,
 * comes back to the client as a response with its status, headers and body: nothing depends on how
 * a given n8n line wraps HTTP errors. Only a request that got no answer at all (refused, reset,
 * timed out) still arrives as an error, and both lines wrap it in a NodeApiError: 2.x keeps the
 * network error as `cause` with its `code`, 1.x drops `cause` and keeps the original message in
 * `messages` (and replaces `message` with a descriptive text chosen by that code). The reason is
 * therefore read from every place either line keeps it.
 */

/** Starts every error of a credential's token request (see token.ts): nothing reached the API. */
export const TOKEN_FAILURE = 'Could not obtain an access token from';

export type NetworkReason = 'refused' | 'timeout' | 'closed' | 'unreachable';

export type Failure =
	/** The vendor (or a gateway in front of it) answered with a non-2xx status. */
	| { kind: 'answer'; status: number; headers: Record<string, unknown>; body: unknown }
	/** No answer arrived. `refused` means nothing was sent; the others may have reached the vendor. */
	| { kind: 'network'; reason: NetworkReason; code: string }
	/**
	 * The request never reached the API: the credential could not obtain a token (with the token
	 * endpoint's status and code when it answered), or n8n refused to send it.
	 */
	| { kind: 'local'; message: string; status?: number; code?: string; hint?: string };

const PATTERNS: Array<[NetworkReason, string, RegExp]> = [
	// n8n 1.x's descriptive texts are matched too, because on that line they replace the code.
	['refused', 'ECONNREFUSED', /ECONNREFUSED|refused the connection/i],
	[
		'timeout',
		'ETIMEDOUT',
		/ETIMEDOUT|ECONNABORTED|ESOCKETTIMEDOUT|timeout of \d+ms|timed? ?out|connection was aborted/i,
	],
	[
		'unreachable',
		'ENOTFOUND',
		/ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|cannot be established|host is unreachable|DNS server/i,
	],
	[
		'closed',
		'ECONNRESET',
		/ECONNRESET|EPIPE|socket hang up|closed unexpectedly|aborted|ERR_STREAM_PREMATURE_CLOSE/i,
	],
];

function texts(error: unknown): string[] {
	const e = (error ?? {}) as {
		code?: unknown;
		message?: unknown;
		messages?: unknown;
		description?: unknown;
		cause?: { code?: unknown; message?: unknown };
	};
	const list = [
		e.cause?.code,
		e.code,
		e.cause?.message,
		...(Array.isArray(e.messages) ? e.messages : []),
		e.message,
		e.description,
	];
	return list.filter((t): t is string => typeof t === 'string' && t !== '');
}

/** Classifies an error thrown by n8n's request helper (no HTTP answer came back). */
export function thrownFailure(error: unknown): Failure {
	const candidates = texts(error);
	const tokenFailure = candidates.find((text) => text.includes(TOKEN_FAILURE));
	if (tokenFailure)
		return readTokenFailure(tokenFailure.slice(tokenFailure.indexOf(TOKEN_FAILURE)));
	for (const text of candidates) {
		for (const [reason, fallbackCode, pattern] of PATTERNS) {
			if (pattern.test(text)) {
				const code = /\b(E[A-Z_]{3,}|ERR_[A-Z_]+)\b/.exec(text)?.[1] ?? fallbackCode;
				return { kind: 'network', reason, code };
			}
		}
	}
	const message = error instanceof Error ? error.message : String(error);
	return { kind: 'local', message };
}

/**
 * A token failure travels as the text of an Error (all that n8n 1.x keeps of it): its first line
 * is "Could not obtain an access token from <vendor> (HTTP <status>, <code>): <message>", the rest
 * is the hint. See token.ts, which writes it.
 */
export function tokenFailureText(
	vendor: string,
	message: string,
	answer?: { status: number; code?: string; hint?: string },
): string {
	const http = answer ? ` (HTTP ${answer.status}${answer.code ? `, ${answer.code}` : ''})` : '';
	return `${TOKEN_FAILURE} ${vendor}${http}: ${message}${answer?.hint ? `\n${answer.hint}` : ''}`;
}

/** Reads tokenFailureText back; the message leaves out the vendor, which every item error starts with. */
function readTokenFailure(text: string): Failure {
	const [first, ...rest] = text.split('\n');
	const parts = /^.*? from .*?(?: \(HTTP (\d{3})(?:, ([^)]+))?\))?: ([\s\S]*)$/.exec(first);
	const status = parts?.[1] ? Number(parts[1]) : undefined;
	return {
		kind: 'local',
		message: `could not obtain an access token${status ? ` (HTTP ${status})` : ''}: ${parts?.[3] ?? first}`,
		status,
		code: parts?.[2],
		hint: rest.join(' ').trim() || undefined,
	};
}

/** A body as text or bytes (error answers of binary requests) turned into JSON where it is JSON. */
export function decodeBody(data: unknown): unknown {
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
