import type { VendorEnvironments } from '../../shared/environment';
import type { VendorFailure } from '../../shared/errors';
import type { VendorSpec } from '../../shared/transport/vendor';

export const UMBRELLA_ENVIRONMENTS: VendorEnvironments = {
	production: 'https://api-umbrella.io/api/services',
	sandbox: 'https://sandbox-umbrella-api.azurewebsites.net/api/services',
};

/** Umbrella documents a bare {message} for 400 and 401; it publishes no error codes. */
function parseError(status: number, body: unknown): VendorFailure {
	const b = (typeof body === 'object' && body !== null ? body : {}) as { message?: unknown };
	const failure: VendorFailure = {
		message: typeof b.message === 'string' && b.message ? b.message : typeof body === 'string' && body ? body : `HTTP ${status}`,
	};
	if (status === 400) {
		failure.hint =
			'Umbrella rejected the request body. Check the email, the phone number (E.164, e.g. +436501234567), that both URLs are complete and that the document URL is a public HTTPS link to a PDF.';
	}
	if (status === 401) {
		failure.hint =
			'Umbrella refused the access token even after a new one was fetched. Check the API Key, the Customer ID and the Environment of the Umbrella credential (sandbox and production keys differ).';
	}
	if (status === 403) failure.hint = 'This Umbrella account is not allowed to use this service. Ask IDCanopy to enable QES onboarding for it.';
	if (status === 404) failure.hint = 'Check the session ID: use the Request ID returned by Create Session Link.';
	return failure;
}

/**
 * Umbrella wraps every answer as {status, data}. A status other than true, or a success without
 * data, is a failure even with HTTP 200 (whether Umbrella ever does this is unconfirmed; the
 * wrapper itself is documented).
 */
function failureInBody(body: unknown): VendorFailure | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return { message: 'answered with something other than a JSON object' };
	}
	const b = body as { status?: unknown; data?: unknown; message?: unknown; error?: unknown };
	const message = typeof b.message === 'string' && b.message ? b.message : typeof b.error === 'string' ? b.error : undefined;
	if (b.status !== true) {
		return { code: 'status_false', message: message ?? 'answered with status false and no message' };
	}
	if (b.data === undefined || b.data === null) {
		return { code: 'no_data', message: message ?? 'answered with status true but without data' };
	}
	return undefined;
}

export const UMBRELLA: VendorSpec = {
	name: 'Umbrella',
	credentialType: 'umbrellaApi',
	environments: UMBRELLA_ENVIRONMENTS,
	secretFields: ['apiKey', 'customerId', 'accessToken'],
	tokenField: 'accessToken',
	parseError,
	failureInBody,
	// Umbrella publishes no rate limit; items run one at a time so a token refresh happens once.
	defaultConcurrency: 1,
};
