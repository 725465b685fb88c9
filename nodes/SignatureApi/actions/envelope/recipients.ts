import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { z } from 'zod';

import { fixedCollectionRows } from '../../../shared/parameters';
import { jsonArray, oneOf, optionalEmail } from '../../../shared/schemas';
import type { FieldLabels } from '../../../shared/validation';
import {
	authenticationBody,
	authenticationFields,
	authenticationMethod,
	ceremonyOptionFields,
	ceremonyOptionsBody,
	ceremonyOptionsSchema,
	rawCeremonyOptions,
} from '../ceremonySettings';

/*
 * The recipients of Envelope → Create: who they are, how each proves who they are (a first
 * authentication step from its own fields, further steps as JSON), their ceremony and delivery.
 */

const recipientTypeOptions: INodePropertyOptions[] = [
	{ name: 'Signer', value: 'signer' },
	{ name: 'Approver', value: 'approver', description: 'Approves without signing' },
	{ name: 'Preparer', value: 'preparer', description: 'Fills in fields before the others' },
	{
		name: 'Automatic Signer',
		value: 'automatic_signer',
		description: 'Your own signature, applied without a ceremony',
	},
];

const ceremonyCreationOptions: INodePropertyOptions[] = [
	{
		name: 'Automatic',
		value: 'automatic',
		description: 'SignatureAPI creates the ceremony with the settings above',
	},
	{ name: 'Manual', value: 'manual', description: 'You create it later with Ceremony → Create' },
];

const deliveryOptions: INodePropertyOptions[] = [
	{ name: 'Email', value: 'email', description: 'SignatureAPI emails the recipient' },
	{ name: 'None', value: 'none', description: 'No email: you show the ceremony in your app' },
];

/** The fields of one further authentication step, named as SignatureAPI's JSON names them. */
const furtherStepFields = authenticationFields('type');

const recipientValues: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: recipientTypeOptions,
		default: 'signer',
	},
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'client',
		description: 'Your name for this recipient, unique in the envelope; places refer to it',
	},
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	...authenticationFields('authType').map((field) =>
		field.name === 'authType'
			? {
					...field,
					displayName: 'Authentication',
					description: 'How the recipient proves who they are in the ceremony',
				}
			: field,
	),
	{
		displayName: 'Further Authentication Steps (JSON)',
		name: 'furtherAuthentication',
		type: 'json',
		default: '[]',
		description:
			'Steps the recipient completes after the one above, in order, as SignatureAPI writes them, e.g. [{"type": "email_code"}] or [{"type": "custom", "provider": "my-app", "data": {}}]',
	},
	...ceremonyOptionFields,
	{
		displayName: 'Ceremony Creation',
		name: 'ceremonyCreation',
		type: 'options',
		options: ceremonyCreationOptions,
		default: 'automatic',
	},
	{
		displayName: 'Delivery',
		name: 'deliveryType',
		type: 'options',
		options: deliveryOptions,
		default: 'email',
	},
];

export const recipientsProperty: INodeProperties = {
	displayName: 'Recipients',
	name: 'recipients',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Recipient',
	required: true,
	default: {},
	options: [{ name: 'recipient', displayName: 'Recipient', values: recipientValues }],
};

/**
 * Labels for the schema keys of a recipient that are no parameter. The first step is read from
 * the recipient's own fields into `authentication`, which is no field itself; its method is the
 * field shown as Authentication. Further steps are JSON, named like the fields of a step.
 */
export const recipientLabels: FieldLabels = {
	authentication: '',
	'authentication.type': recipientValues.find((field) => field.name === 'authType')!.displayName,
	...Object.fromEntries(
		furtherStepFields.map((field) => [`furtherAuthentication.${field.name}`, field.displayName]),
	),
};

/** A further step as SignatureAPI's API writes it, checked with the same rules as the first. */
const furtherStep = z
	.object({
		type: z.unknown(),
		subject_override: z.unknown().optional(),
		message_override: z.unknown().optional(),
		provider: z.unknown().optional(),
		data: z.unknown().optional(),
	})
	.transform((step) => ({
		type: step.type,
		subjectOverride: step.subject_override,
		messageOverride: step.message_override,
		provider: step.provider,
		data: step.data,
	}))
	.pipe(authenticationMethod);

export const recipientSchema = ceremonyOptionsSchema
	.extend({
		type: oneOf(recipientTypeOptions),
		key: z.string().trim().min(1, 'Each recipient needs a key, such as client.'),
		name: z.string().trim().min(1, 'Each recipient needs a name.'),
		// An automatic signer is the sender's own signature; whether it needs an email is unconfirmed.
		email: optionalEmail,
		authentication: authenticationMethod,
		furtherAuthentication: jsonArray(furtherStep, '[{"type": "email_code"}]'),
		ceremonyCreation: oneOf(ceremonyCreationOptions),
		deliveryType: oneOf(deliveryOptions),
	})
	.superRefine((r, ctx) => {
		if (r.type !== 'automatic_signer' && !r.email) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['email'],
				message: 'Must be an email address such as name@example.com.',
			});
		}
	});

type Recipient = z.infer<typeof recipientSchema>;

/** The recipients of item `i` as recipientSchema takes them, defaults filled in. */
export function readRecipients(ctx: IExecuteFunctions, i: number) {
	return fixedCollectionRows(ctx, 'recipients.recipient', i).map((r) => ({
		type: r.type ?? 'signer',
		key: r.key ?? '',
		name: r.name ?? '',
		email: r.email ?? '',
		authentication: {
			type: r.authType ?? 'email_link',
			subjectOverride: r.subjectOverride,
			messageOverride: r.messageOverride,
			provider: r.provider,
			data: r.data,
		},
		furtherAuthentication: r.furtherAuthentication ?? [],
		ceremonyCreation: r.ceremonyCreation ?? 'automatic',
		deliveryType: r.deliveryType ?? 'email',
		...rawCeremonyOptions(r),
	}));
}

/** A recipient as SignatureAPI takes it; an automatic signer has no ceremony. */
export function recipientBody(r: Recipient): IDataObject {
	const body: IDataObject = {
		type: r.type,
		key: r.key,
		name: r.name,
		...(r.email ? { email: r.email } : {}),
	};
	if (r.type !== 'automatic_signer') {
		const steps = [r.authentication, ...r.furtherAuthentication].map(authenticationBody);
		body.ceremony = { authentication: steps, ...ceremonyOptionsBody(r) };
		body.ceremony_creation = r.ceremonyCreation;
		body.delivery_type = r.deliveryType;
	}
	return body;
}
