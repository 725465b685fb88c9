import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { httpsUrl, pathId } from '../../../shared/schemas';

export const documentIdField: INodeProperties = {
	displayName: 'Document ID',
	name: 'documentId',
	type: 'string',
	required: true,
	default: '',
	description: 'The documentId Leegality returned when the sign request was created',
};

export const documentIdSchema = pathId('document ID');

export const signUrlField: INodeProperties = {
	displayName: 'Sign URL',
	name: 'signUrl',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'https://sandbox.leegality.com/sign/6069cd1e-961f-47b1-bd27-ac7ba1d7363c',
	description: 'An invitee’s signUrl, as returned by Create',
};

export const signUrlSchema = httpsUrl;

/**
 * Which key holds the invitees in a create answer is unconfirmed: integrators read `invitees`,
 * while Leegality's delete-invitation page calls the list `invitations`. Both are read here.
 */
export function inviteesOf(data: IDataObject | undefined): IDataObject[] {
	const list = data?.invitees ?? data?.invitations;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/**
 * The list endpoint's answer shape is not published: the documents are read from `data` itself
 * when it is an array, otherwise from `data.documents` or `data.list` (unconfirmed).
 */
export function documentsOf(data: unknown): IDataObject[] {
	if (Array.isArray(data)) return data as IDataObject[];
	const record = (data ?? {}) as IDataObject;
	const list = record.documents ?? record.list;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/**
 * The document's status sits at `data.document.status` (DRAFT, SENT or COMPLETED) according to
 * integrators (third-party), so it is read from there and lifted to the top of the output.
 */
export function documentStatusOf(data: IDataObject | undefined): string | undefined {
	const document = data?.document as IDataObject | undefined;
	const status = document?.status ?? data?.status;
	return typeof status === 'string' ? status : undefined;
}

/**
 * Leegality's phone format is not documented; a number of 10 to 15 digits with an optional
 * leading + covers Indian mobile numbers with or without the country code (unconfirmed).
 */
export const phoneSchema = z
	.string()
	.trim()
	.default('')
	.refine((v) => v === '' || /^\+?[0-9]{10,15}$/.test(v), 'Must be empty or 10 to 15 digits, optionally starting with +, such as 9876543210.');
