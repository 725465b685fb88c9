import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ApiClient } from '../../shared/transport/client';
import { SIGNNOW } from '../transport';
import { isTextField } from '../transport/answers';
import { listFields } from '../transport/fields';
import { pickedDocumentId, readPickedDocument } from './pickedDocument';

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

/** Text fields of the document picked in Document, by name, for Prefill Text Fields. */
export async function getDocumentTextFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const documentId = pickedDocumentId(this);
	if (!documentId) return [];
	const fields = await listFields(new ApiClient(this, SIGNNOW), documentId);
	return fields
		.filter(isTextField)
		.map((field) => ({
			name: field.name,
			value: field.name,
			...(field.value !== undefined && field.value !== null && field.value !== ''
				? { description: `Now: ${String(field.value)}` }
				: {}),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
