import { z } from 'zod';

/**
 * What each SignatureAPI answer must carry before the node calls it a success. Objects the node
 * passes on whole keep every other field (passthrough); what is checked is what the operation
 * needs, so a 2xx with an empty or half body fails with the missing fields named.
 */

const text = z.string().min(1, 'Expected a non-empty string');

const withId = z.object({ id: text }).passthrough();

/** A recipient as envelopes and Recipient → Get return it: its ID and status. */
export const recipientAnswer = z.object({ id: text, status: text }).passthrough();

/** An envelope: ID, status and its recipients (their IDs are what a workflow goes on with). */
export const envelopeAnswer = z
	.object({ id: text, status: text, recipients: z.array(z.object({ id: text }).passthrough()) })
	.passthrough();

/** Envelope → Create: the envelope, with as many recipients as were sent. */
export function createdEnvelopeAnswer(recipientsSent: number) {
	return envelopeAnswer.extend({
		recipients: z
			.array(z.object({ id: text }).passthrough())
			.length(recipientsSent, `Expected the ${recipientsSent} recipient(s) sent, each with its ID`),
	});
}

/** Envelope → Cancel: the envelope, now canceled. */
export const canceledEnvelopeAnswer = z
	.object({
		id: text,
		status: z.string().superRefine((status, ctx) => {
			if (status !== 'canceled')
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `Expected "canceled", got ${JSON.stringify(status)}`,
				});
		}),
	})
	.passthrough();

/** One page of Envelope → Get Many: its envelopes, and the link to the next page (null on the last). */
export const envelopePageAnswer = z.object({
	data: z.array(withId),
	links: z.object({ next: z.string().min(1).nullable() }).passthrough(),
});

/**
 * Ceremony → Create: `url` must be there. It is null when the first method is Email Link (the link
 * is emailed instead); otherwise it is the link to open or embed. SignatureAPI documents the link
 * for Custom; that Email Code first returns one too is (unconfirmed).
 */
export function ceremonyAnswer(firstMethod: string) {
	const url =
		firstMethod === 'email_link'
			? z.string().url().nullable()
			: z
					.string({
						invalid_type_error: `Expected the ceremony link: with ${firstMethod} as the first method, SignatureAPI returns one`,
					})
					.url();
	return z.object({ url }).passthrough();
}

/** Recipient → Replace: the new recipient, with its own ID. */
export const replacementAnswer = recipientAnswer;

/** Recipient → Resend: when the recipient can be emailed again. */
export const resendAnswer = z.object({ can_resend_at: text }).passthrough();

/** A deliverable: its status, and a file URL once it is generated. */
export const deliverableAnswer = z
	.object({ id: text, status: text, url: z.string().nullable().optional() })
	.passthrough()
	.superRefine((deliverable, ctx) => {
		if (deliverable.status === 'generated' && !deliverable.url) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['url'],
				message: 'Expected the file URL, because the status is generated',
			});
		}
	});

/** An event as the events list gives it: the same object a webhook call carries. */
const eventAnswer = z
	.object({
		id: text,
		type: text,
		timestamp: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date'),
		data: z.object({}).passthrough(),
	})
	.passthrough();

/** One page of the account's events (newest first), and the link to the next, older page. */
export const eventPageAnswer = z.object({
	data: z.array(eventAnswer),
	links: z.object({ next: z.string().min(1).nullable() }).passthrough(),
});

/** The deliverables of one envelope (its first page: an envelope has a few). */
export const deliverableListAnswer = z.object({ data: z.array(deliverableAnswer) });
