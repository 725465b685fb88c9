import fc from 'fast-check';

import { useSignatureApi } from '../SignatureApi/setup';
import * as invalid from './arbitraries';
import {
	duplicate,
	entriesFromItem,
	field,
	fromItem,
	type OperationSpec,
	propertyTests,
	RUNS,
} from './batch';

const AUTH_TYPES = ['email_link', 'email_code', 'custom'];

const recipientId = field('recipientId', 'Recipient ID', invalid.prefixedId('re_'));
const envelopeId = field('envelopeId', 'Envelope ID', invalid.pathId);
const deliverableId = field('deliverableId', 'Deliverable ID', invalid.prefixedId('del_'));

/** The ceremony settings of Ceremony → Create (prefix '') or of one envelope recipient. */
function ceremonyBreaks(path: string, label: string) {
	return [
		field(`${path}redirectUrl`, `${label}Redirect URL`, invalid.present(invalid.httpsUrl)),
		field(
			`${path}redirectDelay`,
			`${label}Redirect Delay (Seconds)`,
			fc.oneof(invalid.integerIn(0, 20), invalid.numberLookalike(0, 20)),
		),
		field(
			`${path}urlVariant`,
			`${label}URL Variant`,
			invalid.oneOf(['standard', 'short'], { nullIsUnset: true }),
		),
		field(`${path}embeddableIn`, `${label}Embeddable In`, invalid.origins),
	];
}

/** Further steps as SignatureAPI writes them, each checked like the first step. */
const furtherSteps = invalid.jsonList(
	fc.constantFrom(
		'[{"type": "sms"}]',
		'[{"type": "custom"}]',
		'[{"type": "custom", "provider": " "}]',
		'[{"type": "email_link", "subject_override": 5}]',
		'[{"type": "custom", "provider": "x", "data": "[1]"}]',
		'[1]',
		'[{}]',
	),
);

/** Places whose entries lack what SignatureAPI needs, or point at no recipient. */
const places = invalid.jsonList(
	fc.constantFrom(
		'[{"key": "sig1"}]',
		'[{"type": "signature", "recipient_key": "client"}]',
		'[{"key": "", "type": "signature", "recipient_key": "client"}]',
		'[{"key": "sig1", "type": "signature", "recipient_key": "nobody"}]',
		'[{"key": "sig1", "type": "signature", "recipient_key": "client"}, {"key": "sig2", "type": "signature", "recipient_key": "Client"}]',
		'[1]',
	),
);

const RECIPIENT_LEAVES = [
	'type',
	'key',
	'name',
	'email',
	'authType',
	'subjectOverride',
	'messageOverride',
	'provider',
	'data',
	'furtherAuthentication',
	'redirectUrl',
	'redirectDelay',
	'urlVariant',
	'embeddableIn',
	'ceremonyCreation',
	'deliveryType',
];

/** Recipient → Type. */
const recipientType = (n: number) =>
	field(
		`recipients.${n}.type`,
		`Recipients → #${n + 1} → Type`,
		invalid.oneOf(['signer', 'approver', 'preparer', 'automatic_signer'], { nullIsUnset: true }),
	);

/** Recipient → Provider Data (JSON) of a Custom step. */
const providerData = field(
	'recipients.1.data',
	'Recipients → #2 → Provider Data (JSON)',
	invalid.jsonObject,
);

function recipientBreaks(n: number) {
	const path = `recipients.${n}.`;
	const label = `Recipients → #${n + 1} → `;
	return [
		recipientType(n),
		field(`${path}key`, `${label}Key`, invalid.requiredText),
		field(`${path}name`, `${label}Name`, invalid.requiredText),
		field(`${path}email`, `${label}Email`, fc.oneof(invalid.emailText, invalid.notText)),
		field(
			`${path}authType`,
			`${label}Authentication`,
			invalid.oneOf(AUTH_TYPES, { nullIsUnset: true }),
		),
		field(
			`${path}furtherAuthentication`,
			`${label}Further Authentication Steps (JSON)`,
			furtherSteps,
		),
		field(
			`${path}ceremonyCreation`,
			`${label}Ceremony Creation`,
			invalid.oneOf(['automatic', 'manual'], { nullIsUnset: true }),
		),
		field(
			`${path}deliveryType`,
			`${label}Delivery`,
			invalid.oneOf(['email', 'none'], { nullIsUnset: true }),
		),
		...ceremonyBreaks(path, label),
	];
}

