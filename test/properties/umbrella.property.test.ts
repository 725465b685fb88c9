import fc from 'fast-check';

import { useUmbrella } from '../Umbrella/setup';
import * as invalid from './arbitraries';
import {
	duplicate,
	entriesFromItem,
	field,
	fields,
	fromItem,
	type OperationSpec,
	propertyTests,
	RUNS,
} from './batch';

/** Umbrella downloads the PDF without logging in: a user name or password in the URL cannot work. */
const docUrl = fc.oneof(
	invalid.httpsUrl,
	fc.constantFrom(
		'https://user:secret@cdn.example.com/contract.pdf',
		'https://user@cdn.example.com/contract.pdf',
		'https://:token@cdn.example.com/contract.pdf',
	),
);

/** Header names are RFC 9110 tokens: no spaces, colons or other separators. */
const headerName = fc.oneof(
	invalid.requiredText,
	fc.constantFrom(
		'X Webhook Secret',
		'X-Secret:',
		'Authorization: Bearer',
		'X-Sécret',
		'X-(Secret)',
		'X-Sec\nret',
	),
);

const specs: OperationSpec[] = [
	{
		title: 'QES Onboarding → Create Session Link',
		parameters: {
			operation: 'createSessionLink',
			email: fromItem('email'),
			phoneNumber: fromItem('phoneNumber'),
			redirectUrl: fromItem('redirectUrl'),
			docUrl: fromItem('docUrl'),
			signForms: { field: entriesFromItem('signForms', 2, ['fieldId', 'actorId']) },
			fillForm: { field: entriesFromItem('fillForm', 2, ['fieldId', 'value']) },
		},
		// The seed's example request.
		baseline: () => ({
			json: {
				email: 'support@idcanopy.com',
				phoneNumber: '+436508021530',
				redirectUrl: 'https://example.com/onboarding/success',
				docUrl: 'https://cdn.idcanopy.com/pdf/onb-t3.pdf',
				signForms: [
					{ fieldId: 'Signature1', actorId: 'userToIdentify' },
					{ fieldId: 'Signature2', actorId: 'userToIdentify' },
				],
				fillForm: [
					{ fieldId: 'name', value: '${identification.firstName}' },
					{ fieldId: 'surname', value: '${identification.lastName}' },
				],
			},
		}),
		breaks: [
			field('email', 'Email', invalid.email),
			field('phoneNumber', 'Phone Number', invalid.e164Phone),
			field('redirectUrl', 'Redirect URL', invalid.webUrl),
			field('docUrl', 'Document URL', docUrl),
			...[0, 1].flatMap((n) => [
				field(
					`signForms.${n}.fieldId`,
					`Signature Fields → #${n + 1} → Field ID`,
					invalid.requiredText,
				),
				field(
					`signForms.${n}.actorId`,
					`Signature Fields → #${n + 1} → Actor ID`,
					invalid.requiredText,
				),
				field(
					`fillForm.${n}.fieldId`,
					`Fill Form Fields → #${n + 1} → Field ID`,
					invalid.requiredText,
				),
				field(
					`fillForm.${n}.value`,
					`Fill Form Fields → #${n + 1} → Value`,
					fc.oneof(invalid.missing, invalid.notText),
				),
			]),
			// A PDF field is signed once and filled once.
			duplicate('signForms', 'fieldId', 0, 1, ['Signature Fields']),
			duplicate('fillForm', 'fieldId', 0, 1, ['Fill Form Fields']),
		],
		sends: ['POST', '/onboarding/createSessionLink'],
	},
	{
		title: 'QES Onboarding → Get Verification',
		parameters: {
			operation: 'getVerification',
			sessionId: fromItem('sessionId'),
			download: fromItem('download'),
			binaryPropertyName: fromItem('binaryPropertyName'),
		},
		baseline: () => ({
			json: {
				sessionId: '123e4567-e89b-12d3-a456-426614174000',
				download: false,
				binaryPropertyName: 'data',
			},
		}),
		breaks: [
			field('sessionId', 'Session ID', invalid.pathId),
			field('download', 'Download Signed Document', invalid.notBoolean),
			fields(
				'Put Output File in Field',
				fc.record({ download: fc.constant(true), binaryPropertyName: invalid.outputBinaryField }),
			),
		],
		sends: ['GET', '/onboarding/getVerification/:sessionId'],
	},
	{
		title: 'QES Onboarding → Configure Webhook',
		parameters: {
			operation: 'configureWebhook',
			webhookUrl: fromItem('webhookUrl'),
			authHeaders: { header: entriesFromItem('authHeaders', 2, ['name', 'value']) },
		},
		baseline: () => ({
			json: {
				webhookUrl: 'https://hooks.example.com/umbrella/events',
				authHeaders: [
					{ name: 'X-Webhook-Secret', value: 'f3b9c1d7e2a64f0b' },
					{ name: 'X-Tenant', value: 'acme' },
				],
			},
		}),
		breaks: [
			field('webhookUrl', 'Webhook URL', invalid.webUrl),
			...[0, 1].flatMap((n) => [
				field(`authHeaders.${n}.name`, `Auth Headers → #${n + 1} → Name`, headerName),
				field(
					`authHeaders.${n}.value`,
					`Auth Headers → #${n + 1} → Value`,
					fc.oneof(fc.constant(''), invalid.missing, invalid.notText),
				),
			]),
			// Header names are not case-sensitive: X-Tenant and x-tenant are the same header.
			duplicate(
				'authHeaders',
				'name',
				0,
				1,
				['Auth Headers'],
				fc.constantFrom(
					(v: string) => v,
					(v: string) => v.toLowerCase(),
					(v: string) => v.toUpperCase(),
				),
			),
		],
		sends: ['POST', '/onboarding/configureWebhook'],
	},
	{
		title: 'QES Onboarding → Wait for Signature',
		parameters: {
			operation: 'waitForSignature',
			sessionId: fromItem('sessionId'),
			downloadSignedFile: true,
			binaryPropertyName: fromItem('binaryPropertyName'),
		},
		// An unknown request: the read is refused, so the baseline reaches the vendor and nothing waits.
		baseline: () => ({
			json: { sessionId: '123e4567-e89b-12d3-a456-426614174999', binaryPropertyName: 'data' },
		}),
		breaks: [
			field('sessionId', 'Session ID', invalid.pathId),
			field('binaryPropertyName', 'Put Output File in Field', invalid.outputBinaryField),
		],
		sends: ['GET', '/onboarding/getVerification/:sessionId'],
	},
];

describe(`Umbrella QES: ${RUNS} invalid parameter sets per operation are refused by name, and nothing is sent`, () => {
	propertyTests(useUmbrella(), specs);
});
