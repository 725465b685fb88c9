import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { fixedCollectionRows } from '../../../shared/parameters';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { alphabetical, oneOf, splitList } from '../../../shared/schemas';
import {
	checkParameters,
	duplicateProblems,
	failValidation,
	fieldLabel,
	listedValues,
} from '../../../shared/validation';
import { createEnvelope } from '../../transport/envelopes';
import { documentBody, documentSchema, documentsProperty, readDocuments } from './documents';
import {
	readRecipients,
	recipientBody,
	recipientLabels,
	recipientSchema,
	recipientsProperty,
} from './recipients';

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

/**
 * The signed PDF SignatureAPI makes when the envelope completes: its standard deliverable ends
 * with the audit trail pages; there is no separate audit trail file.
 */
const deliverableOptions: INodePropertyOptions[] = [
	{
		name: 'Signed Documents and Audit Trail',
		value: 'standard',
		description: 'The signed documents followed by the audit trail pages (SignatureAPI’s standard)',
	},
	{
		name: 'Signed Documents Only',
		value: 'simple',
		description: 'The signed documents without the audit trail',
	},
];

const routingOptions: INodePropertyOptions[] = [
	{
		name: 'Sequential',
		value: 'sequential',
		description: 'One recipient after the other, in the order above',
	},
	{ name: 'Parallel', value: 'parallel', description: 'Everyone at the same time' },
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
	documentsProperty,
	recipientsProperty,
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
				displayName: 'Deliverable',
				name: 'deliverableType',
				type: 'options',
				options: deliverableOptions,
				default: 'standard',
				description:
					'What the signed PDF holds that SignatureAPI makes when the envelope completes (Deliverable → Download)',
			},
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

const schema = z.object({
	title: z.string().trim().min(1, 'A title is required.').max(500, 'At most 500 characters.'),
	documents: z
		.array(documentSchema)
		.min(1, 'Add at least one document.')
		.max(10, 'At most 10 documents.'),
	recipients: z.array(recipientSchema).min(1, 'Add at least one recipient.'),
	routing: oneOf(routingOptions),
	deliverableType: oneOf(deliverableOptions).optional(),
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

type Params = z.infer<typeof schema>;

/** What SignatureAPI would refuse with a 422 and the form cannot check one field at a time. */
function crossFieldProblems(params: Params): string[] {
	const recipientKeys = params.recipients.map((r) => r.key);
	const keysOf = (list: string, keys: string[]) => listedValues(properties, list, 'key', keys);
	const problems = [
		...duplicateProblems(keysOf('recipients', recipientKeys), 'Each recipient needs its own key.'),
		...duplicateProblems(
			keysOf(
				'documents',
				params.documents.map((d) => d.key ?? ''),
			).filter((entry) => entry.value !== ''),
			'Each document needs its own key.',
		),
		...duplicateProblems(
			keysOf(
				'metadata',
				params.metadata.map((m) => m.key),
			),
			'Each metadata key can be used once.',
		),
	];
	params.documents.forEach((d, i) =>
		d.places.forEach((p, j) => {
			if (!recipientKeys.includes(p.recipient_key)) {
				problems.push(
					`${fieldLabel(properties, ['documents', i, 'places', j])}: recipient_key "${p.recipient_key}" is not allowed. It must be the Key of a recipient: ${recipientKeys.map((k) => `"${k}"`).join(', ')}.`,
				);
			}
		}),
	);
	return problems;
}

function envelopeBody(params: Params): IDataObject {
	return {
		title: params.title,
		...(params.label ? { label: params.label } : {}),
		documents: params.documents.map(documentBody),
		recipients: params.recipients.map(recipientBody),
		routing: params.routing,
		...(params.deliverableType ? { deliverable: { type: params.deliverableType } } : {}),
		...(params.language ? { language: params.language } : {}),
		...(params.metadata.length
			? { metadata: Object.fromEntries(params.metadata.map((m) => [m.key, m.value])) }
			: {}),
		...(params.topics.length ? { topics: params.topics } : {}),
	};
}

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const params = checkParameters(
		this,
		i,
		properties,
		schema,
		{
			title: this.getNodeParameter('title', i),
			documents: readDocuments(this, i),
			recipients: readRecipients(this, i),
			routing: this.getNodeParameter('routing', i, 'sequential'),
			label: options.label || undefined,
			deliverableType: options.deliverableType,
			language: options.language,
			metadata: fixedCollectionRows(this, 'options.metadata.pair', i),
			topics: splitList(options.topics),
		},
		recipientLabels,
	);
	const problems = crossFieldProblems(params);
	if (problems.length) failValidation(this.getNode(), problems, i);
	return toItems(await createEnvelope(api, envelopeBody(params), params.recipients.length, i), i);
};
