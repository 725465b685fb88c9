const REDACTED = '[redacted]';

/** Header and field names whose values are credentials whatever they contain. */
const SECRET_KEY =
	/^(authorization|x-api-key|api-key|x-auth-token|token|access_token|refresh_token|password|client_secret|secret|apikey|private_salt)$/i;

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

const DROP = Symbol('drop');

/**
 * A deep copy of `value`: `field` decides each field's value (DROP leaves it out, undefined copies
 * it on), `text` each string's.
 */
function copyWith(
	value: unknown,
	field: (key: string, value: unknown) => unknown,
	text: (value: string) => string,
	seen: WeakSet<object>,
): unknown {
	if (typeof value === 'string') return text(value);
	if (value === null || typeof value !== 'object') return value;
	if (seen.has(value)) return '[circular]';
	seen.add(value);
	if (Array.isArray(value)) return value.map((v) => copyWith(v, field, text, seen));
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
		const decided = field(key, v);
		if (decided === DROP) continue;
		out[key] = decided !== undefined ? decided : copyWith(v, field, text, seen);
	}
	return out;
}

/** A deep copy of `value` with every secret string and every secret-named field hidden. */
export function redact<T>(value: T, secrets: string[]): T {
	return copyWith(
		value,
		(key, v) => (SECRET_KEY.test(key) && typeof v === 'string' && v !== '' ? REDACTED : undefined),
		(text) => redactText(text, secrets),
		new WeakSet(),
	) as T;
}

/** A deep copy of `value` without the fields named `name` (in any case), at any depth. */
export function withoutField<T>(value: T, name: string): T {
	const lower = name.toLowerCase();
	return copyWith(
		value,
		(key) => (key.toLowerCase() === lower ? DROP : undefined),
		(text) => text,
		new WeakSet(),
	) as T;
}
