import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { redact, redactText } from './redact';

/** What a vendor said when something failed, in the vendor's own words. */
export interface VendorFailure {
	code?: string;
	message: string;
	/** Extra lines, such as each validation problem of a 422. */
	details?: string[];
	/** Plain-language advice for a known code. */
	hint?: string;
}

export interface VendorErrorInput {
	vendor: string;
	failure: VendorFailure;
	httpCode?: number;
	body?: unknown;
	itemIndex?: number;
	secrets: string[];
}

/**
 * The one way a vendor's failure becomes an n8n error: the vendor's code and message lead, the
 * HTTP status and the vendor body travel along, and every credential value is removed first.
 */
export function vendorError(node: INode, input: VendorErrorInput): NodeApiError {
	const { vendor, failure, httpCode, itemIndex, secrets } = input;
	const code = failure.code ? ` [${failure.code}]` : '';
	const message = redactText(`${vendor}${code}: ${failure.message}`, secrets);
	const description = [failure.hint, ...(failure.details ?? []).map((d) => `• ${d}`)]
		.filter(Boolean)
		.join('\n');
	const body = input.body === undefined ? {} : input.body;
	const response = redact(
		(typeof body === 'object' && body !== null ? body : { body }) as JsonObject,
		secrets,
	);
	const error = new NodeApiError(node, response, {
		message,
		description: description ? redactText(description, secrets) : undefined,
		httpCode: httpCode !== undefined ? String(httpCode) : undefined,
		itemIndex,
	});
	if (failure.code) error.context.vendorCode = failure.code;
	return error;
}
