import type { VendorFailure } from '../../shared/errors';

/** Reads the access token out of signNow's POST /oauth2/token answer (password grant). */
export function readAccessToken(body: unknown): string {
	const token = (body as { access_token?: unknown } | undefined)?.access_token;
	if (typeof token !== 'string' || token === '')
		throw new Error('/oauth2/token answered without an access_token');
	return token;
}

/** What to check when signNow refuses the token request: the app's keys, or the login. */
export function refusedHint(failure: VendorFailure): string {
	return /invalid[_ ]client/i.test(`${failure.code} ${failure.message}`)
		? 'Check the Client ID and Client Secret (signNow API Dashboard → your application → Keys).'
		: 'Check the Username and Password: they are the signNow login of the account that owns the documents.';
}
