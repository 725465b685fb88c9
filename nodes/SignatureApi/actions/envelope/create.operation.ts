import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import {
	alphabetical,
	httpsUrl,
	jsonArray,
	jsonObject,
	oneOf,
	optionValues,
	optionalEmail,
	splitList,
} from '../../../shared/schemas';
import {
	duplicateProblems,
	failValidation,
	labelsFrom,
	listedValues,
	validateParameters,
} from '../../../shared/validation';
import { createdEnvelopeAnswer } from '../answers';
import {
	authenticationBody,
	authenticationFields,
	authenticationMethod,
	ceremonyOptionFields,
	ceremonyOptionsBody,
	ceremonyOptionsSchema,
	rawCeremonyOptions,
} from '../ceremonySettings';

/** The languages SignatureAPI offers, in the order it lists them. */
const languageOptions: INodePropertyOptions[] = [
	{ name: 'English', value: 'en' },
	{ name: 'Spanish', value: 'es' },
	{ name: 'French', value: 'fr' },
	{ name: 'Italian', value: 'it' },
	{ name: 'Portuguese', value: 'pt' },
	{ name: 'German', value: 'de' },
	{ name: 'Chinese', value: 'zh' },
	{ name: 'Hungarian', value: 'hu' },
];

const formatOptions: INodePropertyOptions[] = [
	{ name: 'PDF', value: 'pdf' },
	{ name: 'DOCX', value: 'docx' },
];

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

const routingOptions: INodePropertyOptions[] = [
	{
		name: 'Sequential',
		value: 'sequential',
		description: 'One recipient after the other, in the order above',
	},
	{ name: 'Parallel', value: 'parallel', description: 'Everyone at the same time' },
];

const documentValues: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/agreement.pdf',
		description: 'Public HTTPS address SignatureAPI downloads the file from',
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: formatOptions,
		default: 'pdf',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'Shown to recipients; the file name if empty',
	},
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		default: '',
		description: 'Your own name for the document, unique in the envelope',
	},
	{
		displayName: 'Places (JSON)',
		name: 'places',
		type: 'json',
		default: '[]',
		description:
			'Where recipients sign or fill in: a list such as [{"key": "sig1", "type": "signature", "recipient_key": "client"}]. Each recipient_key must be the Key of a recipient below.',
	},
	{
		displayName: 'Template Data (JSON)',
		name: 'data',
		type: 'json',
		default: '{}',
		description: 'Values for the placeholders of a DOCX template',
		displayOptions: { show: { format: ['docx'] } },
	},
];

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

const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'Shown to recipients, 1 to 500 characters',
	},
	{
		displayName: 'Documents',
		name: 'documents',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Document',
		required: true,
		default: {},
		description: '1 to 10 files, by public HTTPS URL',
		options: [{ name: 'document', displayName: 'Document', values: documentValues }],
	},
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Recipient',
		required: true,
		default: {},
		options: [{ name: 'recipient', displayName: 'Recipient', values: recipientValues }],
	},
	{
		displayName: 'Routing',
		name: 'routing',
		type: 'options',
		options: routingOptions,
		default: 'sequential',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Label',
				name: 'label',
				type: 'string',
				default: '',
				description: 'Internal name, not shown to recipients',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				options: alphabetical(languageOptions),
				default: 'en',
				description: 'Language of the emails and the ceremony',
			},
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Metadata',
				default: {},
				description:
					'Up to 10 pairs (keys up to 32 characters, values up to 1000), returned in every event of the envelope',
				options: [
					{
						name: 'pair',
						displayName: 'Pair',
						values: [
							{ displayName: 'Key', name: 'key', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'string',
				default: '',
				placeholder: 'sales, q4',
				description: 'Up to 10 tags separated by commas, for filtering lists and webhooks',
			},
		],
	},
];

export const description = forOperation('envelope', 'create', properties);

const place = z
	.object({
		key: z.string().min(1, 'Each place needs a key.'),
		type: z
			.string()
			.min(1, 'Each place needs a type such as signature, initials, text_input or checkbox.'),
		recipient_key: z.string().min(1, 'Each place needs the recipient_key of a recipient.'),
	})
	.passthrough();

const documentSchema = z.object({
	url: httpsUrl,
	format: oneOf(formatOptions),
	title: z.string().trim().optional(),
	key: z.string().trim().optional(),
	places: jsonArray(place, '[{"key": "sig1", "type": "signature", "recipient_key": "client"}]'),
	data: jsonObject.optional(),
});

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

