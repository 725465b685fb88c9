import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { verifyHmac } from '../../shared/webhook';

/**
 * Whether the call's `mac` is Leegality's signature of its `documentId`: HMAC-SHA1 keyed with the
 * Private Salt. Leegality confirms the algorithm and the inputs; the hex encoding comes from
 * integrators (unconfirmed), so it is set here and nowhere else. Nothing else of the call is signed.
 */
export function signatureMatches(ctx: IWebhookFunctions, privateSalt: string): boolean {
	const body = (ctx.getBodyData() ?? {}) as IDataObject;
	const documentId = typeof body.documentId === 'string' ? body.documentId : '';
	const mac = typeof body.mac === 'string' ? body.mac : undefined;
	if (!documentId) return false;
	return verifyHmac({
		algorithm: 'sha1',
		key: privateSalt,
		payload: documentId,
		encoding: 'hex',
		signature: mac,
	});
}
