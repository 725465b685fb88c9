import type { VendorEnvironments } from '../../shared/environment';
import type { VendorFailure } from '../../shared/errors';
import type { VendorSpec } from '../../shared/transport/vendor';

export const LEEGALITY_ENVIRONMENTS: VendorEnvironments = {
	production: 'https://app1.leegality.com/api',
	sandbox: 'https://sandbox.leegality.com/api',
};

/** One entry of an answer's `messages`: a code and a text, on success and on failure alike. */
export interface LeegalityMessage {
	code?: string;
	message?: string;
}

/** Leegality's answer to every call: HTTP 200, with `status` 1 (success) or 0 (failure). */
export interface Envelope<T = unknown> {
	status?: number | string;
	data?: T;
	messages?: LeegalityMessage[];
}

/** Our own code for an answer that is not a success and names no code of Leegality's. */
const NOT_SUCCESS_CODE = 'no_success_status';

/** Plain-language advice for the failure codes Leegality documents. */
const HINTS: Record<string, string> = {
	'invitation.not.exists':
		'The sign URL is wrong, the invitation is already signed, expired or not a DocSigner invitation, or the Auth Token is not the invitee’s own: DocSigner signing needs a credential with the invitee’s account token.',
	'invalid.consent':
		'Leegality accepts only its exact consent text. Tick "I Agree" in the node instead of typing the text.',
	'profile.not.exists':
		'The DocSigner Profile ID is not in the invitee’s account. Copy it from the invitee’s dashboard: Settings → eSignature & Seal → Document Signer Certificate.',
	'no.document.found':
		'No file of that kind exists for this document yet: the audit trail, for one, is only available once every invitee has signed. For an attachment or a supporting document, check its index or URL in Sign Request → Get.',
};

/** Only status 1 (as a number or as text) is a success: Leegality answers HTTP 200 whatever happened. */
function isSuccess(body: unknown): boolean {
	const status = typeof body === 'object' && body !== null ? (body as Envelope).status : undefined;
	return status === 1 || status === '1';
}

/** The answer's messages as Leegality sent them, leaving out anything that is not a message. */
export function messagesOf(body: unknown): LeegalityMessage[] {
	const messages =
		typeof body === 'object' && body !== null ? (body as Envelope).messages : undefined;
	if (!Array.isArray(messages)) return [];
	return messages
		.filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null)
		.map((m) => ({
			...(typeof m.code === 'string' && m.code ? { code: m.code } : {}),
			...(typeof m.message === 'string' && m.message ? { message: m.message } : {}),
		}))
		.filter((m) => m.code !== undefined || m.message !== undefined);
}

/** What the answer had instead of status 1, for the message. */
function describeStatus(body: unknown): string {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return 'an answer that is not a Leegality envelope';
	const status = (body as Envelope).status;
	return status === undefined ? 'no status' : `status ${JSON.stringify(status)}`;
}

/** What Leegality said: the first message's code and text lead, every message is listed. */
function failureFromMessages(messages: LeegalityMessage[], codeIfNone?: string): VendorFailure {
	const [first] = messages;
	return {
		code: first.code ?? codeIfNone,
		message: first.message ?? 'the request failed without a message',
		details:
			messages.length > 1
				? messages.map((m) => `${m.code ?? 'message'}: ${m.message ?? ''}`)
				: undefined,
		hint: first.code ? HINTS[first.code] : undefined,
	};
}

/**
 * Any answer without status 1 is a failure, carrying what Leegality said. When it said nothing,
 * the code is ours (snake_case, unlike Leegality's dotted codes) and the message says the answer
 * was not a success.
 */
function envelopeFailure(body: unknown): VendorFailure | undefined {
	if (isSuccess(body)) return undefined;
	const messages = messagesOf(body);
	const status = describeStatus(body);
	const failure: VendorFailure = messages.length
		? failureFromMessages(messages, NOT_SUCCESS_CODE)
		: { code: NOT_SUCCESS_CODE, message: `answered without status 1 (success): ${status}` };
	// Status 0 is Leegality's documented failure; anything else is worth a word of explanation.
	const statusValue =
		typeof body === 'object' && body !== null ? (body as Envelope).status : undefined;
	if (statusValue !== 0 && statusValue !== '0') {
		failure.hint ??= `Leegality answered with ${status}; only status 1 means the request succeeded. Check the result in the Leegality dashboard before running the item again.`;
	}
	return failure;
}

/** Leegality documents no non-2xx answers; these come from its gateway or a proxy in between. */
function parseError(status: number, body: unknown): VendorFailure {
	const messages = messagesOf(body);
	const failure: VendorFailure = messages.length
		? failureFromMessages(messages)
		: { message: typeof body === 'string' && body ? body.slice(0, 200) : `HTTP ${status}` };
	if (status === 401 || status === 403) {
		failure.hint ??=
			'Check the Auth Token and the Environment in the credential: Sandbox and Production have different tokens, and IP whitelisting (Settings → API) may block this n8n.';
	}
	return failure;
}

export const LEEGALITY: VendorSpec = {
	name: 'Leegality',
	credentialType: 'leegalityApi',
	environments: LEEGALITY_ENVIRONMENTS,
	secretFields: ['authToken', 'privateSaltSecret'],
	parseError,
	// A status-1 answer is a success whatever its messages say (they carry codes on success too);
	// any other answer is a failure.
	failureInBody: envelopeFailure,
	// Leegality publishes no rate limit (unconfirmed), so requests are not paced.
	defaultConcurrency: 20,
};
