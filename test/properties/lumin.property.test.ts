import fc from 'fast-check';

import { useLumin } from '../Lumin/setup';
import * as invalid from './arbitraries';
import {
	entriesFromItem,
	field,
	fields,
	fromItem,
	type OperationSpec,
	propertyTests,
	RUNS,
} from './batch';

const inOneWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

const requestId = field('signatureRequestId', 'Signature Request ID', invalid.pathId);

/** Options → Custom Email. */
const customEmail = {
	senderEmail: field(
		'customEmail.sender_email',
		['Custom Email → Sender Email', 'Sender Email'],
		fc.oneof(invalid.malformedEmail, invalid.optionalTextWrongType),
	),
	subject: field(
		'customEmail.subject_name',
		['Custom Email → Email Subject', 'Email Subject'],
		invalid.optionalTextWrongType,
	),
	title: field(
		'customEmail.title',
		['Custom Email → Email Title', 'Email Title'],
		invalid.optionalTextWrongType,
	),
};

/** Breaks of the recipient lists of Send and Send From Template (two signers, one viewer). */
function recipientBreaks(withRole: boolean) {
	const signer = (n: number) => [
		field(`signers.${n}.name`, `Signers → #${n + 1} → Name`, invalid.requiredText),
		field(`signers.${n}.email`, `Signers → #${n + 1} → Email`, invalid.email),
		field(
			`signers.${n}.group`,
			`Signers → #${n + 1} → Signing Group`,
			fc.oneof(invalid.integerIn(0), invalid.numberLookalike(1, 5)),
		),
		...(withRole
			? [field(`signers.${n}.role`, `Signers → #${n + 1} → Role`, invalid.optionalTextWrongType)]
			: []),
	];
	return [
		...signer(0),
		...signer(1),
		field('viewers.0.name', 'Viewers → #1 → Name', invalid.requiredText),
		field('viewers.0.email', 'Viewers → #1 → Email', invalid.email),
		field('title', 'Title', fc.oneof(invalid.requiredText, invalid.longerThan(255))),
		field('expiresAt', 'Expires At', invalid.futureDate),
		field('signingType', 'Signing Order', invalid.oneOf(['SAME_TIME', 'ORDER'])),
		// In Order signing needs a Signing Group of 1 or more on every signer.
		fields(
			['Signers', 'Signing Order'],
			fc.constantFrom(
				{ signingType: 'ORDER' },
				{ signingType: 'ORDER', 'signers.0.group': 1 },
				{ signingType: 'ORDER', 'signers.1.group': 2 },
			),
			{ ownWording: true },
		),
		customEmail.senderEmail,
		customEmail.subject,
		customEmail.title,
	];
}

const recipientParameters = (withRole: boolean) => ({
	title: fromItem('title'),
	signers: {
		signer: entriesFromItem('signers', 2, [
			'name',
			'email',
			'group',
			...(withRole ? ['role'] : []),
		]),
	},
	viewers: { viewer: entriesFromItem('viewers', 1, ['name', 'email']) },
	expiresAt: fromItem('expiresAt'),
	signingType: fromItem('signingType'),
});

const customEmailParameters = {
	sender_email: fromItem('customEmail.sender_email'),
	subject_name: fromItem('customEmail.subject_name'),
	title: fromItem('customEmail.title'),
};

const recipientBaseline = (withRole: boolean) => ({
	title: 'Service agreement',
	signers: [
		{
			name: 'Ana Signer',
			email: 'ana@example.com',
			group: 0,
			...(withRole ? { role: 'Client' } : {}),
		},
		{
			name: 'Ben Signer',
			email: 'ben@example.com',
			group: 0,
			...(withRole ? { role: 'Provider' } : {}),
		},
	],
	viewers: [{ name: 'Vic Viewer', email: 'vic@example.com' }],
	expiresAt: inOneWeek(),
	signingType: 'SAME_TIME',
	customEmail: {
		sender_email: 'sender@example.com',
		subject_name: 'Please sign',
		title: 'Service agreement',
	},
});

/** Send's own fields. */
const send = {
	documentSource: field('documentSource', 'Document Source', invalid.oneOf(['url', 'binary'])),
	useTextTags: field(
		'useTextTags',
		['Use Text Tags', 'Options → Use Text Tags'],
		invalid.notBoolean,
	),
	absentBinaryField: fields(
		'Input Binary Fields',
		fc.record({
			documentSource: fc.constant('binary'),
			binaryPropertyNames: invalid.absentBinaryField,
		}),
		{ ownWording: true },
	),
};

const templateId = field('templateId', 'Template Name or ID', invalid.pathId);

