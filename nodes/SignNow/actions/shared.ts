import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { pathId } from '../../shared/schemas';
import type { ApiClient } from '../../shared/transport/request';

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

/** Text signNow may leave out or send as null. */
const optionalText = z.string().nullish();

/** A role of a document, as GET /document/{id} lists them. */
const roleSchema = z
	.object({ unique_id: z.string().min(1), name: z.string(), signing_order: z.union([z.number(), z.string()]).nullish() })
	.passthrough();

/** An invite of a document, as GET /document/{id} lists them. */
const fieldInviteSchema = z
	.object({
		id: z.string().min(1),
		status: z.string(),
		email: optionalText,
		role: optionalText,
		role_id: optionalText,
		// signNow marks embedded invites with a boolean, a number or a string, depending on the endpoint.
		is_embedded: z.union([z.boolean(), z.number(), z.string()]).nullish(),
	})
	.passthrough();

/**
 * GET /document/{id} as the operations read it: the roles and the invites decide what the node
 * says about a document (its status, who may be invited), so an answer without them is an error,
 * not an empty list. Everything else is passed on as signNow sent it.
 */
export const documentAnswer = z
	.object({
		id: z.string().min(1),
		document_name: optionalText,
		created: z.union([z.number(), z.string()]).nullish(),
		updated: z.union([z.number(), z.string()]).nullish(),
		roles: z.array(roleSchema),
		field_invites: z.array(fieldInviteSchema),
		/** The owner's email. Not in the reference material; the owner check is skipped without it (unconfirmed). */
		owner: z.unknown().optional(),
	})
	.passthrough();

export type SignNowDocument = z.infer<typeof documentAnswer>;
export type DocumentRole = z.infer<typeof roleSchema>;
export type FieldInvite = z.infer<typeof fieldInviteSchema>;

export function isEmbedded(invite: FieldInvite): boolean {
	return invite.is_embedded === true || invite.is_embedded === 1 || invite.is_embedded === '1';
}

/** The one read of a document every operation uses. */
export async function readDocument(api: ApiClient, id: string, itemIndex?: number): Promise<SignNowDocument> {
	return await api.requestChecked({ method: 'GET', path: `/document/${encodeURIComponent(id)}` }, documentAnswer, itemIndex);
}

/** signNow's answer to a deletion: {"status": "success"}; anything else is not a success. */
export const deletedAnswer = z.object({
	status: z.string().refine(
		(status) => status === 'success',
		(status) => ({ message: `is "${status}", not "success"` }),
	),
});
