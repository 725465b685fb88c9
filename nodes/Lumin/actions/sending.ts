import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fixedCollectionRows } from '../../shared/parameters';
import { email, futureDate, intAtLeast, oneOf, optionalEmail } from '../../shared/schemas';
import {
	checkParameters,
	duplicateProblems,
	failValidation,
	fieldLabel,
	listedValues,
} from '../../shared/validation';
import { signingTypeOptions } from './fields';

/* What Send and Send From Template share: the recipients and the request's settings. */

const recipient = z.object({ name: z.string().trim().min(1, 'Each person needs a name.'), email });

const signer = recipient.extend({
	role: z.string().trim().optional(),
	group: intAtLeast(0, 'Must be 0 (unset) or a whole number from 1.').optional(),
});

const customEmail = z
	.object({
		sender_email: optionalEmail.optional(),
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
	signingType: oneOf(signingTypeOptions).default('SAME_TIME'),
	customEmail,
});

type RequestBase = z.infer<typeof requestBase>;

/** With ORDER, Lumin requires a group (from 1) on every signer. */
function orderProblems(input: RequestBase, properties: INodeProperties[]): string[] {
	if (input.signingType !== 'ORDER') return [];
	const missing = input.signers.filter((s) => !s.group).map((s) => s.email);
	return missing.length
		? [
				`${fieldLabel(properties, ['signers'])}: with "In Order" signing every signer needs a Signing Group of 1 or more; missing for ${missing.join(', ')}.`,
			]
		: [];
}

/**
 * Lumin tells the people on a request apart by email alone: a signing session, a signing link and
 * a reminder name the recipient only by email, and a signing session is issued to "a signer or
 * viewer". An address used twice, even once as signer and once as viewer, would make those
 * ambiguous (and a signer already receives the finished document, so a viewer copy adds nothing).
 * Email addresses are compared without regard to case, as mail systems treat them.
 */
function duplicateEmailProblems(input: RequestBase, properties: INodeProperties[]): string[] {
	return duplicateProblems(
		[
			...listedValues(
				properties,
				'signers',
				'email',
				input.signers.map((s) => s.email),
			),
			...listedValues(
				properties,
				'viewers',
				'email',
				input.viewers.map((v) => v.email),
			),
		],
		'Each signer and viewer needs an email address of their own; upper and lower case count as the same.',
		(address) => address.toLowerCase(),
	);
}

/** What Lumin would refuse, or get wrong, that no single field shows. */
function recipientProblems(input: RequestBase, properties: INodeProperties[]): string[] {
	return [...duplicateEmailProblems(input, properties), ...orderProblems(input, properties)];
}

function signersBody(input: RequestBase, withRole: boolean): IDataObject[] {
	return input.signers.map((s) => ({
		email_address: s.email,
		name: s.name,
		...(s.group ? { group: s.group } : {}),
		...(withRole && s.role ? { signer_role: s.role } : {}),
	}));
}

function customEmailBody(custom: z.infer<typeof customEmail>): IDataObject | undefined {
	if (!custom) return undefined;
	const entries = Object.entries(custom).filter(
		([, v]) => typeof v === 'string' && v.trim() !== '',
	);
	return entries.length ? Object.fromEntries(entries) : undefined;
}

/** The parameters of requestBase as the node holds them; `options` is the operation's Options collection. */
export function readRequestBase(ctx: IExecuteFunctions, i: number, options: IDataObject) {
	return {
		title: ctx.getNodeParameter('title', i),
		expiresAt: ctx.getNodeParameter('expiresAt', i),
		signers: fixedCollectionRows(ctx, 'signers.signer', i),
		viewers: fixedCollectionRows(ctx, 'viewers.viewer', i),
		signingType: ctx.getNodeParameter('signingType', i),
		customEmail: options.customEmail,
	};
}

/**
 * Checks the parameters of Send or Send From Template against `schema` (an extension of
 * requestBase), then what no single field shows; labels come from the operation's `properties`.
 */
export function validateRequest<S extends z.ZodType<RequestBase, z.ZodTypeDef, unknown>>(
	ctx: IExecuteFunctions,
	schema: S,
	input: IDataObject,
	i: number,
	properties: INodeProperties[],
): z.infer<S> {
	const params = checkParameters(ctx, i, properties, schema, input);
	const problems = recipientProblems(params, properties);
	if (problems.length) failValidation(ctx.getNode(), problems, i);
	return params;
}

/** The body fields of requestBase; Send From Template also names each signer's template role. */
export function requestBody(params: RequestBase, withRole: boolean): IDataObject {
	const custom = customEmailBody(params.customEmail);
	return {
		title: params.title,
		expires_at: params.expiresAt,
		signers: signersBody(params, withRole),
		...(params.viewers.length
			? { viewers: params.viewers.map((v) => ({ email_address: v.email, name: v.name })) }
			: {}),
		signing_type: params.signingType,
		...(custom ? { custom_email: custom } : {}),
	};
}
