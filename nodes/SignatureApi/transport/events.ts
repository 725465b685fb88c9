import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import { eventPageAnswer } from './answers';
import { pathBelowBase } from './envelopes';

/** SignatureAPI's account-wide event list: envelope, recipient, deliverable and sender events. */

/** The largest page of events SignatureAPI gives. */
export const EVENT_PAGE_SIZE = 20;

export interface EventPage {
	events: IDataObject[];
	/** The link to the next (older) page, as SignatureAPI wrote it; undefined on the last page. */
	next?: string;
}

/**
 * One page of the account's events, newest first: the first page (of one event type only, when
 * `type` is given), or the page a links.next URL points at. SignatureAPI's list pages with cursors
 * that mark a place in its sequence of events, so a page read again later holds the same events,
 * however many were added since (unconfirmed: the cursor is opaque).
 */
export async function eventPage(
	api: ApiClient,
	start: { type?: string } | { next: string },
): Promise<EventPage> {
	const request =
		'next' in start
			? pathBelowBase(start.next, await api.baseUrl())
			: {
					path: '/events',
					qs: { limit: EVENT_PAGE_SIZE, ...(start.type ? { type: start.type } : {}) },
				};
	const page = await api.requestChecked({ method: 'GET', ...request }, eventPageAnswer);
	return { events: page.data as IDataObject[], next: page.links.next ?? undefined };
}
