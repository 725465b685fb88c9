import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { forOperation, type WholeOperation } from '../../../shared/router';
import { pathId } from '../../../shared/schemas';
import { fileProperties } from '../../../shared/wait/items';
import { limitProperties } from '../../../shared/wait/limit';
import { isoTime, type Reading, signingStatus } from '../../../shared/wait/outcome';
import { REDIRECT_BOUND } from '../../../shared/wait/redirect';
import { beginWait, type WokenWaitSpec } from '../../../shared/wait/woken';
import { UMBRELLA } from '../../transport';
import {
	downloadSignedFile,
	getDownloadableVerification,
	getVerification,
} from '../../transport/onboarding';
import { sessionIdField } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName:
			'The workflow pauses here until the session is completed (or ends otherwise). Umbrella wakes it when it sends the signer back: create the session with Create Session Link and "Resume Waiting Workflow After Signing" on.',
		name: 'waitNotice',
		type: 'notice',
		default: '',
	},
	{ ...sessionIdField, description: 'The Request ID that Create Session Link returned' },
	...fileProperties,
	...limitProperties,
];

export const description = forOperation('qesOnboarding', 'waitForSignature', properties);

/**
 * A session as the output words it. Umbrella documents "completed" only; a completed session that
 * says it is not verified ended without a valid signature, and counts as failed.
 */
export function sessionReading(sessionId: string, session: IDataObject): Reading {
	const word = String(session.status).toLowerCase();
	const said = signingStatus(UMBRELLA.name, word);
	const final = said === 'completed' && session.isVerified === false ? 'failed' : said;
	const identification = (session.identification ?? {}) as IDataObject;
	const signature = (session.signature ?? {}) as { content?: IDataObject[] };
	const signedAt = isoTime(signature.content?.find((c) => c.signedAt)?.signedAt);
	const name = [identification.firstName, identification.lastName].filter(
		(part) => typeof part === 'string' && part,
	);
	return {
		status: final,
		vendorStatus: String(session.status),
		requestId: sessionId,
		signers: [
			{
				name: name.length ? name.join(' ') : null,
				email: typeof identification.email === 'string' ? identification.email : null,
				status: String(session.status),
				signed_at: signedAt,
			},
		],
		finishedAt: final ? signedAt : null,
		details: session,
	};
}

export const waitSpec: WokenWaitSpec = {
	vendor: UMBRELLA,
	properties,
	idParameter: 'sessionId',
	id: pathId('session ID'),
	read: async (api, id, i) =>
		sessionReading(id, (await getVerification(api, id, i)) as IDataObject),
	signedFile: async (api, reading, i) => {
		// The link to the signed PDF is short-lived: read fresh, and fetched at once.
		const session = await getDownloadableVerification(api, reading.requestId, i);
		const resource = (session.signature?.content ?? []).find(
			(c) => c.signedResource,
		)?.signedResource;
		if (!resource) return undefined;
		const fileName = resource.filename || `${reading.requestId}-signed.pdf`;
		return {
			file: await downloadSignedFile(api, resource, fileName, i),
			fileName,
			mimeType: resource.mimeType,
		};
	},
	bound: REDIRECT_BOUND,
	caller: 'browser',
	// Umbrella may apply the signature a moment after the signer is sent back.
	settleSeconds: 15,
};

export const all: WholeOperation['all'] = async function (api, vendor) {
	return await beginWait.call(this, api, vendor, waitSpec);
};