const specs: OperationSpec[] = [
	{
		title: 'Signature Request → Create Signing Session',
		parameters: {
			operation: 'createSigningSession',
			signatureRequestId: fromItem('signatureRequestId'),
			signerEmail: fromItem('signerEmail'),
			expiry: fromItem('expiry'),
		},
		baseline: () => ({
			json: { signatureRequestId: 'sr_7f3a9c', signerEmail: 'signer@example.com', expiry: 900000 },
		}),
		breaks: [
			requestId,
			field('signerEmail', 'Signer Email', invalid.email),
			field(
				'expiry',
				'Expiry (Milliseconds)',
				fc.oneof(invalid.integerIn(300000, 3600000), invalid.numberLookalike(300000, 3600000)),
			),
		],
		sends: ['POST', '/signature_request/:id/signing-session'],
	},
	{
		title: 'Signature Request → Send',
		parameters: {
			operation: 'send',
			...recipientParameters(false),
			documentSource: fromItem('documentSource'),
			fileUrls: fromItem('fileUrls'),
			binaryPropertyNames: fromItem('binaryPropertyNames'),
			options: { useTextTags: fromItem('useTextTags'), customEmail: customEmailParameters },
		},
		baseline: () => ({
			json: {
				...recipientBaseline(false),
				documentSource: 'url',
				fileUrls: 'https://files.example.com/contract.pdf, https://files.example.com/annex.pdf',
				binaryPropertyNames: 'data',
				useTextTags: false,
			},
		}),
		breaks: [
			...recipientBreaks(false),
			send.documentSource,
			field(
				'fileUrls',
				'File URLs',
				fc.oneof(
					invalid.httpsUrl,
					invalid.httpsUrl
						.filter((u) => typeof u === 'string' && u.trim() !== '')
						.map((u) => `https://files.example.com/a.pdf, ${u as string}`),
				),
			),
			fields(
				'Input Binary Fields',
				fc.record({ documentSource: fc.constant('binary'), binaryPropertyNames: invalid.blank }),
			),
			send.absentBinaryField,
			send.useTextTags,
		],
		sends: ['POST', '/signature_request/send'],
	},
	{
		title: 'Signature Request → Send From Template',
		parameters: {
			operation: 'sendFromTemplate',
			templateId: fromItem('templateId'),
			...recipientParameters(true),
			options: {
				customEmail: customEmailParameters,
				fields: fromItem('fields'),
				tags: fromItem('tags'),
				variables: fromItem('variables'),
			},
		},
		baseline: () => ({
			json: {
				templateId: 'sign_4c2e',
				...recipientBaseline(true),
				fields: '{"amount": "1200"}',
				tags: '{}',
				variables: '{"city": "Vienna"}',
			},
		}),
		breaks: [
			templateId,
			...recipientBreaks(true),
			field('fields', 'Field Values (JSON)', invalid.jsonObject),
			field('tags', 'Tags (JSON)', invalid.jsonObject),
			field('variables', 'Variables (JSON)', invalid.jsonObject),
		],
		sends: ['POST', '/signature_request/send-from-template'],
	},
	{
		title: 'Signature Request → Get',
		parameters: { operation: 'get', signatureRequestId: fromItem('signatureRequestId') },
		baseline: () => ({ json: { signatureRequestId: 'sr_7f3a9c' } }),
		breaks: [requestId],
		sends: ['GET', '/signature_request/:id'],
	},
	{
		title: 'Signature Request → Cancel',
		parameters: { operation: 'cancel', signatureRequestId: fromItem('signatureRequestId') },
		baseline: () => ({ json: { signatureRequestId: 'sr_7f3a9c' } }),
		breaks: [requestId],
		sends: ['PUT', '/signature_request/cancel/:id'],
	},
	{
		title: 'Signature Request → Remind',
		parameters: {
			operation: 'remind',
			signatureRequestId: fromItem('signatureRequestId'),
			emails: fromItem('emails'),
		},
		baseline: () => ({
			json: { signatureRequestId: 'sr_7f3a9c', emails: 'ana@example.com, ben@example.com' },
		}),
		breaks: [
			requestId,
			field(
				'emails',
				'Signer Emails',
				fc.oneof(
					invalid.blank,
					invalid.missing,
					invalid.emailInList,
					invalid.malformedEmail.map((bad) => `ana@example.com, ${bad}`),
					invalid.malformedEmail.map((bad) => ['ana@example.com', bad]),
				),
			),
		],
		sends: ['POST', '/signature_request/remind/:id'],
	},
	{
		title: 'Signature Request → Get Signing Link',
		parameters: {
			operation: 'getSigningLink',
			signatureRequestId: fromItem('signatureRequestId'),
			signerEmail: fromItem('signerEmail'),
		},
		baseline: () => ({
			json: { signatureRequestId: 'sr_7f3a9c', signerEmail: 'signer@example.com' },
		}),
		breaks: [requestId, field('signerEmail', 'Signer Email', invalid.email)],
		sends: ['POST', '/signature_request/:id/signing-link'],
	},
	{
		title: 'Signature Request → Download',
		parameters: {
			operation: 'download',
			signatureRequestId: fromItem('signatureRequestId'),
			fileType: fromItem('fileType'),
			binaryPropertyName: fromItem('binaryPropertyName'),
		},
		baseline: () => ({
			json: { signatureRequestId: 'sr_7f3a9c', fileType: 'agreement', binaryPropertyName: 'data' },
		}),
		breaks: [
			requestId,
			field('fileType', 'File', invalid.oneOf(['agreement', 'coc', 'merged'])),
			field('binaryPropertyName', 'Put Output File in Field', invalid.outputBinaryField),
		],
		sends: ['GET', '/signature_request/:id/file'],
	},
	{
		title: 'Signature Request → Wait for Signature',
		parameters: {
			operation: 'waitForSignature',
			signatureRequestId: fromItem('signatureRequestId'),
			downloadSignedFile: true,
			binaryPropertyName: fromItem('binaryPropertyName'),
		},
		// An unknown request: the read is refused, so the baseline reaches the vendor and nothing waits.
		baseline: () => ({ json: { signatureRequestId: 'sr_unknown42', binaryPropertyName: 'data' } }),
		breaks: [
			requestId,
			field('binaryPropertyName', 'Put Output File in Field', invalid.outputBinaryField),
		],
		sends: ['GET', '/signature_request/:id'],
	},
];

describe(`Lumin: ${RUNS} invalid parameter sets per operation are refused by name, and nothing is sent`, () => {
	propertyTests(useLumin(), specs);
});
