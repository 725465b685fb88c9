import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { locatorText } from '../../shared/locator';
import { ApiClient } from '../../shared/transport/client';
import { DOCUMENT_URL } from '../descriptions/document';
import { SIGNNOW } from '../transport';
import type { SignNowDocument } from '../transport/answers';
import { readDocument } from '../transport/documents';

/**
 * The document the Document field names as the editor holds it, for the lists that show its parts
 * (roles, invites). Until it is a plain ID (picked, typed or inside a signNow URL) there is nothing
 * to read: an empty field or an expression, which only a run resolves, gives undefined.
 */
export async function readPickedDocument(
	context: ILoadOptionsFunctions,
): Promise<SignNowDocument | undefined> {
	const documentId = pickedDocumentId(context);
	if (!documentId) return undefined;
	return await readDocument(new ApiClient(context, SIGNNOW), documentId);
}

/** The ID in the Document field as the editor holds it, or undefined (see readPickedDocument). */
export function pickedDocumentId(context: ILoadOptionsFunctions): string | undefined {
	const documentId = locatorText(context.getCurrentNodeParameter('documentId'), DOCUMENT_URL);
	if (!documentId || documentId.startsWith('=') || /[/?#\s]/.test(documentId)) return undefined;
	return documentId;
}
