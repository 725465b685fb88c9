import { z } from 'zod';

import type { VendorFailure } from './errors';

/**
 * What counts as a PDF, for every file the package sends or receives: a PDF starts with its
 * header, "%PDF-" followed by the version. An empty body, a proxy's HTML page or a JSON answer in
 * place of the file does not.
 */
const PDF_HEADER = '%PDF-';

/** How a file starts, as text as long as the PDF header: what a PDF check reads and a message may show. */
export function fileStart(head: Buffer): string {
	return head.subarray(0, PDF_HEADER.length).toString('latin1');
}

/** Whether bytes (the whole file or its first bytes) are a PDF's. */
export function isPdf(head: Buffer): boolean {
	return fileStart(head) === PDF_HEADER;
}

/** For answer checks: the start of a file (see fileStart) must be a PDF's; `message` says what is wrong otherwise. */
export function pdfStart(message: string) {
	return z.string().refine((start) => isPdf(Buffer.from(start, 'latin1')), message);
}

/** A short description of bytes that are not the file expected: their size and how they start. */
function describeBytes(data: Buffer): string {
	if (data.length === 0) return 'it is empty';
	const start = data
		.subarray(0, 20)
		.toString('utf8')
		.replace(/[^\x20-\x7e]/g, '.');
	return `${data.length} bytes starting with "${start}"`;
}

/**
 * A file fetched from a storage host that is not a PDF, as the vendor's incomplete answer:
 * `what` it should have been ("the file of deliverable del_1"), its size and how it starts.
 */
export function notPdf(what: string, data: Buffer, hint: string): VendorFailure {
	return {
		code: 'incomplete_answer',
		message: `${what} is not a PDF (${describeBytes(data)})`,
		hint,
	};
}
