import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { hmac, safeEqual } from '../webhook';

/**
 * The package's own proof on a resume URL. n8n 1.x resume URLs carry no token and execution IDs
 * count up, so anyone could call one; 2.x adds a token of its own. A URL the package hands out
 * (a signNow callback, a signer's redirect) carries `esign`: an HMAC-SHA256 of the execution ID
 * and the URL's own values (the document, the next page), keyed from the credential's secret.
 * A call without it, or with one made for another execution or other values, is refused before
 * anything is read.
 */

/** The query parameter holding the token. */
export const TOKEN_PARAM = 'esign';

const CONTEXT = 'n8n-nodes-esign wake-up v1';

/**
 * The token key of a credential: an HMAC of a fixed text keyed with its first non-empty secret in
 * `fields`, so the secret itself never travels. Undefined when the credential holds none.
 */
export function wakeUpKey(
	credential: ICredentialDataDecryptedObject,
	fields: readonly string[],
): Buffer | undefined {
	const secret = fields.map((field) => credential[field]).find((v) => typeof v === 'string' && v);
	return typeof secret === 'string'
		? Buffer.from(hmac('sha256', secret, CONTEXT, 'hex'), 'hex')
		: undefined;
}

/** The token for execution `executionId` and the values `bound` (in a fixed order). */
export function wakeUpToken(key: Buffer, executionId: string, bound: readonly string[]): string {
	return hmac('sha256', key, JSON.stringify(['v1', executionId, ...bound]), 'base64')
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

/** A value derived from the key for one purpose and one execution (a signNow subscription's secret). */
export function derivedSecret(key: Buffer, purpose: string, executionId: string): string {
	return hmac('sha256', key, JSON.stringify(['v1', purpose, executionId]), 'hex');
}

/**
 * `resumeUrl` (n8n's, with 2.x's own token if it has one) with the values of `names` and their
 * token added as query parameters.
 */
export function wakeUpUrl(
	resumeUrl: string,
	names: readonly string[],
	values: Record<string, string>,
	key: Buffer,
	executionId: string,
): string {
	const url = new URL(resumeUrl);
	for (const name of names) url.searchParams.set(name, values[name]);
	const bound = names.map((name) => values[name]);
	url.searchParams.set(TOKEN_PARAM, wakeUpToken(key, executionId, bound));
	return url.toString();
}

/** Whether `query` carries the token of `executionId` over its values named `bound`, in that order. */
export function hasWakeUpToken(
	query: Record<string, unknown>,
	names: readonly string[],
	key: Buffer,
	executionId: string,
): boolean {
	const given = query[TOKEN_PARAM];
	const values = names.map((name) => query[name]);
	if (typeof given !== 'string' || values.some((v) => typeof v !== 'string')) return false;
	return safeEqual(wakeUpToken(key, executionId, values as string[]), given);
}
