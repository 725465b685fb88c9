import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import {
	canceledEnvelopeAnswer,
	createdEnvelopeAnswer,
	envelopeAnswer,
	envelopePageAnswer,
} from './answers';

/** SignatureAPI's calls on envelopes: creating, reading, cancelling and listing them. */

const envelopePath = (id: string) => `/envelopes/${encodeURIComponent(id)}`;

/** Creates and sends an envelope once; the answer must list the `recipientsSent` recipients, each with its ID. */
export async function createEnvelope(
	api: ApiClient,
	body: IDataObject,
	recipientsSent: number,
	itemIndex: number,
): Promise<IDataObject> {
	return (await api.requestChecked(
		{
			method: 'POST',
			path: '/envelopes',
			body,
			ifUnknown: {
				happened: 'the envelope was created and sent',
				advice:
					'Look for it with Envelope → Get Many (newest first) before sending again, or the recipients get it twice.',
			},
		},
		createdEnvelopeAnswer(recipientsSent),
		itemIndex,
	)) as IDataObject;
}

/** The envelope with its status and recipients; a fresh read also carries fresh standard ceremony URLs. */
export async function getEnvelope(
	api: ApiClient,
	id: string,
	itemIndex: number,
): Promise<IDataObject> {
	return (await api.requestChecked(
		{ method: 'GET', path: envelopePath(id) },
		envelopeAnswer,
		itemIndex,
	)) as IDataObject;
}

/**
 * Cancels an envelope in progress, for good; a finished one answers 409. The reason is for the
 * sender's records only.
 */
export async function cancelEnvelope(
	api: ApiClient,
	id: string,
	reason: string,
	itemIndex: number,
): Promise<IDataObject> {
	return (await api.requestChecked(
		{
			method: 'POST',
			path: `${envelopePath(id)}/cancel`,
			...(reason ? { body: { reason } } : {}),
			ifUnknown: {
				happened: 'the envelope was canceled',
				advice: 'Check its status with Envelope → Get.',
				// Canceled settles it; a final status (completed, failed) means the cancel could not
				// have happened; in progress may still be a cancel under way, so it stays open.
				settle: async () => {
					const read = await api.requestChecked(
						{ method: 'GET', path: envelopePath(id) },
						envelopeAnswer,
						itemIndex,
					);
					if (read.status === 'canceled') return canceledEnvelopeAnswer.parse(read);
					return read.status === 'completed' || read.status === 'failed' ? false : undefined;
				},
			},
		},
		canceledEnvelopeAnswer,
		itemIndex,
	)) as IDataObject;
}

/** SignatureAPI's largest page of envelopes. */
export const ENVELOPE_PAGE_SIZE = 20;

/**
 * Where a page of envelopes starts: the first page, with at most `limit` envelopes and the
 * filters; a page at `cursor` (the list picker's page token); or the page before's links.next.
 */
export type EnvelopePageStart =
	| { limit?: number; status?: string; topic?: string; cursor?: string }
	| { next: string };

/**
 * One page of the account's envelopes, newest first, and the link to the next one. A page
 * without its data list or its next link is an error, not an empty or last page.
 */
export async function envelopePage(
	api: ApiClient,
	start: EnvelopePageStart,
	itemIndex?: number,
): Promise<{ envelopes: IDataObject[]; next?: string }> {
	const request =
		'next' in start
			? pathBelowBase(start.next, await api.baseUrl())
			: {
					path: '/envelopes',
					qs: {
						limit: start.limit ?? ENVELOPE_PAGE_SIZE,
						...(start.status ? { status: start.status } : {}),
						...(start.topic ? { topic: start.topic } : {}),
						...(start.cursor ? { cursor: start.cursor } : {}),
					},
				};
	const page = await api.requestChecked(
		{ method: 'GET', ...request },
		envelopePageAnswer,
		itemIndex,
	);
	return { envelopes: page.data as IDataObject[], next: page.links.next ?? undefined };
}

/** The cursor in a next link, as the list picker's page token. */
export function cursorOf(next: string): string | undefined {
	return new URL(next, 'https://cursor.invalid/').searchParams.get('cursor') ?? undefined;
}

/**
 * links.next is an opaque absolute URL. The client takes paths below the credential's base URL,
 * so the part after the base path is kept, query included (the cursor stays as SignatureAPI wrote it).
 */
export function pathBelowBase(next: string, baseUrl: string): { path: string; qs: IDataObject } {
	const url = new URL(next, `${baseUrl}/`);
	const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
	const path =
		basePath && url.pathname.startsWith(`${basePath}/`)
			? url.pathname.slice(basePath.length)
			: url.pathname.replace(/^\/v1(?=\/)/, '');
	return { path, qs: Object.fromEntries(url.searchParams) };
}
