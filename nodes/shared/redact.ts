const REDACTED = '[redacted]';

/** Header and field names whose values are credentials whatever they contain. */
const SECRET_KEY = /^(authorization|x-api-key|api-key|x-auth-token|token|access_token|refresh_token|password|client_secret|secret|apikey|private_salt)$/i;

/** Credential values worth hiding: short values (an empty field, "production") would redact ordinary text. */
export function secretValues(values: unknown[]): string[] {
	return values.filter((v): v is string => typeof v === 'string' && v.length >= 6);
}

export function redactText(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (out.includes(secret)) out = out.split(secret).join(REDACTED);
	}
	return out;
}

/** A deep copy of `value` with every secret string and every secret-named field hidden. */
export function redact<T>(value: T, secrets: string[], seen = new WeakSet<object>()): T {
	if (typeof value === 'string') return redactText(value, secrets) as T;
	if (value === null || typeof value !== 'object') return value;
	if (seen.has(value as object)) return '[circular]' as T;
	seen.add(value as object);
	if (Array.isArray(value)) return value.map((v) => redact(v, secrets, seen)) as T;
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
		out[key] = SECRET_KEY.test(key) && typeof v === 'string' && v !== '' ? REDACTED : redact(v, secrets, seen);
	}
	return out as T;
}
