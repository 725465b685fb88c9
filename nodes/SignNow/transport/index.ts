import type { VendorEnvironments } from '../../shared/environment';
import type { VendorFailure } from '../../shared/errors';
import type { VendorSpec } from '../../shared/transport/vendor';

export const SIGNNOW_ENVIRONMENTS: VendorEnvironments = {
	production: 'https://api.signnow.com',
	sandbox: 'https://api-eval.signnow.com',
};

interface SignNowErrorBody {
	errors?: Array<{ code?: string | number; message?: string }>;
	error?: string | { code?: string | number; message?: string };
	error_description?: string;
	message?: string;
}

/**
 * Plain-language advice for the failures the embedded-invite page lists. signNow's numeric codes
 * for them are not published, so they are recognised by their message (unconfirmed wording).
 */
const HINTS: Array<[RegExp, string]> = [
	[
		/not (the )?(document )?owner/i,
		'Embedded invites can only be created by the account that owns the document. Use the owner’s credential.',
	],
	[
		/no (active )?fields/i,
		'Add signature fields to the document first, for example with text tags and "Check Fields" on upload.',
	],
	[
		/no active embedded invites/i,
		'There is nothing to delete: the document has no embedded invites, or they were already deleted.',
	],
	[
		/active invite|already.*invite/i,
		'The document is already out for signature. Delete its embedded invites (Embedded Invite → Delete) or use a fresh copy.',
	],
	[
		/role.*(exist|not found)|unknown role/i,
		'Pick the role from the list loaded from the document, or copy a role ID from Document → Get.',
	],
	[/not all.*roles/i, 'Add one invite for every role of the document.'],
	[
		/owner.?s email/i,
		'The document owner cannot sign through an embedded invite; use another signer email.',
	],
];

function hintFor(status: number, message: string): string | undefined {
	const known = HINTS.find(([pattern]) => pattern.test(message));
	if (known) return known[1];
	if (status === 401)
		return 'The access token was refused. Check the signNow credential; a pasted token may have expired.';
	if (status === 403)
		return 'This signNow account may not do this with the document: only its owner can.';
	if (status === 404)
		return 'Check the ID: the document or invite must exist in this signNow account and environment.';
	return undefined;
}

/** signNow answers {"errors":[{code,message}]}, the older {"error": "..."}, or OAuth-style {error, error_description}. */
export function parseError(status: number, body: unknown): VendorFailure {
	const b = (
		typeof body === 'object' && body !== null
			? body
			: { message: typeof body === 'string' ? body : undefined }
	) as SignNowErrorBody;
	const list = Array.isArray(b.errors) ? b.errors : [];
	let code: string | undefined;
	let message: string | undefined;
	if (list.length) {
		code = list[0].code !== undefined ? String(list[0].code) : undefined;
		message = list[0].message;
	} else if (typeof b.error === 'object' && b.error !== null) {
		code = b.error.code !== undefined ? String(b.error.code) : undefined;
		message = b.error.message;
	} else if (typeof b.error === 'string') {
		if (b.error_description) {
			code = b.error;
			message = b.error_description;
		} else {
			message = b.error;
		}
	}
	message ??= b.message || `HTTP ${status}`;
	const failure: VendorFailure = { code, message };
	if (list.length > 1)
		failure.details = list
			.slice(1)
			.map((e) => `${e.code !== undefined ? `[${e.code}] ` : ''}${e.message ?? ''}`);
	const hint = hintFor(status, `${code ?? ''} ${message}`);
	if (hint) failure.hint = hint;
	return failure;
}

export const SIGNNOW: VendorSpec = {
	name: 'signNow',
	credentialType: 'signNowApi',
	environments: SIGNNOW_ENVIRONMENTS,
	secretFields: ['clientSecret', 'password', 'pastedToken', 'accessToken', 'webhookSecret'],
	tokenField: 'accessToken',
	parseError,
	// Keys the links that wake a waiting execution; the token field changes, so it is not one.
	wakeUpKeyFields: ['clientSecret', 'pastedToken'],
	// The first item runs alone, so the credential fetches its token once (see routeItems).
	defaultConcurrency: 20,
};
