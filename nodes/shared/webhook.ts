import { createHmac, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { isFirstDelivery, nowSeconds } from './deliveries';

export type HmacAlgorithm = 'sha256' | 'sha1';
export type DigestEncoding = 'hex' | 'base64';

export function hmac(
	algorithm: HmacAlgorithm,
	key: string | Buffer,
	payload: string | Buffer,
	encoding: DigestEncoding,
): string {
	return createHmac(algorithm, key).update(payload).digest(encoding);
}

/** Compares two strings in constant time, whatever their lengths. */
export function safeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	// timingSafeEqual needs equal lengths; comparing the value with itself keeps the timing flat.
	return (
		timingSafeEqual(left, left.length === right.length ? right : left) &&
		left.length === right.length
	);
}

/** Whether `signature` is the HMAC of `payload`; hex is compared case-insensitively. */
export function verifyHmac(options: {
	algorithm: HmacAlgorithm;
	key: string | Buffer;
	payload: string | Buffer;
	encoding: DigestEncoding;
	signature: string | undefined;
}): boolean {
	if (!options.signature) return false;
	const expected = hmac(options.algorithm, options.key, options.payload, options.encoding);
	const given =
		options.encoding === 'hex' ? options.signature.trim().toLowerCase() : options.signature.trim();
	return safeEqual(expected, given);
}

/** The body exactly as it arrived: signatures are computed over these bytes, not over re-serialised JSON. */
export function rawBody(ctx: IWebhookFunctions): Buffer {
	const request = ctx.getRequestObject() as unknown as { rawBody?: Buffer | string };
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	if (typeof request.rawBody === 'string') return Buffer.from(request.rawBody, 'utf8');
	return Buffer.from(JSON.stringify(ctx.getBodyData()), 'utf8');
}

export function header(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** Answers the caller with `status` and starts no execution. */
export function rejectWebhook(
	ctx: IWebhookFunctions,
	status: number,
	message: string,
): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.status(status).json({ message });
	return { noWebhookResponse: true };
}

/** Accepts the call (200) without starting the workflow, e.g. an event the user did not pick. */
export function ignoreWebhook(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, ignored: reason } };
}

export function emit(json: IDataObject): IWebhookResponseData {
	return { workflowData: [[{ json }]] };
}

/**
 * Starts a run for the first delivery of an event only: a repeat (any of `keys` seen before) is
 * answered 200, so the vendor stops retrying, and starts nothing. See deliveries.ts.
 */
export function emitOnce(
	ctx: IWebhookFunctions,
	json: IDataObject,
	repeat: { keys: string[]; rememberUntil: number; what?: string },
): IWebhookResponseData {
	if (
		!isFirstDelivery(
			ctx.getWorkflowStaticData('node'),
			repeat.keys,
			repeat.rememberUntil,
			nowSeconds(),
		)
	) {
		return ignoreWebhook(`repeat of ${repeat.what ?? 'a delivery'}, which already started a run`);
	}
	return emit(json);
}

/** The notice each dashboard-registered trigger shows: where to paste the n8n URL. */
export function registrationNotice(where: string): INodeProperties {
	return {
		displayName: `Copy this node's Production URL (above) and paste it in ${where}. Use the Test URL while you build the workflow.`,
		name: 'registrationNotice',
		type: 'notice',
		default: '',
	};
}

/**
 * Lifecycle for vendors whose webhooks are registered by hand in their dashboard: there is no API
 * to call, so activation and deactivation have nothing to create or remove on the vendor side.
 */
export const dashboardRegisteredWebhook = {
	default: {
		async checkExists(): Promise<boolean> {
			return true;
		},
		async create(): Promise<boolean> {
			return true;
		},
		async delete(): Promise<boolean> {
			return true;
		},
	},
};
