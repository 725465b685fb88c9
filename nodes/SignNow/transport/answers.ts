import { z } from 'zod';

import { pdfStart } from '../../shared/pdf';

/**
 * What each signNow answer must carry before the node reports success. Objects passed on to the
 * user keep every other field signNow sends (passthrough).
 */

/** Text signNow may leave out or send as null. */
const optionalText = z.string().nullish();

/** A role of a document, as GET /document/{id} lists them. */
const roleSchema = z
	.object({
		unique_id: z.string().min(1),
		name: z.string(),
		signing_order: z.union([z.number(), z.string()]).nullish(),
	})
	.passthrough();

/** An invite of a document, as GET /document/{id} lists them. */
const fieldInviteSchema = z
	.object({
		id: z.string().min(1),
		status: z.string(),
		email: optionalText,
		role: optionalText,
		role_id: optionalText,
		// signNow marks embedded invites with a boolean, a number or a string, depending on the endpoint.
		is_embedded: z.union([z.boolean(), z.number(), z.string()]).nullish(),
	})
	.passthrough();

/**
 * GET /document/{id} as the operations read it: the roles and the invites decide what the node
 * says about a document (its status, who may be invited), so an answer without them is an error,
 * not an empty list. Everything else is passed on as signNow sent it.
 */
export const documentAnswer = z
	.object({
		id: z.string().min(1),
		document_name: optionalText,
		created: z.union([z.number(), z.string()]).nullish(),
		updated: z.union([z.number(), z.string()]).nullish(),
		roles: z.array(roleSchema),
		field_invites: z.array(fieldInviteSchema),
		/** The owner's email. Not in the reference material; the owner check is skipped without it (unconfirmed). */
		owner: z.unknown().optional(),
	})
	.passthrough();

export type SignNowDocument = z.infer<typeof documentAnswer>;
export type DocumentRole = z.infer<typeof roleSchema>;
export type FieldInvite = z.infer<typeof fieldInviteSchema>;

export function isEmbedded(invite: FieldInvite): boolean {
	return invite.is_embedded === true || invite.is_embedded === 1 || invite.is_embedded === '1';
}

/**
 * The user's documents from /user/documentsv2: a bare list of documents with `id` and
 * `document_name` (as integrators read it; a `data` wrapper is taken too, unconfirmed).
 */
export const documentListAnswer = z.preprocess(
	(body) =>
		body && typeof body === 'object' && !Array.isArray(body)
			? (body as { data?: unknown }).data
			: body,
	z.array(
		z
			.object({
				id: z.string().min(1),
				document_name: z.string().optional(),
				template: z.boolean().optional(),
				updated: z.union([z.number(), z.string()]).optional(),
			})
			.passthrough(),
		{ invalid_type_error: 'Expected the list of documents' },
	),
);

/** signNow's answer to a deletion: {"status": "success"}; anything else is not a success. */
export const deletedAnswer = z.object({
	status: z.string().refine(
		(status) => status === 'success',
		(status) => ({ message: `is "${status}", not "success"` }),
	),
});

/** Document → Upload: the new document's ID. */
export const uploadedAnswer = z.object({ id: z.string().min(1) });

/** Document → Upload From URL: the new document's ID, under either name. */
export const uploadedFromUrlAnswer = z
	.object({ id: z.string().min(1).optional(), document_id: z.string().min(1).optional() })
	.refine(
		(answer) => answer.id !== undefined || answer.document_id !== undefined,
		'has no document ID (neither id nor document_id)',
	);

/** A download that is empty or not a PDF (an error page from a proxy, say) is not the document. */
export const pdfFile = z.object({
	file: z.object({
		size: z.number().positive('is empty (0 bytes)'),
		start: pdfStart('is not a PDF (it does not start with %PDF-)'),
	}),
});

/** The link is what this operation is for: an answer without one is not a success. */
export const linkAnswer = z.object({ data: z.object({ link: z.string().url() }) });

