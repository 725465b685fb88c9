import { z } from 'zod';

/**
 * What each Umbrella answer must carry before the node reports success, from the OpenAPI of
 * createSessionLink and the configureWebhook / getVerification pages. Every answer is wrapped as
 * {status: true, data}; `status: false` is Umbrella's own failure and is reported before these
 * checks (see transport). Objects passed on to the user keep every field Umbrella sends.
 */

const text = z.string().min(1, 'is empty');
const link = z.string().url('is not a URL');
const isoTime = z.string().datetime({ offset: true, message: 'is not an ISO date and time' });

function wrapped<T extends z.ZodTypeAny>(data: T) {
	return z.object({ status: z.boolean().refine((status) => status, 'is not true'), data });
}

export const sessionLinkAnswer = wrapped(
	z.object({ requestId: text, url: link, expiresAfter: isoTime }),
);

export const webhookAnswer = wrapped(z.object({ id: text, url: link, createdAt: text }));

const verification = z.object({ status: text, isVerified: z.boolean().optional() }).passthrough();

export const verificationAnswer = wrapped(verification);

const signedResource = z
	.object({
		resourceUrl: link,
		urlValidBefore: isoTime.optional(),
		filename: z.string().optional(),
		mimeType: z.string().optional(),
	})
	.passthrough();

/** Whether Umbrella uses other status values than "completed" is not documented (unconfirmed). */
const isCompleted = (status: string) => status.toLowerCase() === 'completed';

/**
 * For Download Signed Document: every signed file comes with a link, and a completed session
 * has at least one signed file.
 */
export const downloadableVerificationAnswer = wrapped(
	verification
		.extend({
			signature: z
				.object({
					content: z.array(z.object({ signedResource: signedResource.optional() }).passthrough()),
				})
				.passthrough()
				.optional(),
		})
		.superRefine((data, ctx) => {
			if (
				isCompleted(data.status) &&
				!data.signature?.content.some((entry) => entry.signedResource)
			) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['signature', 'content'],
					message: 'has no signedResource (the signed document), although the status is completed',
				});
			}
		}),
);