const recipientSchema = ceremonyOptionsSchema
	.extend({
		type: oneOf(recipientTypeOptions),
		key: z.string().trim().min(1, 'Each recipient needs a key, such as client.'),
		name: z.string().trim().min(1, 'Each recipient needs a name.'),
		// An automatic signer is the sender's own signature; whether it needs an email is unconfirmed.
		email: optionalEmail,
		authentication: authenticationMethod,
		furtherAuthentication: jsonArray(furtherStep, '[{"type": "email_code"}]'),
		ceremonyCreation: z.enum(optionValues(ceremonyCreationOptions)),
		deliveryType: z.enum(optionValues(deliveryOptions)),
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

const schema = z.object({
	title: z.string().trim().min(1, 'A title is required.').max(500, 'At most 500 characters.'),
	documents: z
		.array(documentSchema)
		.min(1, 'Add at least one document.')
		.max(10, 'At most 10 documents.'),
	recipients: z.array(recipientSchema).min(1, 'Add at least one recipient.'),
	routing: oneOf(routingOptions),
	label: z.string().trim().optional(),
	language: oneOf(languageOptions).optional(),
	metadata: z
		.array(
			z.object({
				key: z
					.string()
					.trim()
					.min(1, 'Each metadata pair needs a key.')
					.max(32, 'Keys are at most 32 characters.'),
				value: z.string().max(1000, 'Values are at most 1000 characters.'),
			}),
		)
		.max(10, 'At most 10 metadata pairs.'),
	topics: z.array(z.string()).max(10, 'At most 10 topics.'),
});

/**
 * Labels from the description. A recipient's first step is read from its own fields (Authentication
 * and the rest); further steps are JSON, named like the fields of a first step.
 */
const labels = labelsFrom(properties, {
	authentication: '',
	'authentication.type': 'Authentication',
	'furtherAuthentication.type': 'Method',
	'furtherAuthentication.provider': 'Provider',
	'furtherAuthentication.data': 'Provider Data (JSON)',
	'furtherAuthentication.subjectOverride': 'Email Subject',
	'furtherAuthentication.messageOverride': 'Email Message',
});

/** What SignatureAPI would refuse with a 422 and the form cannot check one field at a time. */
function crossFieldProblems(params: z.infer<typeof schema>): string[] {
	const recipientKeys = params.recipients.map((r) => r.key);
	const problems = [
		...duplicateProblems(
			listedValues('Recipients', 'Key', recipientKeys),
			'Each recipient needs its own key.',
		),
		...duplicateProblems(
			listedValues(
				'Documents',
				'Key',
				params.documents.map((d) => d.key ?? ''),
			).filter((entry) => entry.value !== ''),
			'Each document needs its own key.',
		),
		...duplicateProblems(
			listedValues(
				'Metadata',
				'Key',
				params.metadata.map((m) => m.key),
			),
			'Each metadata key can be used once.',
		),
	];
	params.documents.forEach((d, i) =>
		d.places.forEach((p, j) => {
			if (!recipientKeys.includes(p.recipient_key)) {
				problems.push(
					`Documents → #${i + 1} → Places (JSON) → #${j + 1}: recipient_key "${p.recipient_key}" is not allowed. It must be the Key of a recipient: ${recipientKeys.map((k) => `"${k}"`).join(', ')}.`,
				);
			}
		}),
	);
	return problems;
}

function recipientBody(r: z.infer<typeof recipientSchema>): IDataObject {
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

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const recipients = (this.getNodeParameter('recipients.recipient', i, []) as IDataObject[]).map(
		(r) => ({
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
		}),
	);
	const documents = (this.getNodeParameter('documents.document', i, []) as IDataObject[]).map(
		(d) => ({
			url: d.url ?? '',
			format: d.format ?? 'pdf',
			title: d.title || undefined,
			key: d.key || undefined,
			places: d.places ?? [],
			data: d.format === 'docx' ? d.data : undefined,
		}),
	);
	const params = validateParameters(
		this.getNode(),
		schema,
		{
			title: this.getNodeParameter('title', i),
			documents,
			recipients,
			routing: this.getNodeParameter('routing', i, 'sequential'),
			label: options.label || undefined,
			language: options.language,
			metadata:
				((options.metadata as IDataObject | undefined)?.pair as IDataObject[] | undefined) ?? [],
			topics: splitList(options.topics),
		},
		i,
		labels,
	);
	const problems = crossFieldProblems(params);
	if (problems.length) failValidation(this.getNode(), problems, i);

	const body: IDataObject = {
		title: params.title,
		...(params.label ? { label: params.label } : {}),
		documents: params.documents.map((d) => ({
			url: d.url,
			format: d.format,
			...(d.title ? { title: d.title } : {}),
			...(d.key ? { key: d.key } : {}),
			...(d.places.length ? { places: d.places as IDataObject[] } : {}),
			...(d.data && Object.keys(d.data).length ? { data: d.data as IDataObject } : {}),
		})),
		recipients: params.recipients.map(recipientBody),
		routing: params.routing,
		...(params.language ? { language: params.language } : {}),
		...(params.metadata.length
			? { metadata: Object.fromEntries(params.metadata.map((m) => [m.key, m.value])) }
			: {}),
		...(params.topics.length ? { topics: params.topics } : {}),
	};
	const envelope = await api.requestChecked(
		{
			method: 'POST',
			path: '/envelopes',
			body,
			ifUnknown: {
				happened: 'the envelope was created and sent',
				advice:
					'Look for it with Envelope → Get Many (newest first) before sending again, or the recipients get it twice.',
			},
		},
		createdEnvelopeAnswer(params.recipients.length),
		i,
	);
	return toItems(envelope as IDataObject, i);
};
