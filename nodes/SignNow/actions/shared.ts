import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { pathId } from '../../shared/schemas';

export const documentIdField: INodeProperties = {
	displayName: 'Document ID',
	name: 'documentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '016c8d15f909003085ed074a06236bc50bb3e1c3',
	description: 'ID of a signNow document, as returned by Document → Upload or shown in its URL',
};

export const documentId = pathId('document ID');

/** How the signer proves who they are before signing, as signNow names the methods. */
export const AUTH_METHODS = ['none', 'email', 'password', 'mfa', 'social', 'biometric', 'other'] as const;

export const authMethod = z.enum(AUTH_METHODS, {
	errorMap: () => ({ message: `Must be one of ${AUTH_METHODS.join(', ')}.` }),
});

export function authMethodField(description: string): INodeProperties {
	return {
		displayName: 'Auth Method',
		name: 'authMethod',
		type: 'options',
		options: [
			{ name: 'Biometric', value: 'biometric' },
			{ name: 'Email', value: 'email' },
			{ name: 'MFA', value: 'mfa' },
			{ name: 'None', value: 'none', description: 'Your app has already identified the signer' },
			{ name: 'Other', value: 'other' },
			{ name: 'Password', value: 'password' },
			{ name: 'Social', value: 'social' },
		],
		default: 'none',
		description,
	};
}

/** A role of a document, as GET /document/{id} lists them. */
export interface DocumentRole {
	unique_id: string;
	name: string;
	signing_order?: number | string;
}

export interface FieldInvite {
	id: string;
	status?: string;
	email?: string;
	role?: string;
	role_id?: string;
	is_embedded?: boolean | number | string;
	expiration_time?: number | string;
	[key: string]: unknown;
}

/** signNow marks embedded invites with a boolean, a number or a string, depending on the endpoint. */
export function isEmbedded(invite: FieldInvite): boolean {
	return invite.is_embedded === true || invite.is_embedded === 1 || invite.is_embedded === '1';
}

export interface SignNowDocument {
	id: string;
	document_name?: string;
	/** The owner's email. Not in the reference material; the owner check is skipped without it (unconfirmed). */
	owner?: string;
	created?: number | string;
	updated?: number | string;
	template?: boolean;
	roles?: DocumentRole[];
	field_invites?: FieldInvite[];
	fields?: unknown[];
	signatures?: unknown[];
	[key: string]: unknown;
}
