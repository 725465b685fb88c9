import type { IDataObject } from 'n8n-workflow';

import { isPdf, notPdf } from '../../shared/pdf';
import type { ApiClient } from '../../shared/transport/client';
import type { IncomingFile } from '../../shared/transport/incomingFile';
import type { AnswerSchema } from '../../shared/transport/request';
import { downloadableVerificationAnswer, sessionLinkAnswer, verificationAnswer } from './answers';

/** Umbrella's QES onboarding: a session link for a signer, and the session's result. */

/** Creates a session link once; the answer is its requestId, its URL and when it expires. */
export async function createSessionLink(api: ApiClient, body: IDataObject, itemIndex: number) {
	const answer = await api.requestChecked(
		{
			method: 'POST',
			path: '/onboarding/createSessionLink',
			body,
			ifUnknown: {
				happened: 'a session link was created',
				advice:
					'Umbrella cannot list sessions, so a second run gives the signer a second link; if that matters, ask IDCanopy about sessions created for this email at this time.',
			},
		},
		sessionLinkAnswer,
		itemIndex,
	);
	const { requestId, url, expiresAfter } = answer.data;
	return { requestId, url, expiresAfter };
}

// Whether Umbrella's sessionId is always the requestId of createSessionLink is unconfirmed; the docs call it "ID from the onboarding session".
const verificationPath = (sessionId: string) =>
	`/onboarding/getVerification/${encodeURIComponent(sessionId)}`;

/** Reads a session's result, checked by `answer`. */
async function readVerification<T>(
	api: ApiClient,
	sessionId: string,
	answer: AnswerSchema<{ data: T }>,
	itemIndex: number,
): Promise<T> {
	const { data } = await api.requestChecked(
		{ method: 'GET', path: verificationPath(sessionId) },
		answer,
		itemIndex,
	);
	return data;
}

/** A session's status and identification. */
export const getVerification = (api: ApiClient, sessionId: string, itemIndex: number) =>
	readVerification(api, sessionId, verificationAnswer, itemIndex);

/** The same read for a download: a completed session must come with the links to its signed files. */
export const getDownloadableVerification = (api: ApiClient, sessionId: string, itemIndex: number) =>
	readVerification(api, sessionId, downloadableVerificationAnswer, itemIndex);

/**
 * A signed file from its short-lived link, fetched without the Umbrella token. A file Umbrella
 * calls a PDF (or gives no type for) must be one; `fileName` names it in the error otherwise.
 */
export async function downloadSignedFile(
	api: ApiClient,
	resource: { resourceUrl: string; mimeType?: string },
	fileName: string,
	itemIndex: number,
): Promise<IncomingFile> {
	const { file } = await api.downloadSigned(resource.resourceUrl, itemIndex);
	const saysPdf = !resource.mimeType || /pdf/i.test(resource.mimeType);
	if (saysPdf && !isPdf(file.head)) {
		throw await api.error(
			notPdf(
				`the signed document ${fileName}`,
				await file.whole(),
				'The storage host answered without the signed PDF. Run Get Verification again for a fresh link.',
			),
			{ itemIndex },
		);
	}
	return file;
}
