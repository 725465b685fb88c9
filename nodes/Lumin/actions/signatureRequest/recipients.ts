import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { email, futureDate } from '../../../shared/schemas';
import { duplicateProblems, listedValues } from '../../../shared/validation';

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
function orderProblems(input: z.infer<typeof requestBase>): string[] {
	if (input.signingType !== 'ORDER') return [];
	const missing = input.signers.filter((s) => !s.group).map((s) => s.email);
	return missing.length
		? [`Signers: with "In Order" signing every signer needs a Signing Group of 1 or more; missing for ${missing.join(', ')}.`]
		: [];
}

/**
 * Lumin tells the people on a request apart by email alone: a signing session, a signing link and
 * a reminder name the recipient only by email, and a signing session is issued to "a signer or
 * viewer". An address used twice, even once as signer and once as viewer, would make those
 * ambiguous (and a signer already receives the finished document, so a viewer copy adds nothing).
 * Email addresses are compared without regard to case, as mail systems treat them.
 */
function duplicateEmailProblems(input: z.infer<typeof requestBase>): string[] {
	return duplicateProblems(
		[
			...listedValues('Signers', 'Email', input.signers.map((s) => s.email)),
			...listedValues('Viewers', 'Email', input.viewers.map((v) => v.email)),
		],
		'Each signer and viewer needs an email address of their own; upper and lower case count as the same.',
		(address) => address.toLowerCase(),
	);
}

/** What Lumin would refuse, or get wrong, that no single field shows. */
export function recipientProblems(input: z.infer<typeof requestBase>): string[] {
	return [...duplicateEmailProblems(input), ...orderProblems(input)];
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
