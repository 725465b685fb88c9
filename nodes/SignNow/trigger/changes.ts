import type { Change } from '../../shared/changeWindow';
import type { PolledDocument, PolledInvite } from '../transport/answers';

/**
 * What the signNow Polling Trigger reads as events. signNow has no event list: the trigger reads
 * the documents (with their invites) and takes each of these as one change, keyed so that it can
 * happen once, at a time read from signNow:
 * - an invite was created (the invite's `created`);
 * - an invite was signed, its status `fulfilled`, or declined (the invite's `updated`);
 * - a document was completed: it has invites and all are fulfilled (the last of their `updated`);
 * - a document was updated: each value of the document's `updated` is one update.
 * An invite's times are taken to stay as they were once it is signed or declined (unconfirmed);
 * where an invite has no times, the document's `updated` stands in for them (unconfirmed).
 */

/** The events the polling trigger can tell from documents, by their webhook names. */
export const POLLED_EVENTS = [
	'document.complete',
	'document.update',
	'document.fieldinvite.create',
	'document.fieldinvite.decline',
	'document.fieldinvite.signed',
] as const;

export type PolledEvent = (typeof POLLED_EVENTS)[number];

export interface DocumentChange extends Change {
	event: PolledEvent;
	document: PolledDocument;
	invite?: PolledInvite;
}

/** Of changes at the same time: invites created, then signed or declined, then completed, then updated. */
export const RANK: Record<PolledEvent, number> = {
	'document.fieldinvite.create': 0,
	'document.fieldinvite.signed': 1,
	'document.fieldinvite.decline': 1,
	'document.complete': 2,
	'document.update': 3,
};

const ms = (seconds: unknown): number | undefined => {
	const value = Number(seconds);
	return seconds !== null && seconds !== undefined && Number.isFinite(value)
		? value * 1000
		: undefined;
};

const isTemplate = (document: PolledDocument) =>
	document.template === true || document.template === 1 || document.template === '1';

/** Every change a document shows, whenever it happened (templates show none). */
export function documentChanges(document: PolledDocument): DocumentChange[] {
	if (isTemplate(document)) return [];
	const updated = ms(document.updated) ?? 0;
	const change = (event: PolledEvent, id: string, time: number, invite?: PolledInvite) => ({
		event,
		key: `${event}:${id}`,
		time,
		document,
		invite,
	});
	const changes: DocumentChange[] = [
		change('document.update', `${document.id}:${updated}`, updated),
	];
	const signedAt: number[] = [];
	for (const invite of document.field_invites) {
		const changedAt = ms(invite.updated) ?? updated;
		changes.push(
			change('document.fieldinvite.create', invite.id, ms(invite.created) ?? updated, invite),
		);
		if (invite.status === 'fulfilled') {
			signedAt.push(changedAt);
			changes.push(change('document.fieldinvite.signed', invite.id, changedAt, invite));
		}
		if (invite.status === 'declined')
			changes.push(change('document.fieldinvite.decline', invite.id, changedAt, invite));
	}
	const invites = document.field_invites.length;
	if (invites > 0 && signedAt.length === invites)
		changes.push(change('document.complete', document.id, Math.max(...signedAt)));
	return changes;
}
