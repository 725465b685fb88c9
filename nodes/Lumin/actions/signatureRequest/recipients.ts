import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { email, futureDate } from '../../../shared/schemas';

export const recipient = z.object({ name: z.string().trim().min(1, 'Each person needs a name.'), email });

export const signer = recipient.extend({
	role: z.string().trim().optional(),
	group: z.coerce.number().int().min(0, 'Signing Group must be 0 (unset) or a whole number from 1.').optional(),
});

export const customEmail = z
	.object({
		sender_email: email.optional().or(z.literal('')),
		subject_name: z.string().optional(),
		title: z.string().optional(),
	})
	.optional();

/** Fields common to Send and Send From Template. */
export const requestBase = z.object({
	title: z.string().trim().min(1, 'A title is required.').max(255, 'At most 255 characters.'),
	expiresAt: futureDate,
	signers: z.array(signer).min(1, 'Add at least one signer.'),
	viewers: z.array(recipient).default([]),
	signingType: z.enum(['SAME_TIME', 'ORDER']).default('SAME_TIME'),
	customEmail,
});

export const requestLabels = {
	title: 'Title',
	expiresAt: 'Expires At',
	signers: 'Signers',
	viewers: 'Viewers',
	signingType: 'Signing Order',
	customEmail: 'Custom Email',
	name: 'Name',
	email: 'Email',
	group: 'Signing Group',
	role: 'Role',
};

/** With ORDER, Lumin requires a group (from 1) on every signer. */
export function orderProblems(input: z.infer<typeof requestBase>): string | undefined {
	if (input.signingType !== 'ORDER') return undefined;
	const missing = input.signers.filter((s) => !s.group).map((s) => s.email);
	return missing.length
		? `Signers: with "In Order" signing every signer needs a Signing Group of 1 or more; missing for ${missing.join(', ')}.`
		: undefined;
}

export function signersBody(input: z.infer<typeof requestBase>, withRole: boolean): IDataObject[] {
	return input.signers.map((s) => ({
		email_address: s.email,
		name: s.name,
		...(s.group ? { group: s.group } : {}),
		...(withRole && s.role ? { signer_role: s.role } : {}),
	}));
}

export function customEmailBody(custom: z.infer<typeof customEmail>): IDataObject | undefined {
	if (!custom) return undefined;
	const entries = Object.entries(custom).filter(([, v]) => typeof v === 'string' && v.trim() !== '');
	return entries.length ? Object.fromEntries(entries) : undefined;
}
