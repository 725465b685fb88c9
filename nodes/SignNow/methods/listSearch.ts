import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { entryName, matchesFilter } from '../../shared/listSearch';
import { ApiClient } from '../../shared/transport/client';
import { SIGNNOW } from '../transport';
import { isEmbedded } from '../transport/answers';
import { listDocuments } from '../transport/documents';
import { listTemplates } from '../transport/templates';
import { readPickedDocument } from './pickedDocument';

/**
 * The signed-in user's documents for the Document picker, last changed first, filtered by what is
 * typed (name or ID). signNow answers /user/documentsv2 with the whole list at once as far as is
 * known (unconfirmed whether it pages), so there is no page token.
 */
export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const documents = await listDocuments(new ApiClient(this, SIGNNOW));
	return {
		results: documents
			.filter((d) => matchesFilter(filter, d.document_name, d.id))
			.sort((a, b) => Number(b.updated ?? 0) - Number(a.updated ?? 0))
			.map((d) => ({
				name: entryName(d.document_name ?? d.id, d.template ? 'template' : undefined),
				value: d.id,
			})),
	};
}

/**
 * The embedded invites of the document picked in Document, for the Field Invite picker: signNow
 * lists a document's invites only inside the document, so the list stays empty until one is picked.
 */
export async function searchFieldInvites(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const document = await readPickedDocument(this);
	if (!document) return { results: [] };
	return {
		results: document.field_invites
			.filter((invite) => isEmbedded(invite))
			.filter((invite) =>
				matchesFilter(filter, invite.email, invite.role, invite.status, invite.id),
			)
			.map((invite) => ({
				name: entryName(invite.email ?? invite.id, invite.role, invite.status),
				value: invite.id,
			})),
	};
}

/** The account's templates for the Template picker, last changed first, filtered by name or ID. */
export async function searchDocumentTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const templates = await listTemplates(new ApiClient(this, SIGNNOW));
	return {
		results: templates
			.filter((t) => matchesFilter(filter, t.document_name, t.id))
			.sort((a, b) => Number(b.updated ?? 0) - Number(a.updated ?? 0))
			.map((t) => ({ name: t.document_name ?? t.id, value: t.id })),
	};
}
