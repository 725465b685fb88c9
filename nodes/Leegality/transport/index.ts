import type { VendorEnvironments } from '../../shared/environment';
import type { VendorFailure } from '../../shared/errors';
import type { VendorSpec } from '../../shared/transport/vendor';

export const LEEGALITY_ENVIRONMENTS: VendorEnvironments = {
	production: 'https://app1.leegality.com/api',
	sandbox: 'https://sandbox.leegality.com/api',
};

/** Leegality's answer to every call: HTTP 200, with `status` 1 (success) or 0 (failure). */
export interface Envelope<T = unknown> {
	status?: number | string;
	data?: T;
	messages?: Array<{ code?: string; message?: string }>;
}

/** Plain-language advice for the failure codes Leegality documents. */
const HINTS: Record<string, string> = {
	'invitation.not.exists':
		'The sign URL is wrong, the invitation is already signed, expired or not a DocSigner invitation, or the Auth Token is not the invitee’s own: DocSigner signing needs a credential with the invitee’s account token.',
	'invalid.consent': 'Leegality accepts only its exact consent text. Tick "I Agree" in the node instead of typing the text.',
	'profile.not.exists':
		'The DocSigner Profile ID is not in the invitee’s account. Copy it from the invitee’s dashboard: Settings → eSignature & Seal → Document Signer Certificate.',
	'no.document.found':
		'No file of that kind exists for this document yet: the audit trail, for one, is only available once every invitee has signed.',
};

function isEnvelope(body: unknown): body is Envelope {
	return typeof body === 'object' && body !== null && 'status' in body;
}

/** The failure in a status-0 envelope: the first message leads, every message is listed. */
function envelopeFailure(body: unknown): VendorFailure | undefined {
	if (!isEnvelope(body) || Number(body.status) !== 0) return undefined;
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const first = messages[0] ?? {};
	return {
		code: first.code,
		message: first.message ?? 'the request failed without a message',
		details: messages.length > 1 ? messages.map((m) => `${m.code ?? 'message'}: ${m.message ?? ''}`) : undefined,
		hint: first.code ? HINTS[first.code] : undefined,
	};
}

/** Leegality documents no non-2xx answers; these come from its gateway or a proxy in between. */
function parseError(status: number, body: unknown): VendorFailure {
	const failure = envelopeFailure(body) ?? { message: typeof body === 'string' && body ? body.slice(0, 200) : `HTTP ${status}` };
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
	// A status-1 answer is a success whatever its messages say (they carry codes on success too).
	failureInBody: envelopeFailure,
	// Leegality publishes no rate limit (unconfirmed), so requests are not paced.
	defaultConcurrency: 5,
};
