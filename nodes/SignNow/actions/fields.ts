import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { type LocatorUrl, locatorFields, locatorId } from '../../shared/locator';
import { alphabetical, oneOf, pathId } from '../../shared/schemas';

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

/** How the signer proves who they are before signing, in the order signNow lists the methods. */
const authMethodOptions: INodePropertyOptions[] = [
	{ name: 'None', value: 'none', description: 'Your app has already identified the signer' },
	{ name: 'Email', value: 'email' },
	{ name: 'Password', value: 'password' },
	{ name: 'MFA', value: 'mfa' },
	{ name: 'Social', value: 'social' },
	{ name: 'Biometric', value: 'biometric' },
	{ name: 'Other', value: 'other' },
];

export const authMethod = oneOf(
	authMethodOptions,
	(values) => `Must be one of ${values.join(', ')}.`,
);

export function authMethodField(description: string): INodeProperties {
	return {
		displayName: 'Auth Method',
		name: 'authMethod',
		type: 'options',
		options: alphabetical(authMethodOptions),
		default: 'none',
		description,
	};
}

export const checkFieldsOption: INodeProperties = {
	displayName: 'Check Fields',
	name: 'checkFields',
	type: 'boolean',
	default: false,
	description:
		'Whether signNow should turn text tags in the document (such as {{t:s;r:y;o:"Signer 1";}}) into fields and roles. Embedded invites need a document with roles.',
};
