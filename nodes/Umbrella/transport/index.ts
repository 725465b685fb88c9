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
		message:
			typeof b.message === 'string' && b.message
				? b.message
				: typeof body === 'string' && body
					? body
					: `HTTP ${status}`,
	};
	if (status === 400) {
		failure.hint =
			'Umbrella rejected the request body. Check the email, the phone number (E.164, e.g. +436501234567), that both URLs are complete and that the document URL is a public HTTPS link to a PDF.';
	}
	if (status === 401) {
		failure.hint =
			'Umbrella refused the access token even after a new one was fetched. Check the API Key, the Customer ID and the Environment of the Umbrella credential (sandbox and production keys differ).';
	}
	if (status === 403)
		failure.hint =
			'This Umbrella account is not allowed to use this service. Ask IDCanopy to enable QES onboarding for it.';
	if (status === 404)
		failure.hint = 'Check the session ID: use the Request ID returned by Create Session Link.';
	return failure;
}

/**
 * Umbrella wraps every answer as {status, data}: `status: false` is a failure in Umbrella's own
 * words even with HTTP 200 (whether Umbrella ever does this is unconfirmed; the wrapper itself is
 * documented). Any other answer lacking `status: true` or the data an operation needs is named
 * by that operation's answer check (answers.ts) as an incomplete answer.
 */
function failureInBody(body: unknown): VendorFailure | undefined {
	const b = (typeof body === 'object' && body !== null ? body : {}) as {
		status?: unknown;
		message?: unknown;
		error?: unknown;
	};
	if (b.status !== false) return undefined;
	const message =
		typeof b.message === 'string' && b.message
			? b.message
			: typeof b.error === 'string' && b.error
				? b.error
				: undefined;
	return { code: 'status_false', message: message ?? 'answered with status false and no message' };
}

export const UMBRELLA: VendorSpec = {
	name: 'Umbrella',
	credentialType: 'umbrellaApi',
	environments: UMBRELLA_ENVIRONMENTS,
	secretFields: ['apiKey', 'customerId', 'accessToken'],
	tokenField: 'accessToken',
	parseError,
	// Keys the links that wake a waiting execution; the token field changes, so it is not one.
	wakeUpKeyFields: ['apiKey'],
	failureInBody,
	// Umbrella publishes no rate limit; the first item runs alone, so the token is fetched once.
	defaultConcurrency: 20,
};
