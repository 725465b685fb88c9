import type { INodeProperties } from 'n8n-workflow';

import { type LocatorUrl, locatorFields, locatorId } from '../../shared/locator';
import { pathId } from '../../shared/schemas';

/** The Document field, as the actions, the lists that depend on it and the trigger show it. */

const documentIdField: INodeProperties = {
	displayName: 'Document ID',
	name: 'documentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '016c8d15f909003085ed074a06236bc50bb3e1c3',
};

/**
 * Where a document has a URL: its API resource (/document/{id}, documented) and its page in the
 * signNow web app (app.signnow.com/webapp/document/{id}, unconfirmed), production or sandbox.
 */
export const DOCUMENT_URL: LocatorUrl = {
	hosts: ['app.signnow.com', 'app-eval.signnow.com', 'api.signnow.com', 'api-eval.signnow.com'],
	path: /^\/(?:webapp\/)?document\/([0-9A-Za-z]+)(?:\/.*)?$/,
	example: 'https://app.signnow.com/webapp/document/016c8d15f909003085ed074a06236bc50bb3e1c3',
};

/** The document: picked from the account's documents, by ID, or by its signNow URL. */
export function documentIdFields(
	description = 'ID of a signNow document, as returned by Document → Upload or shown in its URL',
): INodeProperties[] {
	return locatorFields(
		{
			displayName: 'Document',
			name: 'documentId',
			what: 'document',
			searchListMethod: 'searchDocuments',
			description,
			idPlaceholder: documentIdField.placeholder,
			// The IDs signNow documents show are 40 hexadecimal characters.
			idPattern: {
				regex: '^[0-9a-fA-F]{40}$',
				errorMessage: 'A signNow document ID is 40 characters, 0-9 and a-f',
			},
			url: DOCUMENT_URL,
		},
		{ ...documentIdField, description },
	);
}

export const documentId = locatorId('document', pathId('document ID'), DOCUMENT_URL);
