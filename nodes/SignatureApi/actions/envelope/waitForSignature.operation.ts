import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { forOperation, type WholeOperation } from '../../../shared/router';
import { fileProperties } from '../../../shared/wait/items';
import { limitProperties } from '../../../shared/wait/limit';
import { isoTime, type Reading, signingStatus } from '../../../shared/wait/outcome';
import { REDIRECT_BOUND } from '../../../shared/wait/redirect';
import type { SignedFile } from '../../../shared/wait/spec';
import { beginWait, type WokenWaitSpec } from '../../../shared/wait/woken';
import { SIGNATUREAPI } from '../../transport';
import { downloadDeliverable, listEnvelopeDeliverables } from '../../transport/deliverables';
import { getEnvelope } from '../../transport/envelopes';
import { envelopeId, envelopeIdFields } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName:
			'The workflow pauses here until the envelope is completed, canceled or failed, or a recipient rejects it. SignatureAPI wakes it when the signer leaves the ceremony: create the ceremony with Ceremony → Create and "Resume Waiting Workflow After Signing" on.',
		name: 'waitNotice',
		type: 'notice',
		default: '',
	},
	...envelopeIdFields,
	...fileProperties,
	...limitProperties,
];

export const description = forOperation('envelope', 'waitForSignature', properties);

/**
 * The envelope as the output words it: its own final status (completed, canceled, failed), or
 * a recipient's "rejected", which leaves the envelope in progress until it is canceled.
 */
export function envelopeReading(envelope: IDataObject): Reading {
	const recipients = (
		Array.isArray(envelope.recipients) ? envelope.recipients : []
	) as IDataObject[];
	const status = String(envelope.status);
	const word =
		!signingStatus(SIGNATUREAPI.name, status) && recipients.some((r) => r.status === 'rejected')
			? 'rejected'
			: status;
	const final = signingStatus(SIGNATUREAPI.name, word);
	const times = recipients
		.map((r) => isoTime(word === 'rejected' ? r.status_updated_at : r.completed_at))
		.filter((t): t is string => t !== null)
		.sort();
	return {
		status: final,
		vendorStatus: word,
		requestId: String(envelope.id),
		signers: recipients.map((r) => ({
			name: typeof r.name === 'string' ? r.name : null,
			email: typeof r.email === 'string' ? r.email : null,
			status: typeof r.status === 'string' ? r.status : null,
			signed_at: isoTime(r.completed_at),
		})),
		finishedAt: final ? (times[times.length - 1] ?? null) : null,
		details: envelope,
	};
}

/** How often, and how long, the signed file is looked for: SignatureAPI generates it just after completion. */
const DELIVERABLE_READS = 4;
const DELIVERABLE_PAUSE_MS = 2500;

/**
 * The standard deliverable (the signed documents with the audit log) once generated. SignatureAPI
 * makes it just after the envelope completes; when it is not there after a few reads, the item
 * goes on without it (file_pending) rather than failing a signature that did happen.
 */
async function signedEnvelope(
	api: Parameters<WokenWaitSpec['signedFile']>[0],
	reading: Reading,
	i: number,
): Promise<SignedFile | undefined> {
	for (let read = 1; read <= DELIVERABLE_READS; read++) {
		const deliverables = await listEnvelopeDeliverables(api, reading.requestId, i);
		const ready = deliverables.find((d) => d.type === 'standard' && d.status === 'generated');
		if (ready?.url) {
			return {
				file: await downloadDeliverable(api, ready.id, ready.url, i),
				fileName: `${reading.requestId}-signed.pdf`,
			};
		}
		if (read < DELIVERABLE_READS) await sleep(DELIVERABLE_PAUSE_MS);
	}
	return undefined;
}

export const waitSpec: WokenWaitSpec = {
	vendor: SIGNATUREAPI,
	properties,
	idParameter: 'envelopeId',
	id: envelopeId,
	read: async (api, id, i) => envelopeReading(await getEnvelope(api, id, i)),
	signedFile: signedEnvelope,
	bound: REDIRECT_BOUND,
	caller: 'browser',
	// The envelope may complete a moment after the last signer is sent back.
	settleSeconds: 15,
	refuse(ctx, wait) {
		// SignatureAPI adds the envelope to the redirect; one of another envelope is not this wait's.
		const envelope = (ctx.getQueryData() as IDataObject).envelope_id;
		if (typeof envelope === 'string' && !wait.ids.includes(envelope))
			return { outcome: 'ignored', message: 'The ceremony belongs to another envelope.' };
		return undefined;
	},
};

export const all: WholeOperation['all'] = async function (api, vendor) {
	return await beginWait.call(this, api, vendor, waitSpec);
};
