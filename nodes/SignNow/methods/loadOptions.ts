import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { locatorText } from '../../shared/locator';
import { ApiClient } from '../../shared/transport/request';
import { SIGNNOW } from '../transport';
import { readDocument } from '../actions/answers';
import { DOCUMENT_URL } from '../actions/fields';

/** Roles of the document named in Document ID, for the invite's role dropdown. */
export async function getDocumentRoles(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const documentId = locatorText(this.getCurrentNodeParameter('documentId'), DOCUMENT_URL);
	// Until a plain ID is entered (empty, or an expression not resolvable here) there is nothing to load.
	if (!documentId || documentId.startsWith('=') || /[/?#\s]/.test(documentId)) return [];
	const api = new ApiClient(this, SIGNNOW);
	const document = await readDocument(api, documentId);
	return document.roles
		.map((role) => ({
			name: role.name,
			value: role.unique_id,
			description: `Signing order ${role.signing_order ?? 1}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