export const sameEmail = (a: string | null | undefined, b: string) =>
	typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/**
 * The answer as the operation needs it: one created invite, with its ID, for every requested
 * signer (found by email). Without that the next step (Generate Link) has nothing to work with.
 */
export function createdInvitesAnswer(emails: string[]) {
	const created = z
		.object({
			id: z.string().min(1),
			email: z.string().min(1),
			role_id: z.string().nullish(),
			order: z.union([z.number(), z.string()]).nullish(),
			status: z.string().nullish(),
		})
		.passthrough();
	return z.object({ data: z.array(created) }).superRefine((answer, ctx) => {
		const missing = emails.filter(
			(address) => !answer.data.some((c) => sameEmail(c.email, address)),
		);
		if (missing.length) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['data'],
				message: `lists no created invite for ${missing.join(', ')}`,
			});
		}
	});
}

// Templates, text fields, email invites, history and the other downloads.

/** Template → Create Document: the new document's ID; its name under either key (unconfirmed). */
export const copiedTemplateAnswer = z
	.object({
		id: z.string().min(1),
		name: optionalText,
		document_name: optionalText,
	})
	.passthrough();

/** One field of a document, as GET /v2/documents/{id}/fields lists it. */
const documentFieldSchema = z
	.object({
		id: optionalText,
		name: z.string(),
		type: z.string(),
		value: z.union([z.string(), z.number()]).nullish(),
	})
	.passthrough();

export type DocumentField = z.infer<typeof documentFieldSchema>;

export const documentFieldsAnswer = z.object({ data: z.array(documentFieldSchema) });

/** Fields signNow prefills: its text fields ("text" is the SDKs' type name, unconfirmed). */
export function isTextField(field: DocumentField): boolean {
	return field.type.toLowerCase() === 'text';
}

/** An answer with no content (204), as Prefill Text Fields gets: nothing in it is needed. */
export const noContentAnswer = z.unknown();

/** Invite → Send by Email: {"status": "success"}, as for deletions. */
export const invitedAnswer = deletedAnswer;

/**
 * Invite → Cancel: signNow's own client reads {"status": "cancelled"}; "canceled" and "success"
 * are taken too, as the word is not published (unconfirmed). Any other status is no success.
 */
export const cancelledAnswer = z.object({
	status: z.string().refine(
		(status) => ['cancelled', 'canceled', 'success'].includes(status),
		(status) => ({ message: `is "${status}", not "cancelled"` }),
	),
});

/** GET /user: the account's ID, and its email, which an email invite is sent from. */
export const userAnswer = z
	.object({
		id: z.string().min(1),
		primary_email: optionalText,
		emails: z.array(z.string()).nullish(),
	})
	.passthrough();

export const userEmailAnswer = userAnswer.refine(
	(user) => Boolean(user.primary_email || user.emails?.[0]),
	{ message: 'has no email address (neither primary_email nor emails)', path: ['primary_email'] },
);

/** One event of a document's history; everything signNow sends is passed on. */
const historyEventSchema = z.record(z.unknown());

/**
 * GET /document/{id}/historyfull: signNow's own MCP client reads {document_history: [...]}, other
 * clients a bare list of events (unconfirmed which); both are read.
 */
export const historyAnswer = z.preprocess(
	(body) => {
		const wrapped = (body as { document_history?: unknown } | null)?.document_history;
		return Array.isArray(wrapped) ? wrapped : body;
	},
	z.array(historyEventSchema, { invalid_type_error: 'Expected the list of history events' }),
);

/** A ZIP archive starts with a local file header ("PK\x03\x04"), or is an empty archive. */
export const zipFile = z.object({
	file: z.object({
		size: z.number().positive('is empty (0 bytes)'),
		start: z
			.string()
			.refine(
				(start) => start.startsWith('PK\x03\x04') || start.startsWith('PK\x05\x06'),
				'is not a ZIP archive (it does not start with PK)',
			),
	}),
});
