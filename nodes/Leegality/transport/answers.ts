import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { fileStart, isPdf, pdfStart } from '../../shared/pdf';
import { type LeegalityMessage, messagesOf } from './index';

/**
 * What each operation needs from a status-1 answer, checked with api.checkAnswer: an answer
 * lacking it fails the item naming the missing field, instead of passing on an empty result.
 * The answer shapes Leegality has not published are read here and nowhere else.
 */

/** Checks `value` against `schema` and reports its problems at `path` of the parent. */
function checkPart(
	ctx: z.RefinementCtx,
	schema: z.ZodTypeAny,
	value: unknown,
	path: Array<string | number>,
): void {
	const parsed = schema.safeParse(value);
	if (parsed.success) return;
	for (const issue of parsed.error.issues)
		ctx.addIssue({ ...issue, path: [...path, ...issue.path] });
}

const answerRecord = z.record(z.unknown());

export interface CreatedInvitee extends IDataObject {
	signUrl: string;
}

const inviteeList = z
	.array(z.object({ signUrl: z.string().url('is not a URL') }).passthrough())
	.min(1, 'lists no invitee');

/**
 * Create: the document's ID and every invitee's sign URL. Whether the list is called `invitees`
 * (integrators) or `invitations` (Leegality's delete-invitation page) is unconfirmed: both are read.
 */
export const createAnswer = z
	.object({
		data: answerRecord.superRefine((data, ctx) => {
			checkPart(ctx, z.string().min(1, 'is empty'), data.documentId, ['documentId']);
			const key =
				data.invitees === undefined && data.invitations !== undefined ? 'invitations' : 'invitees';
			checkPart(ctx, inviteeList, data[key], [key]);
		}),
	})
	.passthrough()
	.transform((answer) => ({
		documentId: answer.data.documentId as string,
		irn: typeof answer.data.irn === 'string' && answer.data.irn ? answer.data.irn : undefined,
		invitees: (answer.data.invitees ?? answer.data.invitations) as CreatedInvitee[],
		// Warnings (a stamp shortfall, say) can come with a successful answer.
		messages: messagesOf(answer),
	}));

/**
 * Get: the document's details, passed on whole, with its status. The status sits at
 * `data.document.status` (DRAFT, SENT or COMPLETED) according to integrators (unconfirmed); a
 * top-level `data.status` is read as well.
 */
export const detailsAnswer = z
	.object({
		data: answerRecord.superRefine((data, ctx) => {
			if (typeof data.status === 'string') return;
			checkPart(ctx, z.object({ status: z.string() }).passthrough(), data.document, ['document']);
		}),
	})
	.transform(({ data }) => ({
		details: data as IDataObject,
		status:
			typeof data.status === 'string'
				? data.status
				: ((data.document as IDataObject).status as string),
	}));

/**
 * Get Many: one page of documents. The list answer's shape is not published: the documents are
 * read from `data` itself when it is a list, otherwise from `data.documents` or `data.list`
 * (unconfirmed). An answer with none of them fails rather than looking like "no documents".
 */
export const listAnswer = z
	.object({
		data: z.unknown().superRefine((data, ctx) => {
			const documents = z.array(answerRecord);
			if (Array.isArray(data)) return checkPart(ctx, documents, data, []);
			if (!answerRecord.safeParse(data).success) return checkPart(ctx, answerRecord, data, []);
			const record = data as Record<string, unknown>;
			const key =
				record.documents === undefined && record.list !== undefined ? 'list' : 'documents';
			checkPart(ctx, documents, record[key], [key]);
		}),
	})
	.transform(({ data }) => {
		const record = data as Record<string, unknown>;
		return (Array.isArray(data) ? data : (record.documents ?? record.list)) as IDataObject[];
	});

/**
 * Download: the file itself. Leegality answers with its JSON envelope when it has no file to
 * give; a status-1 envelope, an empty body or anything that is not a PDF is not the file.
 */
export const fileAnswer = z.object({
	contentType: z
		.string()
		.refine((type) => !type.includes('json'), 'Leegality sent JSON instead of the file'),
	sizeBytes: z.number().positive('the file is empty'),
	startsWith: pdfStart('the file is not a PDF'),
});

/** A summary of a downloaded body for fileAnswer, small enough to travel in an error. */
export function fileSummary(
	body: Buffer,
	contentType: string,
): z.input<typeof fileAnswer> & { answer?: string } {
	return {
		contentType,
		sizeBytes: body.length,
		startsWith: fileStart(body),
		...(isPdf(body) ? {} : { answer: body.subarray(0, 300).toString('utf8') }),
	};
}

/** What Leegality said with a success: its messages, and the first one's code and text when it gave them. */
export function reportedMessages(body: unknown): {
	code?: string;
	message?: string;
	messages: LeegalityMessage[];
} {
	const messages = messagesOf(body);
	const first = messages[0] ?? {};
	return {
		...(first.code !== undefined ? { code: first.code } : {}),
		...(first.message !== undefined ? { message: first.message } : {}),
		messages,
	};
}

/**
 * Download of a sender's attachment or an invitee's supporting document: a file of any type, so
 * only what is certainly not the file fails: Leegality's JSON envelope, or nothing at all.
 */
export const otherFileAnswer = z.object({
	contentType: fileAnswer.shape.contentType,
	sizeBytes: fileAnswer.shape.sizeBytes,
});

/**
 * The file name an answer gives in its Content-Disposition header, reduced to a plain name (no
 * folders), or undefined when it gives none.
 */
export function dispositionFileName(header: unknown): string | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string') return undefined;
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(value);
	if (!match) return undefined;
	let name = match[1];
	try {
		name = decodeURIComponent(name);
	} catch {
		// Kept as sent.
	}
	name = name.replace(/^.*[\\/]/, '').trim();
	return name || undefined;
}
