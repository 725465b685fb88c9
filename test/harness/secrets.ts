import type { ICredentialType } from 'n8n-workflow';

import type { CredentialStore } from './credentials';

/** Values of password and hidden fields (keys, tokens, salts) in the store, the ones that must never leak. */
export function secretsOf(
	store: CredentialStore,
	credentialTypes: Record<string, ICredentialType>,
): string[] {
	const secrets: string[] = [];
	for (const type of store.types()) {
		const data = store.get(type);
		for (const property of credentialTypes[type]?.properties ?? []) {
			const value = data[property.name];
			const secret = property.typeOptions?.password === true || property.type === 'hidden';
			if (secret && typeof value === 'string' && value.length >= 6) secrets.push(value);
		}
	}
	return secrets;
}

function describe(value: unknown): string {
	const seen = new WeakSet<object>();
	const walk = (v: unknown): unknown => {
		if (v instanceof Error) {
			const own: Record<string, unknown> = { message: v.message, stack: v.stack };
			for (const key of Object.getOwnPropertyNames(v))
				own[key] = (v as unknown as Record<string, unknown>)[key];
			return walk({ ...own, cause: (v as { cause?: unknown }).cause });
		}
		if (Buffer.isBuffer(v)) return v.toString('utf8');
		if (v && typeof v === 'object') {
			if (seen.has(v)) return '[circular]';
			seen.add(v);
			const out: Record<string, unknown> = {};
			for (const [k, val] of Object.entries(v)) out[k] = walk(val);
			return out;
		}
		return v;
	};
	return JSON.stringify(walk(value)) ?? '';
}

/** Fails when any secret appears anywhere in `value`: items, binary data, error message, description, cause. */
export function assertNoSecrets(value: unknown, secrets: string[], where: string) {
	const text = describe(value);
	for (const secret of secrets) {
		if (text.includes(secret)) {
			throw new Error(`A credential secret (${secret.slice(0, 3)}…) appears in ${where}`);
		}
	}
}
