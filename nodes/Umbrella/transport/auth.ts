/**
 * Reads the JWT out of Umbrella's POST /auth answer. The docs show a bare
 * {access_token, expires_in: 3600, token_type: 'Bearer'}; other Umbrella answers are wrapped as
 * {status, data}, and a `token` field name has been seen in third-party notes. Which of these the
 * live API sends is unconfirmed, so every variant is accepted here, in this one place.
 */
export function readAccessToken(body: unknown): string {
	const parsed = typeof body === 'string' ? safeParse(body) : body;
	const outer = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
		string,
		unknown
	>;
	if (outer.status === false) {
		throw new Error(
			`/auth answered status false (${typeof outer.message === 'string' ? outer.message : 'without a message'})`,
		);
	}
	const inner = (typeof outer.data === 'object' && outer.data !== null ? outer.data : {}) as Record<
		string,
		unknown
	>;
	const token = [outer.access_token, outer.token, inner.access_token, inner.token].find(
		(value): value is string => typeof value === 'string' && value !== '',
	);
	if (!token) throw new Error('/auth answered without an access token');
	return token;
}

function safeParse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return {};
	}
}

/** What to check when Umbrella refuses the token request. */
export function refusedHint(): string {
	return 'Umbrella did not accept the API Key and Customer ID. Check both, and that the Environment matches them (sandbox and production keys differ).';
}
