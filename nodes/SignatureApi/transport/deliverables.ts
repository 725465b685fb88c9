import { isPdf, notPdf } from '../../shared/pdf';
import type { ApiClient } from '../../shared/transport/client';
import type { IncomingFile } from '../../shared/transport/incomingFile';
import { deliverableAnswer, deliverableListAnswer } from './answers';

/** SignatureAPI's deliverables: the signed PDF of a completed envelope, and its file. */

/** The deliverable with its status; once generated, with a pre-signed file URL valid for about an hour. */
export async function getDeliverable(api: ApiClient, id: string, itemIndex: number) {
	return await api.requestChecked(
		{ method: 'GET', path: `/deliverables/${encodeURIComponent(id)}` },
		deliverableAnswer,
		itemIndex,
	);
}

/**
 * The deliverables of an envelope, each with its status (and its file URL once generated). The
 * list pages like every SignatureAPI list; an envelope has one or a few, so the first page is read.
 */
export async function listEnvelopeDeliverables(
	api: ApiClient,
	envelopeId: string,
	itemIndex: number,
) {
	const page = await api.requestChecked(
		{ method: 'GET', path: `/envelopes/${encodeURIComponent(envelopeId)}/deliverables` },
		deliverableListAnswer,
		itemIndex,
	);
	return page.data;
}

/**
 * The signed PDF of deliverable `id` from its pre-signed `url` (see getDeliverable), fetched
 * without the API key. Anything from the storage host that is not a PDF fails the item.
 */
export async function downloadDeliverable(
	api: ApiClient,
	id: string,
	url: string,
	itemIndex: number,
): Promise<IncomingFile> {
	const { file } = await api.downloadSigned(url, itemIndex);
	if (!isPdf(file.head)) {
		throw await api.error(
			notPdf(
				`the file of deliverable ${id}`,
				await file.whole(),
				'The storage host answered without the signed PDF. Run the item again for a fresh file URL, or download the file from the SignatureAPI dashboard.',
			),
			{ itemIndex },
		);
	}
	return file;
}
