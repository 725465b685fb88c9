import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { readPickedDocument } from './pickedDocument';

/** Roles of the document picked in Document, for the invite's role dropdown. */
export async function getDocumentRoles(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const document = await readPickedDocument(this);
	if (!document) return [];
	return document.roles
		.map((role) => ({
			name: role.name,
			value: role.unique_id,
			description: `Signing order ${role.signing_order ?? 1}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
