import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { httpsUrl, intInRange, jsonObject, oneOf, splitList } from '../../shared/schemas';

/** An empty text field means "not set". */
const optionalText = <T extends z.ZodTypeAny>(schema: T) =>
	z.preprocess(
		(v) =>
			v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v,
		schema.optional(),
	);

// frame-ancestors sources: "*", 'self', or scheme://host[:port] with an optional leading "*." wildcard.
const ORIGIN = /^(\*|'self'|https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?(\/\S*)?)$/i;

const origin = z
	.string()
	.regex(
		ORIGIN,
		'Each origin is a scheme and host such as https://app.example.com or https://*.example.com, or * for any site.',
	);

const urlVariantOptions: INodePropertyOptions[] = [
	{ name: 'Standard', value: 'standard', description: 'Full-length URL, right for most uses' },
	{ name: 'Short', value: 'short', description: 'A short URL for SMS or push notifications' },
];

/** The four ceremony settings shared by Ceremony → Create and each recipient of Envelope → Create. */
export const ceremonyOptionsSchema = z.object({
	redirectUrl: optionalText(httpsUrl),
	redirectDelay: intInRange(0, 20, ' seconds'),
	urlVariant: oneOf(urlVariantOptions),
	embeddableIn: z.array(origin),
});

export type CeremonyOptions = z.infer<typeof ceremonyOptionsSchema>;

/** Reads the raw ceremony settings from an object holding the node's field names. */
export function rawCeremonyOptions(source: IDataObject) {
	return {
		redirectUrl: source.redirectUrl,
		redirectDelay: source.redirectDelay ?? 3,
		urlVariant: source.urlVariant ?? 'standard',
		embeddableIn: splitList(source.embeddableIn),
	};
}

export function ceremonyOptionsBody(options: CeremonyOptions): IDataObject {
	return {
		...(options.embeddableIn.length ? { embeddable_in: options.embeddableIn } : {}),
		...(options.redirectUrl ? { redirect_url: options.redirectUrl } : {}),
		redirect_delay: options.redirectDelay,
		url_variant: options.urlVariant,
	};
}

const methodOptions: INodePropertyOptions[] = [
	{
		name: 'Email Link',
		value: 'email_link',
		description: 'SignatureAPI emails the signing link; the ceremony URL is then not returned',
	},
	{
		name: 'Email Code',
		value: 'email_code',
		description: 'The recipient types a code SignatureAPI emails to them',
	},
	{
		name: 'Custom',
		value: 'custom',
		description:
			'Your app already verified the recipient; the ceremony URL is returned for you to open or embed',
	},
];

const methodType = oneOf(methodOptions);

/** One authentication step; fields of the other types are ignored. */
export const authenticationMethod = z
	.object({
		type: methodType,
		subjectOverride: optionalText(z.string()),
		messageOverride: optionalText(z.string()),
		provider: optionalText(z.string().trim()),
		data: optionalText(jsonObject),
	})
	.superRefine((m, ctx) => {
		if (m.type === 'custom' && !m.provider) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['provider'],
				message: 'A custom method needs the provider that verified the recipient.',
			});
		}
	});

export function authenticationBody(method: z.infer<typeof authenticationMethod>): IDataObject {
	if (method.type === 'email_link') {
		return {
			type: 'email_link',
			...(method.subjectOverride ? { subject_override: method.subjectOverride } : {}),
			...(method.messageOverride ? { message_override: method.messageOverride } : {}),
		};
	}
	if (method.type === 'custom')
		return { type: 'custom', provider: method.provider, data: (method.data ?? {}) as IDataObject };
	return { type: 'email_code' };
}

/** Fields of one authentication step; `typeName` is the field holding the method. */
export function authenticationFields(typeName: string): INodeProperties[] {
	return [
		{
			displayName: 'Method',
			name: typeName,
			type: 'options',
			options: methodOptions,
			default: 'email_link',
		},
		{
			displayName: 'Email Subject',
			name: 'subjectOverride',
			type: 'string',
			default: '',
			description: 'Replaces the subject of the email carrying the link',
			displayOptions: { show: { [typeName]: ['email_link'] } },
		},
		{
			displayName: 'Email Message',
			name: 'messageOverride',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Replaces the message of the email carrying the link',
			displayOptions: { show: { [typeName]: ['email_link'] } },
		},
		{
			displayName: 'Provider',
			name: 'provider',
			type: 'string',
			default: '',
			placeholder: 'my-app-login',
			description: 'Name of the system that verified who the recipient is; kept in the audit trail',
			displayOptions: { show: { [typeName]: ['custom'] } },
		},
		{
			displayName: 'Provider Data (JSON)',
			name: 'data',
			type: 'json',
			default: '{}',
			description: 'Details of that verification, such as a user ID, kept in the audit trail',
			displayOptions: { show: { [typeName]: ['custom'] } },
		},
	];
}

/** Redirect, embedding and URL settings, as fields (top level or inside a recipient). */
export const ceremonyOptionFields: INodeProperties[] = [
	{
		displayName: 'Redirect URL',
		name: 'redirectUrl',
		type: 'string',
		default: '',
		placeholder: 'https://app.example.com/signed',
		description: 'Where the recipient goes when the ceremony ends. HTTPS only.',
	},
	{
		displayName: 'Redirect Delay (Seconds)',
		name: 'redirectDelay',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 20 },
		default: 3,
		description:
			'Seconds before redirecting (standalone ceremony) or before the completion events are sent to the embedding page (embedded ceremony), 0 to 20',
	},
	{
		displayName: 'URL Variant',
		name: 'urlVariant',
		type: 'options',
		options: urlVariantOptions,
		default: 'standard',
	},
	{
		displayName: 'Embeddable In',
		name: 'embeddableIn',
		type: 'string',
		default: '',
		placeholder: 'https://app.example.com, https://*.example.com',
		description:
			'Origins (scheme and host) allowed to show the ceremony in an iframe, separated by commas; paths are ignored. Empty means no embedding. A lone * lets ANY website embed it: avoid that in production.',
	},
];
