import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { forOperation, type WholeOperation } from '../../../shared/router';
import { fileProperties } from '../../../shared/wait/items';
import { isoTime, type Reading, signingStatus, type Signer } from '../../../shared/wait/outcome';
import { rereadingProperties, rereadUntilFinal } from '../../../shared/wait/rereading';
import type { WaitSpec } from '../../../shared/wait/spec';
import { LEEGALITY } from '../../transport';
import { downloadFile, getSignRequest } from '../../transport/signRequests';
import { documentId, documentIdFields } from '../fields';

/**
 * Leegality sets webhook URLs per workflow in its dashboard and takes no callback or redirect per
 * request, so the node reads each open document again every few seconds within the execution.
 */
const properties: INodeProperties[] = [
	{
		displayName:
			'The workflow stays in this node, reading the document every few seconds, until it is completed, or an invitee rejects or lets an invitation expire, or the maximum wait passes. For waits of hours or days, use the Leegality Trigger in a second workflow.',
		name: 'waitNotice',
		type: 'notice',
		default: '',
	},
	...documentIdFields,
	...fileProperties,
	...rereadingProperties,
];

export const description = forOperation('signRequest', 'waitForSignature', properties);

/**
 * An invitation's word: signed, rejected or expired. Leegality's details list `signed` and
 * `expired` per invitation; how a rejection shows there is not published, so `rejected: true` and
 * an action or status "Rejected" (as its webhook words it) are read (unconfirmed).
 */
function invitationWord(invitation: IDataObject): string {
	if (invitation.signed === true) return 'SIGNED';
	const said = `${String(invitation.action ?? '')} ${String(invitation.status ?? '')}`;
	if (invitation.rejected === true || /rejected/i.test(said)) return 'REJECTED';
	if (invitation.expired === true) return 'EXPIRED';
	return 'PENDING';
}

/**
 * The document as the output words it: COMPLETED is completed; while it is SENT, an invitation
 * rejected or expired ends the wait as declined or expired, since the document can no longer
 * complete.
 */
export function leegalityReading(id: string, status: string, details: IDataObject): Reading {
	const invitations = (
		Array.isArray(details.invitations) ? details.invitations : []
	) as IDataObject[];
	const words = invitations.map(invitationWord);
	const word =
		status === 'COMPLETED'
			? status
			: (['REJECTED', 'EXPIRED'].find((w) => words.includes(w)) ?? status);
	const final = signingStatus(LEEGALITY.name, word);
	const signers: Signer[] = invitations.map((invitation, n) => ({
		name: typeof invitation.name === 'string' ? invitation.name : null,
		email: typeof invitation.email === 'string' ? invitation.email : null,
		status: words[n],
		signed_at: isoTime(invitation.signedOn ?? invitation.signedAt),
	}));
	const document = (details.document ?? {}) as IDataObject;
	return {
		status: final,
		vendorStatus: word,
		requestId: id,
		signers,
		finishedAt: final ? isoTime(document.completedOn ?? document.modifiedOn) : null,
		details,
	};
}

const spec: WaitSpec = {
	vendor: LEEGALITY,
	properties,
	idParameter: 'documentId',
	id: documentId,
	read: async (api, id, i) => {
		const { details, status } = await getSignRequest(api, id, i);
		return leegalityReading(id, status, details);
	},
	signedFile: async (api, reading, i) => ({
		file: (await downloadFile(api, reading.requestId, { type: 'DOCUMENT' }, i)).file,
		fileName: `${reading.requestId}-signed.pdf`,
	}),
};

export const all: WholeOperation['all'] = async function (api, vendor) {
	return await rereadUntilFinal.call(this, api, vendor, spec);
};
