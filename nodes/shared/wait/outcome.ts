import type { IDataObject } from 'n8n-workflow';

/**
 * Where a signing request ended, in one vocabulary for every vendor, so that one IF node tests it
 * whichever vendor sent the document. The vendor's own word travels beside it (vendor_status).
 */
export type SigningStatus = 'completed' | 'declined' | 'expired' | 'canceled' | 'failed';

/** A word of a vendor that means the request is still open: waiting goes on. */
export const OPEN = 'open';

type Meaning = SigningStatus | typeof OPEN;

/**
 * Each vendor's own words for where a request stands, and what they mean here. A word not listed
 * counts as open, so an unknown status never ends a wait by guess. Words a vendor has not
 * documented are marked (unconfirmed) and live here alone, easy to change.
 */
export const VENDOR_WORDS: Record<string, Record<string, Meaning>> = {
	// Lumin's request statuses (openapi.yaml). Lumin has no word for an expired request: the node
	// says EXPIRED when expires_at has passed while the request was open (unconfirmed).
	Lumin: {
		NEED_TO_SIGN: OPEN,
		WAITING_FOR_OTHERS: OPEN,
		WAITING_FOR_PROCESSING: OPEN,
		APPROVED: 'completed',
		REJECTED: 'declined',
		CANCELLED: 'canceled',
		FAILED: 'failed',
		EXPIRED: 'expired',
	},
	// Envelope statuses, and a recipient's "rejected", which leaves the envelope in progress.
	SignatureAPI: {
		processing: OPEN,
		in_progress: OPEN,
		completed: 'completed',
		canceled: 'canceled',
		failed: 'failed',
		rejected: 'declined',
	},
	// signNow keeps a status per invite; the node words the document from them (see its wait).
	// Invite words for an expired or cancelled invite are not documented (unconfirmed).
	signNow: {
		pending: OPEN,
		created: OPEN,
		completed: 'completed',
		declined: 'declined',
		expired: 'expired',
		canceled: 'canceled',
	},
	// Umbrella documents "completed" only; the others are the words of IDCanopy's journey
	// webhooks (complete, aborted, error) and plain guesses (unconfirmed).
	Umbrella: {
		pending: OPEN,
		processing: OPEN,
		completed: 'completed',
		complete: 'completed',
		aborted: 'canceled',
		canceled: 'canceled',
		declined: 'declined',
		expired: 'expired',
		error: 'failed',
		failed: 'failed',
	},
	// The document's status, and an invitation rejected or expired, which leaves it SENT
	// (field names of the invitation unconfirmed).
	Leegality: {
		DRAFT: OPEN,
		SENT: OPEN,
		COMPLETED: 'completed',
		REJECTED: 'declined',
		EXPIRED: 'expired',
	},
};

/** What `word` of `vendor` means: a final status, or undefined while the request is open. */
export function signingStatus(vendor: string, word: string): SigningStatus | undefined {
	const meaning = VENDOR_WORDS[vendor]?.[word];
	return meaning === undefined || meaning === OPEN ? undefined : meaning;
}

/** One signer as the output lists them. */
export interface Signer extends IDataObject {
	name: string | null;
	email: string | null;
	/** The vendor's word for this signer. */
	status: string | null;
	/** ISO time of the signature, where the vendor says. */
	signed_at: string | null;
}

/** One read of a request, in the output's terms. */
export interface Reading {
	/** The final status, or undefined while the request is open. */
	status: SigningStatus | undefined;
	/** The vendor's own word (for signNow, the word the node derives from the invites). */
	vendorStatus: string;
	requestId: string;
	signers: Signer[];
	/** ISO time the request reached its final status, where the vendor says. */
	finishedAt: string | null;
	/** The vendor's read of the request, as it sent it. */
	details: IDataObject;
}

/** The output item of a finished request; its IF-testable field is signing_status. */
export function outcomeJson(reading: Reading): IDataObject {
	return {
		signing_status: reading.status ?? null,
		vendor_status: reading.vendorStatus,
		request_id: reading.requestId,
		signers: reading.signers,
		finished_at: reading.finishedAt,
		details: reading.details,
	};
}

/** A time a vendor gives as Unix seconds, milliseconds or text, as ISO; null when there is none. */
export function isoTime(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
		return new Date(value < 1e12 ? value * 1000 : value).toISOString();
	}
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = Date.parse(value);
		return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
	}
	return null;
}