const specs: OperationSpec[] = [
	{
		title: 'Ceremony → Create',
		parameters: {
			resource: 'ceremony',
			operation: 'create',
			recipientId: fromItem('recipientId'),
			authentication: {
				method: entriesFromItem('authentication', 2, [
					'type',
					'subjectOverride',
					'messageOverride',
					'provider',
					'data',
				]),
			},
			redirectUrl: fromItem('redirectUrl'),
			redirectDelay: fromItem('redirectDelay'),
			urlVariant: fromItem('urlVariant'),
			embeddableIn: fromItem('embeddableIn'),
		},
		baseline: () => ({
			json: {
				recipientId: 're_2c8f41',
				authentication: [
					{
						type: 'email_link',
						subjectOverride: 'Please sign',
						messageOverride: 'Your agreement is ready.',
						provider: '',
						data: '{}',
					},
					{
						type: 'custom',
						subjectOverride: '',
						messageOverride: '',
						provider: 'acme-login',
						data: '{"uid": "7"}',
					},
				],
				redirectUrl: 'https://app.example.com/signed',
				redirectDelay: 3,
				urlVariant: 'standard',
				embeddableIn: 'https://app.example.com, https://*.example.com',
			},
		}),
		breaks: [
			recipientId,
			field('authentication.0.type', 'Authentication → #1 → Method', invalid.oneOf(AUTH_TYPES)),
			field('authentication.1.type', 'Authentication → #2 → Method', invalid.oneOf(AUTH_TYPES)),
			field(
				'authentication.0.subjectOverride',
				'Authentication → #1 → Email Subject',
				invalid.optionalTextWrongType,
			),
			field(
				'authentication.0.messageOverride',
				'Authentication → #1 → Email Message',
				invalid.optionalTextWrongType,
			),
			field('authentication.1.provider', 'Authentication → #2 → Provider', invalid.requiredText),
			field(
				'authentication.1.data',
				'Authentication → #2 → Provider Data (JSON)',
				invalid.jsonObject,
			),
			...ceremonyBreaks('', ''),
		],
		sends: ['POST', '/recipients/:id/ceremonies'],
	},
	{
		title: 'Envelope → Create',
		parameters: {
			resource: 'envelope',
			operation: 'create',
			title: fromItem('title'),
			documents: {
				document: entriesFromItem('documents', 2, [
					'url',
					'format',
					'title',
					'key',
					'places',
					'data',
				]),
			},
			recipients: { recipient: entriesFromItem('recipients', 2, RECIPIENT_LEAVES) },
			routing: fromItem('routing'),
			options: {
				label: fromItem('label'),
				deliverableType: fromItem('deliverableType'),
				language: fromItem('language'),
				metadata: { pair: entriesFromItem('metadata', 2, ['key', 'value']) },
				topics: fromItem('topics'),
			},
		},
		baseline: () => ({
			json: {
				title: 'Service Agreement',
				documents: [
					{
						url: 'https://example.com/agreement.pdf',
						format: 'pdf',
						title: 'Agreement',
						key: 'main',
						places:
							'[{"key": "sig1", "type": "signature", "recipient_key": "client", "page": 1, "top": 600, "left": 72}]',
						data: '{}',
					},
					{
						url: 'https://example.com/terms.docx',
						format: 'docx',
						title: 'Terms',
						key: 'terms',
						places: '[{"key": "ok1", "type": "initials", "recipient_key": "manager"}]',
						data: '{"name": "Ana"}',
					},
				],
				recipients: [
					{
						type: 'signer',
						key: 'client',
						name: 'Ana Client',
						email: 'ana@example.com',
						authType: 'email_link',
						subjectOverride: 'Please sign',
						messageOverride: '',
						provider: '',
						data: '{}',
						furtherAuthentication: '[{"type": "email_code"}]',
						redirectUrl: 'https://app.example.com/done',
						redirectDelay: 3,
						urlVariant: 'standard',
						embeddableIn: 'https://app.example.com',
						ceremonyCreation: 'automatic',
						deliveryType: 'email',
					},
					{
						type: 'approver',
						key: 'manager',
						name: 'Max Manager',
						email: 'max@example.com',
						authType: 'custom',
						subjectOverride: '',
						messageOverride: '',
						provider: 'acme-login',
						data: '{"uid": "7"}',
						furtherAuthentication: '[]',
						redirectUrl: '',
						redirectDelay: 0,
						urlVariant: 'short',
						embeddableIn: '',
						ceremonyCreation: 'manual',
						deliveryType: 'none',
					},
				],
				routing: 'sequential',
				label: 'deal-1042',
				deliverableType: 'simple',
				language: 'es',
				metadata: [
					{ key: 'order', value: '1042' },
					{ key: 'region', value: 'EU' },
				],
				topics: 'sales, q4',
			},
		}),
		breaks: [
			field('title', 'Title', fc.oneof(invalid.requiredText, invalid.longerThan(500))),
			field('documents.0.url', 'Documents → #1 → URL', invalid.httpsUrl),
			field('documents.1.url', 'Documents → #2 → URL', invalid.httpsUrl),
			field(
				'documents.0.format',
				'Documents → #1 → Format',
				invalid.oneOf(['pdf', 'docx'], { nullIsUnset: true }),
			),
			field('documents.0.title', 'Documents → #1 → Title', invalid.truthyNotText),
			field('documents.1.key', 'Documents → #2 → Key', invalid.truthyNotText),
			field('documents.0.places', 'Documents → #1 → Places (JSON)', places),
			field('documents.1.places', 'Documents → #2 → Places (JSON)', places),
			field('documents.1.data', 'Documents → #2 → Template Data (JSON)', invalid.jsonObject),
			duplicate('documents', 'key', 0, 1, ['Documents → #2 → Key']),
			...recipientBreaks(0),
			...recipientBreaks(1),
			field(
				'recipients.0.subjectOverride',
				'Recipients → #1 → Email Subject',
				invalid.optionalTextWrongType,
			),
			field('recipients.1.provider', 'Recipients → #2 → Provider', invalid.requiredText),
			providerData,
			duplicate('recipients', 'key', 0, 1, ['Recipients → #2 → Key']),
			field('routing', 'Routing', invalid.oneOf(['sequential', 'parallel'])),
			field('label', 'Label', invalid.truthyNotText),
			field(
				'deliverableType',
				'Deliverable',
				invalid.oneOf(['standard', 'simple'], { nullIsUnset: true }),
			),
			field(
				'language',
				'Language',
				invalid.oneOf(['en', 'es', 'fr', 'it', 'pt', 'de', 'zh', 'hu'], { nullIsUnset: true }),
			),
			field(
				'metadata.0.key',
				'Metadata → #1 → Key',
				fc.oneof(invalid.requiredText, invalid.longerThan(32)),
			),
			field(
				'metadata.1.value',
				'Metadata → #2 → Value',
				fc.oneof(invalid.longerThan(1000), invalid.optionalTextWrongType),
			),
			duplicate('metadata', 'key', 0, 1, ['Metadata → #2 → Key']),
			field(
				'topics',
				'Topics',
				fc.integer({ min: 11, max: 15 }).chain((n) =>
					fc.constantFrom(
						Array.from({ length: n }, (_, k) => `topic${k}`).join(', '),
						Array.from({ length: n }, (_, k) => `topic${k}`),
					),
				),
			),
		],
		sends: ['POST', '/envelopes'],
	},
	{
		title: 'Envelope → Get',
		parameters: { resource: 'envelope', operation: 'get', envelopeId: fromItem('envelopeId') },
		baseline: () => ({ json: { envelopeId: 'env_91b2' } }),
		breaks: [envelopeId],
		sends: ['GET', '/envelopes/:id'],
	},
	{
		title: 'Envelope → Get Many',
		parameters: {
			resource: 'envelope',
			operation: 'getMany',
			returnAll: fromItem('returnAll'),
			limit: fromItem('limit'),
			filters: { status: fromItem('status'), topic: fromItem('topic') },
		},
		baseline: () => ({
			json: { returnAll: false, limit: 5, status: 'in_progress', topic: 'sales' },
		}),
		breaks: [
			field('returnAll', 'Return All', invalid.notBoolean),
			field('limit', 'Limit', fc.oneof(invalid.numberOutside(1), invalid.notANumber)),
			field(
				'status',
				'Status',
				invalid.oneOf(['processing', 'in_progress', 'completed', 'failed', 'canceled'], {
					nullIsUnset: true,
				}),
			),
			field('topic', 'Topic', invalid.truthyNotText),
		],
		sends: ['GET', '/envelopes'],
	},
	{
		title: 'Envelope → Cancel',
		parameters: {
			resource: 'envelope',
			operation: 'cancel',
			envelopeId: fromItem('envelopeId'),
			reason: fromItem('reason'),
		},
		baseline: () => ({
			json: { envelopeId: 'env_91b2', reason: 'Replaced by a corrected contract' },
		}),
		breaks: [envelopeId, field('reason', 'Reason', invalid.optionalTextWrongType)],
		sends: ['POST', '/envelopes/:id/cancel'],
	},
	{
		title: 'Recipient → Get',
		parameters: { resource: 'recipient', operation: 'get', recipientId: fromItem('recipientId') },
		baseline: () => ({ json: { recipientId: 're_2c8f41' } }),
		breaks: [recipientId],
		sends: ['GET', '/recipients/:id'],
	},
	{
		title: 'Recipient → Replace',
		parameters: {
			resource: 'recipient',
			operation: 'replace',
			recipientId: fromItem('recipientId'),
			name: fromItem('name'),
			email: fromItem('email'),
		},
		baseline: () => ({
			json: { recipientId: 're_2c8f41', name: 'Bea Backup', email: 'bea@example.com' },
		}),
		breaks: [
			recipientId,
			field('name', 'New Name', invalid.requiredText),
			field('email', 'New Email', invalid.email),
		],
		sends: ['POST', '/recipients/:id/replace'],
	},
	{
		title: 'Recipient → Resend',
		parameters: {
			resource: 'recipient',
			operation: 'resend',
			recipientId: fromItem('recipientId'),
		},
		baseline: () => ({ json: { recipientId: 're_2c8f41' } }),
		breaks: [recipientId],
		sends: ['POST', '/recipients/:id/resend'],
	},
	{
		title: 'Deliverable → Get',
		parameters: {
			resource: 'deliverable',
			operation: 'get',
			deliverableId: fromItem('deliverableId'),
		},
		baseline: () => ({ json: { deliverableId: 'del_8f2c' } }),
		breaks: [deliverableId],
		sends: ['GET', '/deliverables/:id'],
	},
	{
		title: 'Deliverable → Download',
		parameters: {
			resource: 'deliverable',
			operation: 'download',
			deliverableId: fromItem('deliverableId'),
			binaryPropertyName: fromItem('binaryPropertyName'),
		},
		baseline: () => ({ json: { deliverableId: 'del_8f2c', binaryPropertyName: 'signed' } }),
		breaks: [
			deliverableId,
			field('binaryPropertyName', 'Put Output File in Field', invalid.outputBinaryField),
		],
		sends: ['GET', '/deliverables/:id'],
	},
	{
		title: 'Envelope → Wait for Signature',
		parameters: {
			resource: 'envelope',
			operation: 'waitForSignature',
			envelopeId: fromItem('envelopeId'),
			downloadSignedFile: true,
			binaryPropertyName: fromItem('binaryPropertyName'),
		},
		// An unknown request: the read is refused, so the baseline reaches the vendor and nothing waits.
		baseline: () => ({ json: { envelopeId: 'env_unknown42', binaryPropertyName: 'data' } }),
		breaks: [
			envelopeId,
			field('binaryPropertyName', 'Put Output File in Field', invalid.outputBinaryField),
		],
		sends: ['GET', '/envelopes/:id'],
	},
];

describe(`SignatureAPI: ${RUNS} invalid parameter sets per operation are refused by name, and nothing is sent`, () => {
	const { sim, run } = useSignatureApi();
	propertyTests(
		{ sim, run: (parameters, options) => run(parameters.resource as string, parameters, options) },
		specs,
	);
});
