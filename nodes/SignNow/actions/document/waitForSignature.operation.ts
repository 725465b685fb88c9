import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { forOperation, type WholeOperation } from '../../../shared/router';
import { fileProperties } from '../../../shared/wait/items';
import { limitProperties } from '../../../shared/wait/limit';
import { isoTime, type Reading, signingStatus } from '../../../shared/wait/outcome';
import { derivedSecret } from '../../../shared/wait/wakeUp';
import { beginWait, type WokenWaitSpec } from '../../../shared/wait/woken';
import { documentId, documentIdFields } from '../../descriptions/document';
import { SIGNNOW } from '../../transport';
import type { SignNowDocument } from '../../transport/answers';
import { signatureMatches } from '../../transport/callbacks';
import { downloadDocument, readDocument } from '../../transport/documents';
import { BOUND, claimWait, removeWait, subscribeWait } from '../waitSubscriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'The workflow pauses here until every invite of the document is signed or one is declined. signNow calls n8n back through an event subscription this node makes for the document and removes when the wait ends.',
		name: 'waitNotice',
		type: 'notice',
		default: '',
	},
	...documentIdFields('The signNow document to wait for; its invites must be sent already'),
	...fileProperties,
	...limitProperties,
];

export const description = forOperation('document', 'waitForSignature', properties);

const SIGNED = new Set(['fulfilled', 'signed', 'completed']);

/**
 * The document as the output words it. signNow keeps a status per invite: all signed is
 * completed, one declined ends the wait as declined, and an invite word for an expired or
 * cancelled invite (unconfirmed) ends it too. A document without invites is open: nothing was
 * sent yet.
 */
export function signNowReading(document: SignNowDocument): Reading {
	const words = document.field_invites.map((invite) => invite.status.toLowerCase());
	const ended = ['declined', 'expired', 'canceled', 'cancelled'].find((w) => words.includes(w));
	const word = !words.length
		? 'draft'
		: ended === 'cancelled'
			? 'canceled'
			: (ended ?? (words.every((w) => SIGNED.has(w)) ? 'completed' : 'pending'));
	const final = signingStatus(SIGNNOW.name, word);
	return {
		status: final,
		vendorStatus: word,
		requestId: document.id,
		signers: document.field_invites.map((invite) => ({
			name: null,
			email: invite.email ?? null,
			status: invite.status,
			// An invite's `updated` as the time it was signed (unconfirmed).
			signed_at: SIGNED.has(invite.status.toLowerCase()) ? isoTime(invite.updated) : null,
			role: invite.role ?? null,
		})),
		finishedAt: final ? isoTime(document.updated) : null,
		details: document as IDataObject,
	};
}

/** The secret signNow signs this wait's callbacks with: derived per execution, never the credential's own. */
const callbackSecret = (key: Buffer, executionId: string) =>
	derivedSecret(key, 'signnow-callback', executionId);

export const waitSpec: WokenWaitSpec = {
	vendor: SIGNNOW,
	properties,
	idParameter: 'documentId',
	id: documentId,
	read: async (api, id, i) => signNowReading(await readDocument(api, id, i)),
	signedFile: async (api, reading, i) => ({
		file: await downloadDocument(api, reading.requestId, i),
		fileName: `${reading.requestId}-signed.pdf`,
	}),
	bound: BOUND,
	caller: 'vendor',
	refuse(ctx, wait) {
		if (!signatureMatches(ctx, callbackSecret(wait.key, wait.executionId)))
			return { outcome: 'refused', message: 'Invalid or missing X-SignNow-Signature' };
		const document = String((ctx.getQueryData() as IDataObject).document);
		const content = (ctx.getBodyData().content ?? {}) as IDataObject;
		if (!wait.ids.includes(document) || (content.document_id ?? document) !== document)
			return { outcome: 'ignored', message: 'The call is not about a document of this wait.' };
		return undefined;
	},
	arm: async (ctx, api, wait) =>
		await subscribeWait(ctx, api, wait, callbackSecret(wait.key, wait.executionId)),
	disarm: removeWait,
	claim: claimWait,
};

export const all: WholeOperation['all'] = async function (api, vendor) {
	return await beginWait.call(this, api, vendor, waitSpec);
};
