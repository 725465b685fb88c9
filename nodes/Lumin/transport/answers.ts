import { z } from 'zod';

import { pdfStart } from '../../shared/pdf';

/**
 * What each Lumin answer must carry before the node reports success, from Lumin's openapi.yaml
 * and the signing-session page. Objects passed on to the user keep every other field Lumin sends
 * (passthrough); only the fields an operation relies on are required.
 */

const text = z.string().min(1, 'is empty');
const link = z.string().url('is not a URL');

/** A signature request as Send, Send From Template and Get answer it, inside {signature_request}. */
const sentRequest = z.object({ signature_request_id: text, status: text.optional() }).passthrough();

export const sentAnswer = z.object({ signature_request: sentRequest });

export const requestAnswer = z.object({
	signature_request: z
		.object({
			signature_request_id: text,
			status: text,
			signers: z.array(z.object({ email_address: text, status: text }).passthrough()),
		})
		.passthrough(),
});

/** Cancel answers {signature_request_id, status: "CANCELLED"}; any other status does not confirm it. */
export const cancelAnswer = z
	.object({
		signature_request_id: text.optional(),
		status: z.string().superRefine((status, ctx) => {
			if (status !== 'CANCELLED') {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `is ${JSON.stringify(status)}, not "CANCELLED", so the cancellation is not confirmed`,
				});
			}
		}),
	})
	.passthrough();

/** Remind must report on every email it was given. */
export function remindAnswer(emails: string[]) {
	return z
		.object({
			signature_request: z.object({}).passthrough().optional(),
			reminders: z.array(z.object({ email: text, email_status: text }).passthrough()),
		})
		.superRefine((answer, ctx) => {
			const reported = new Set(answer.reminders.map((r) => r.email.toLowerCase()));
			for (const email of emails) {
				if (!reported.has(email.toLowerCase())) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['reminders'],
						message: `has no entry for ${email}`,
					});
				}
			}
		});
}

export const signingSessionAnswer = z.object({
	sign_url: link,
	signer_email: text,
	// Milliseconds, turned into expires_at_iso.
	expires_at: z
		.number()
		.int('is not a whole number of milliseconds')
		.positive('is not a time')
		.refine((ms) => !Number.isNaN(new Date(ms).getTime()), 'is not a time in milliseconds'),
	status: text,
});

export const signingLinkAnswer = z.object({ view_url: link }).passthrough();

/** The JSON form of the file answer: a pre-signed URL and its expiry in Unix seconds. */
export const fileLinkAnswer = z.object({
	signed_url: link,
	expires_at: z
		.number()
		.positive('is not a time')
		.refine((s) => !Number.isNaN(new Date(s * 1000).getTime()), 'is not a time in seconds'),
});

export const templatePageAnswer = z.object({
	total_count: z.number().int().nonnegative(),
	data: z.array(
		z.object({ id: text, name: z.string().optional(), title: z.string().optional() }).passthrough(),
	),
});

/** The first bytes of a downloaded file, which must be a PDF's. */
export const pdfFile = z.object({
	file: pdfStart('is not a PDF (it does not start with %PDF-)'),
});
