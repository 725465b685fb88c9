import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fixedCollectionRows } from '../../../shared/parameters';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { email, httpsUrl } from '../../../shared/schemas';
import {
	checkParameters,
	duplicateProblems,
	failValidation,
	listedValues,
} from '../../../shared/validation';
import { resumeOption, resumeRedirectUrl } from '../../../shared/wait/redirect';
import { createSessionLink } from '../../transport/onboarding';
import { IDENTIFICATION_PLACEHOLDERS } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address of the person who identifies and signs',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		placeholder: '+436501234567',
		required: true,
		default: '',
		description:
			'Mobile number of the signer in E.164 format: country code and number, digits only, no spaces. A number (not text) from an expression, such as 436501234567, is read as +436501234567: a number cannot carry the leading +.',
	},
	{
		displayName: 'Redirect URL',
		name: 'redirectUrl',
		type: 'string',
		placeholder: 'https://example.com/onboarding/success',
		required: true,
		default: '',
		description: 'Where Umbrella sends the signer after signing',
	},
	resumeOption('Umbrella QES', 'QES Onboarding'),
	{
		displayName: 'Document URL',
		name: 'docUrl',
		type: 'string',
		placeholder: 'https://cdn.example.com/contracts/offer.pdf',
		required: true,
		default: '',
		description:
			'Public HTTPS link to the PDF to sign. Umbrella downloads it without any login or headers.',
	},
	{
		displayName: 'Signature Fields',
		name: 'signForms',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Signature Field',
		default: {},
		description: 'The PDF’s signature form fields (AcroForm) and who signs each',
		options: [
			{
				name: 'field',
				displayName: 'Signature Field',
				values: [
					{
						displayName: 'Field ID',
						name: 'fieldId',
						type: 'string',
						default: '',
						placeholder: 'Signature1',
						description: 'Name of the signature field in the PDF',
					},
					{
						displayName: 'Actor ID',
						name: 'actorId',
						type: 'string',
						default: 'userToIdentify',
						description: 'Who signs this field. userToIdentify is the person this session is for.',
					},
				],
			},
		],
	},
	{
		displayName: 'Fill Form Fields',
		name: 'fillForm',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Form Field',
		default: {},
		description: 'Text fields of the PDF to fill in before signing',
		options: [
			{
				name: 'field',
				displayName: 'Form Field',
				values: [
					{
						displayName: 'Field ID',
						name: 'fieldId',
						type: 'string',
						default: '',
						placeholder: 'name',
						description: 'Name of the text field in the PDF',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: '${identification.firstName}',
						description: `Text to put in the field. Umbrella replaces these placeholders with the identified signer’s data and they are sent exactly as typed: ${IDENTIFICATION_PLACEHOLDERS.join(', ')}.`,
					},
				],
			},
		],
	},
];

export const description = forOperation('qesOnboarding', 'createSessionLink', properties);

/** The pattern Umbrella's OpenAPI gives for phoneNumber. */
const E164 = /^\+?[1-9]\d{1,14}$/;

const webUrl = z
	.string()
	.trim()
	.url('Must be a full URL such as https://example.com/done.')
	.refine((v) => /^https?:\/\//i.test(v), 'Only http:// and https:// URLs are accepted.');

const publicPdfUrl = httpsUrl.refine((v) => {
	try {
		const url = new URL(v);
		return url.username === '' && url.password === '';
	} catch {
		return true; // Not a URL at all: the check above already says so.
	}
}, 'Umbrella fetches the PDF without logging in: remove the user name and password from the URL and make the file public.');

const nonEmpty = (what: string) =>
	z
		.string({ invalid_type_error: `The ${what} must be text.` })
		.trim()
		.min(1, `The ${what} is required.`);

const E164_RULE =
	'Must be an E.164 phone number: optional +, country code and number, 2 to 15 digits, no spaces or dashes (e.g. +436501234567).';

/**
 * A phone number from an expression may arrive as a JSON number (`{{ $json.phone }}` with
 * 436501234567), which cannot carry E.164's leading "+": its digits are read as an international
 * number and then checked like typed text.
 */
const phoneNumber = z.preprocess(
	(value) =>
		typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? `+${value}` : value,
	z.string({ invalid_type_error: E164_RULE }).trim().regex(E164, E164_RULE),
);

const schema = z.object({
	email,
	phoneNumber,
	redirectUrl: webUrl,
	docUrl: publicPdfUrl,
	signForms: z.array(z.object({ fieldId: nonEmpty('field ID'), actorId: nonEmpty('actor ID') })),
	// Values are sent untouched (no trim): placeholders such as ${identification.firstName} must arrive byte for byte.
	fillForm: z.array(
		z.object({
			fieldId: nonEmpty('field ID'),
			value: z.string({ invalid_type_error: 'The value must be text.' }),
		}),
	),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		email: this.getNodeParameter('email', i),
		phoneNumber: this.getNodeParameter('phoneNumber', i),
		redirectUrl: this.getNodeParameter('redirectUrl', i),
		docUrl: this.getNodeParameter('docUrl', i),
		signForms: fixedCollectionRows(this, 'signForms.field', i),
		fillForm: fixedCollectionRows(this, 'fillForm.field', i),
	});
	// PDF field names are case-sensitive, so they are compared exactly.
	const problems = [
		...duplicateProblems(
			listedValues(
				properties,
				'signForms',
				'fieldId',
				params.signForms.map((f) => f.fieldId),
			),
			'Each PDF field can be signed once.',
		),
		...duplicateProblems(
			listedValues(
				properties,
				'fillForm',
				'fieldId',
				params.fillForm.map((f) => f.fieldId),
			),
			'Give each PDF field one value.',
		),
	];
	if (problems.length) failValidation(this.getNode(), problems, i);

	// The signer comes back to this execution first; the Redirect URL is where n8n sends them on.
	const redirectUrl =
		this.getNodeParameter('resumeWorkflow', i, false) === true
			? await resumeRedirectUrl(this, api, params.redirectUrl, i, false)
			: params.redirectUrl;
	const body: IDataObject = {
		email: params.email,
		phoneNumber: params.phoneNumber,
		redirectUrl,
		docUrl: params.docUrl,
	};
	if (params.signForms.length)
		body.signForms = params.signForms.map(({ fieldId, actorId }) => ({ fieldId, actorId }));
	if (params.fillForm.length)
		body.fillForm = params.fillForm.map(({ fieldId, value }) => ({ fieldId, value }));

	return toItems(await createSessionLink(api, body, i), i);
};
