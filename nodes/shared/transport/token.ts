import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import type { VendorFailure } from '../errors';
import { decodeBody, thrownFailure, tokenFailureText } from './failure';
import { NO_ANSWER } from './wording';

/**
 * The token request of a credential's preAuthentication. Its failures read the same on n8n 1.x and
 * 2.x and say what the vendor said (a wrong password, an unknown client), because n8n shows them
 * as they are: in the credential's Test and as the failed item's error.
 */
export async function requestToken(
	helper: IHttpRequestHelper,
	vendor: { name: string; parseError(status: number, body: unknown): VendorFailure },
	options: IHttpRequestOptions,
	readToken: (body: unknown) => string,
	/** Advice for a refused token request; the vendor's hints are written for refused API calls. */
	refusedHint: (failure: VendorFailure) => string,
): Promise<string> {
	// Plain Errors on purpose: a credential has no node to build a NodeApiError for, and n8n wraps
	// whatever preAuthentication throws in one, keeping this text on both lines.
	const response = await helper.helpers
		.httpRequest({ ...options, returnFullResponse: true, ignoreHttpStatusErrors: true })
		.then(
			(answer) => answer as { statusCode: number; body: unknown },
			(error: unknown) => thrownFailure(error),
		);
	if ('kind' in response) {
		const reason =
			response.kind === 'network'
				? NO_ANSWER[response.reason].plainly()
				: response.kind === 'local'
					? response.message
					: 'no answer';
		throw new Error(tokenFailureText(vendor.name, reason));
	}
	const body = decodeBody(response.body);
	if (response.statusCode >= 300) {
		const failure = vendor.parseError(response.statusCode, body);
		const hint = response.statusCode < 500 ? refusedHint(failure) : failure.hint;
		throw new Error(
			tokenFailureText(vendor.name, failure.message, {
				status: response.statusCode,
				code: failure.code,
				hint,
			}),
		);
	}
	const token = (() => {
		try {
			return readToken(body);
		} catch (error) {
			return error as Error;
		}
	})();
	if (token instanceof Error) throw new Error(tokenFailureText(vendor.name, token.message));
	return token;
}
