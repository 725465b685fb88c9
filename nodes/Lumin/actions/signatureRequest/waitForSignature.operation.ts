import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { forOperation, type WholeOperation } from '../../../shared/router';
import { fileProperties } from '../../../shared/wait/items';
import { isoTime, type Reading, signingStatus } from '../../../shared/wait/outcome';
import { rereadingProperties, rereadUntilFinal } from '../../../shared/wait/rereading';
import type { WaitSpec } from '../../../shared/wait/spec';
import { LUMIN } from '../../transport';
import { downloadFile } from '../../transport/files';
import { getSignatureRequest } from '../../transport/signatureRequests';
import { signatureRequestId, signatureRequestIdField } from '../fields';

/**
 * Lumin offers neither a callback per request nor a redirect of the signer (its webhook is one
 * URL per account, set in its dashboard), so the node reads each open request again every few
 * seconds within the execution, for as long as embedded signing takes.
 */
const properties: INodeProperties[] = [
	{
		displayName:
			'The workflow stays in this node, reading the request every few seconds, until it is signed, declined, cancelled or expired, or the maximum wait passes. For waits of hours or days, use the Lumin Trigger in a second workflow.',
		name: 'waitNotice',
		type: 'notice',
		default: '',
	},
	{ ...signatureRequestIdField, description: 'ID of the signature request to wait for' },
	...fileProperties,
	...rereadingProperties,
];

export const description = forOperation('signatureRequest', 'waitForSignature', properties);

/** Lumin's request as the output words it; an open request past its expires_at counts as expired (unconfirmed). */
export function luminReading(request: IDataObject): Reading {
	const status = String(request.status);
	const expired =
		!signingStatus(LUMIN.name, status) &&
		typeof request.expires_at === 'number' &&
		Date.parse(isoTime(request.expires_at) ?? '') <= Date.now();
	const word = expired ? 'EXPIRED' : status;
	const final = signingStatus(LUMIN.name, word);
	const signers = (Array.isArray(request.signers) ? request.signers : []) as IDataObject[];
	return {
		status: final,
		vendorStatus: status,
		requestId: String(request.signature_request_id),
		signers: signers.map((signer) => ({
			name: typeof signer.name === 'string' ? signer.name : null,
			email: typeof signer.email_address === 'string' ? signer.email_address : null,
			status: typeof signer.status === 'string' ? signer.status : null,
			signed_at: null,
		})),
		finishedAt: final ? isoTime(request.updated_at) : null,
		details: request,
	};
}

const spec: WaitSpec = {
	vendor: LUMIN,
	properties,
	idParameter: 'signatureRequestId',
	id: signatureRequestId,
	read: async (api, id, i) => luminReading(await getSignatureRequest(api, id, i)),
	signedFile: async (api, reading, i) => ({
		file: (await downloadFile(api, reading.requestId, 'agreement', i)).file,
		fileName: `${reading.requestId}-signed.pdf`,
	}),
};

export const all: WholeOperation['all'] = async function (api, vendor) {
	return await rereadUntilFinal.call(this, api, vendor, spec);
};
