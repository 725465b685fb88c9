import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locatorFields, locatorId } from '../../shared/locator';
import { httpsUrl } from '../../shared/schemas';

/**
 * The sign request's document: picked from the account's documents or by its ID. Leegality
 * publishes no document ID format and no dashboard URL for a document, so there is neither an ID
 * check beyond a path-safe value nor a "By URL" mode.
 */
export const documentIdFields: INodeProperties[] = locatorFields(
	{
		displayName: 'Document',
		name: 'documentId',
		what: 'document',
		searchListMethod: 'searchDocuments',
		description:
			'The sign request’s document, picked from the list, or the documentId Leegality returned when it was created',
	},
	{
		displayName: 'Document ID',
		name: 'documentId',
		type: 'string',
		required: true,
		default: '',
		description: 'The documentId Leegality returned when the sign request was created',
	},
);

export const documentId = locatorId('document');

export const signUrlField: INodeProperties = {
	displayName: 'Sign URL',
	name: 'signUrl',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'https://sandbox.leegality.com/sign/6069cd1e-961f-47b1-bd27-ac7ba1d7363c',
	description: 'An invitee’s signUrl, as returned by Create',
};

export const signUrl = httpsUrl;

/**
 * Leegality's phone format is not documented; a number of 10 to 15 digits with an optional
 * leading + covers Indian mobile numbers with or without the country code (unconfirmed).
 */
export const phone = z
	.string()
	.trim()
	.default('')
	.refine(
		(v) => v === '' || /^\+?[0-9]{10,15}$/.test(v),
		'Must be empty or 10 to 15 digits, optionally starting with +, such as 9876543210.',
	);

/** The consent text, shown in the node (and written once, where the request sends it). */
export { DOCSIGNER_CONSENT } from '../transport/docSigner';
