import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { VendorEnvironments } from '../../shared/environment';
import type { VendorFailure } from '../../shared/errors';
import type { VendorSpec } from '../../shared/transport/vendor';

/** One host serves test and live mode; the API key's prefix picks the mode, so there is no sandbox URL. */
export const SIGNATUREAPI_ENVIRONMENTS: VendorEnvironments = {
	production: 'https://api.signatureapi.com/v1',
};

type KeyMode = 'test' | 'live';

/** The mode a key works in, read from its prefix; undefined when it has neither known prefix. */
function keyMode(apiKey: unknown): KeyMode | undefined {
	const key = typeof apiKey === 'string' ? apiKey.trim() : '';
	if (key.startsWith('key_test_')) return 'test';
	if (key.startsWith('key_live_')) return 'live';
	return undefined;
}

/** A key with neither prefix cannot be a SignatureAPI key: the item stops before any request. */
function credentialProblem(credentials: ICredentialDataDecryptedObject) {
	if (keyMode(credentials.apiKey)) return undefined;
	return {
		message:
			'SignatureAPI credential → API Key: the key starts with neither "key_test_" nor "key_live_"',
		description:
			'Copy the whole key from the SignatureAPI Dashboard → Settings → API Keys. Test keys start with key_test_, live keys with key_live_.',
	};
}

interface Problem {
	type?: string;
	title?: string;
	status?: number;
	detail?: string;
	errors?: unknown[];
}

/** Plain-language advice by problem type (the last segment of the RFC 7807 `type` URL). */
const HINTS: Record<string, string> = {
	'invalid-api-key':
		'Check the API Key in the SignatureAPI credential: copy it again from Dashboard → Settings → API Keys (it is shown only once when created).',
	'live-mode-disabled':
		'This is a live key (key_live_…), but live mode is not switched on for the account yet. Upgrade the SignatureAPI account and add a payment method, or use a test key (key_test_…) meanwhile.',
	'too-many-requests':
		'SignatureAPI allows 10 requests per second per API key. Lower Parallel Requests, or spread the items over time.',
	'envelope-not-completed':
		'Deliverables exist only once every recipient has finished. Wait for the envelope.completed event.',
	'cannot-replace':
		'A recipient can be replaced only before they complete, while the envelope is still processing or in progress.',
	'blocked-email':
		'Mail to this address bounced before, so SignatureAPI will not send to it. Use another address, or a delivery type of none with an embedded ceremony.',
	'validation-error': 'SignatureAPI listed what it could not accept below.',
};

function slug(type: unknown): string | undefined {
	if (typeof type !== 'string' || !type) return undefined;
	return type.replace(/\/+$/, '').split('/').pop() || undefined;
}

/** Reads RFC 7807 problem+json: `title` and `detail` lead, a 422's `errors[]` become the details. */
export function parseError(status: number, body: unknown): VendorFailure {
	const problem = (body && typeof body === 'object' ? body : {}) as Problem;
	const code = slug(problem.type);
	const title = problem.title ?? `HTTP ${status}`;
	const failure: VendorFailure = {
		code,
		message: problem.detail && problem.detail !== title ? `${title}: ${problem.detail}` : title,
	};
	if (Array.isArray(problem.errors) && problem.errors.length) {
		failure.details = problem.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
	}
	failure.hint = (code && HINTS[code]) ?? statusHint(status);
	if (!problem.title && typeof body === 'string' && body.trim())
		failure.message = `HTTP ${status}: ${body.slice(0, 200)}`;
	return failure;
}

function statusHint(status: number): string | undefined {
	if (status === 401) return HINTS['invalid-api-key'];
	if (status === 403) return 'This API key is not allowed to do this.';
	if (status === 404) {
		return 'Check the ID. Test and live mode are separate: an ID created with a key_test_ key is not found with a key_live_ key, and the other way round.';
	}
	if (status === 409)
		return 'The envelope is already completed, failed or canceled, so it cannot change any more.';
	if (status === 422) return HINTS['validation-error'];
	return undefined;
}

export const SIGNATUREAPI: VendorSpec = {
	name: 'SignatureAPI',
	credentialType: 'signatureApiApi',
	environments: SIGNATUREAPI_ENVIRONMENTS,
	secretFields: ['apiKey', 'webhookSecret'],
	credentialProblem,
	parseError,
	// Keys the links that wake a waiting execution; the token field changes, so it is not one.
	wakeUpKeyFields: ['apiKey'],
	// Published limit per API key: 10 requests per second with a burst of 10.
	rateLimit: { perSecond: 10, burst: 10 },
	defaultConcurrency: 5,
};
