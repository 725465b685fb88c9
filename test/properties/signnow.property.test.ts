import fc from 'fast-check';

import type { SignNowSimulator } from '../simulators/signnow';
import { pdfItem, useSignNow } from '../SignNow/setup';
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

const AUTH_METHODS = ['none', 'email', 'password', 'mfa', 'social', 'biometric', 'other'];

const documentId = field('documentId', 'Document ID', invalid.pathId);
const checkFields = field('checkFields', 'Check Fields', invalid.notBoolean);
const inputBinaryField = [
	field('binaryPropertyName', 'Input Binary Field', invalid.outputBinaryField),
	// readBinary words it its own way: "… is not a binary field of this item", listing the fields there are.
	fields('Input Binary Field', fc.record({ binaryPropertyName: invalid.absentBinaryField }), {
		ownWording: true,
	}),
];

/** Emails signNow refuses: malformed, or longer than 150 characters. */
const inviteEmail = fc.oneof(
	invalid.email,
	fc.integer({ min: 139, max: 200 }).map((n) => `${'a'.repeat(n)}@example.com`),
);

function specs(sim: SignNowSimulator): OperationSpec[] {
	let document: ReturnType<SignNowSimulator['seed']> | undefined;
	/** A document with the roles Signer 1 and Signer 2, seeded once. */
	const seeded = () => (document ??= sim.seed());

	return [
		{
			title: 'Document → Upload',
			parameters: {
				resource: 'document',
				operation: 'upload',
				binaryPropertyName: fromItem('binaryPropertyName'),
				options: { checkFields: fromItem('checkFields'), name: fromItem('name') },
			},
			baseline: () => ({
				json: { binaryPropertyName: 'data', checkFields: true, name: 'Service agreement' },
				binary: pdfItem(['Signer 1']).binary,
			}),
			breaks: [
				...inputBinaryField,
				checkFields,
				field('name', 'Document Name', fc.oneof(invalid.longerThan(255), invalid.truthyNotText)),
			],
			sends: ['POST', '/document'],
		},
		{
			title: 'Document → Upload From URL',
			parameters: {
				resource: 'document',
				operation: 'uploadFromUrl',
				url: fromItem('url'),
				options: { checkFields: fromItem('checkFields') },
			},
			baseline: () => ({
				json: { url: 'https://files.example.com/contract.pdf', checkFields: false },
			}),
			breaks: [field('url', 'File URL', invalid.httpsUrl), checkFields],
			sends: ['POST', '/v2/documents/url'],
		},
		{
			title: 'Document → Get',
			parameters: {
				resource: 'document',
				operation: 'get',
				documentId: fromItem('documentId'),
				simplify: fromItem('simplify'),
			},
			baseline: () => ({ json: { documentId: seeded().id, simplify: true } }),
			breaks: [documentId, field('simplify', 'Simplify', invalid.notBoolean)],
			sends: ['GET', '/document/:id'],
		},
		{
			title: 'Document → Download',
			parameters: {
				resource: 'document',
				operation: 'download',
				documentId: fromItem('documentId'),
				fileType: fromItem('fileType'),
				binaryPropertyName: fromItem('binaryPropertyName'),
			},
			baseline: () => ({
				json: { documentId: seeded().id, fileType: 'withHistory', binaryPropertyName: 'data' },
			}),
			breaks: [
				documentId,
				field('fileType', 'File', invalid.oneOf(['collapsed', 'withHistory', 'zip'])),
				field('binaryPropertyName', 'Put Output File in Field', invalid.outputBinaryField),
			],
			sends: ['GET', '/document/:id/download'],
		},
		{
			title: 'Document → Delete',
			parameters: { resource: 'document', operation: 'delete', documentId: fromItem('documentId') },
			baseline: () => ({ json: { documentId: 'a0b1c2d3e4f5' } }),
			breaks: [documentId],
			sends: ['DELETE', '/document/:id'],
		},
		{
			title: 'Embedded Invite → Create',
			parameters: {
				resource: 'embeddedInvite',
				operation: 'create',
				documentId: fromItem('documentId'),
				invites: {
					invite: entriesFromItem('invites', 2, ['email', 'roleId', 'order', 'authMethod']),
				},
				options: {
					redirectUri: fromItem('redirectUri'),
					declineRedirectUri: fromItem('declineRedirectUri'),
				},
			},
			baseline: () => ({
				json: {
					documentId: seeded().id,
					invites: [
						{
							email: 'ana@example.com',
							roleId: seeded().roles[0].unique_id,
							order: 1,
							authMethod: 'email',
						},
						{ email: 'ben@example.com', roleId: 'Signer 2', order: 2, authMethod: 'none' },
					],
					redirectUri: 'https://example.com/signed',
					declineRedirectUri: '',
				},
			}),
			breaks: [
				documentId,
				...[0, 1].flatMap((n) => [
					field(`invites.${n}.email`, `Invites → #${n + 1} → Email`, inviteEmail),
					field(
						`invites.${n}.roleId`,
						`Invites → #${n + 1} → Role Name or ID`,
						invalid.requiredText,
					),
					field(
						`invites.${n}.order`,
						`Invites → #${n + 1} → Order`,
						fc.oneof(invalid.integerIn(1), invalid.numberLookalike(1, 5)),
					),
					field(
						`invites.${n}.authMethod`,
						`Invites → #${n + 1} → Auth Method`,
						invalid.oneOf(AUTH_METHODS),
					),
				]),
				// Signer emails must differ, whatever their case.
				duplicate(
					'invites',
					'email',
					0,
					1,
					['Invites → #2 → Email'],
					fc.constantFrom(
						(v: string) => v,
						(v: string) => v.toUpperCase(),
						(v: string) => ` ${v}`,
					),
				),
				// The same role typed twice is refused before the document is read.
				duplicate('invites', 'roleId', 0, 1, ['Invites → #2 → Role Name or ID']),
				field('redirectUri', 'Redirect URI', invalid.optionalUrl),
				field('declineRedirectUri', 'Decline Redirect URI', invalid.optionalUrl),
			],
			sends: ['POST', '/v2/documents/:id/embedded-invites'],
		},
		{
			title: 'Embedded Invite → Generate Link',
			parameters: {
				resource: 'embeddedInvite',
				operation: 'generateLink',
				documentId: fromItem('documentId'),
				fieldInviteId: fromItem('fieldInviteId'),
				authMethod: fromItem('authMethod'),
				options: { linkExpiration: fromItem('linkExpiration') },
			},
			baseline: () => ({
				json: {
					documentId: seeded().id,
					fieldInviteId: '03739a736d324f9794c2e93ec7c5bda817af3f7f',
					authMethod: 'none',
					linkExpiration: 30,
				},
			}),
			breaks: [
				documentId,
				field('fieldInviteId', 'Field Invite ID', invalid.pathId),
				field('authMethod', 'Auth Method', invalid.oneOf(AUTH_METHODS)),
				field(
					'linkExpiration',
					'Link Expiration (Minutes)',
					fc.oneof(invalid.integerIn(15, 45), invalid.numberLookalike(15, 45)),
				),
			],
			sends: ['POST', '/v2/documents/:id/embedded-invites/:inviteId/link'],
		},
		...peerSpecs(sim, seeded),
		{
			title: 'Embedded Invite → Delete',
			parameters: {
				resource: 'embeddedInvite',
				operation: 'delete',
				documentId: fromItem('documentId'),
			},
			baseline: () => ({ json: { documentId: seeded().id } }),
			breaks: [documentId],
			sends: ['DELETE', '/v2/documents/:id/embedded-invites'],
		},
		{
			title: 'Document → Wait for Signature',
			parameters: {
				resource: 'document',
				operation: 'waitForSignature',
				documentId: fromItem('documentId'),
				downloadSignedFile: true,
				binaryPropertyName: fromItem('binaryPropertyName'),
			},
			// An unknown request: the read is refused, so the baseline reaches the vendor and nothing waits.
			baseline: () => ({ json: { documentId: 'a0b1c2d3e4f5', binaryPropertyName: 'data' } }),
			breaks: [
				documentId,
				field('binaryPropertyName', 'Put Output File in Field', invalid.outputBinaryField),
			],
			sends: ['GET', '/document/:id'],
		},
	];
}

/** Templates, prefilled text fields, email invites and the history. */
function peerSpecs(
	sim: SignNowSimulator,
	seeded: () => ReturnType<SignNowSimulator['seed']>,
): OperationSpec[] {
	let template: ReturnType<SignNowSimulator['seedTemplate']> | undefined;
	let form: ReturnType<SignNowSimulator['seed']> | undefined;
	let invited: ReturnType<SignNowSimulator['seed']> | undefined;
	/** A document with the text fields Customer Name and Price, seeded once. */
	const withTextFields = () =>
		(form ??= sim.seed({ roleNames: ['Customer'], textFields: ['Customer Name', 'Price'] }));
	const optionalText = (max: number) =>
		fc.oneof(invalid.longerThan(max), invalid.optionalTextWrongType);

	return [
		{
			title: 'Template → Create Document',
			parameters: {
				resource: 'template',
				operation: 'createDocument',
				templateId: fromItem('templateId'),
				options: { documentName: fromItem('documentName') },
			},
			baseline: () => ({
				json: { templateId: (template ??= sim.seedTemplate()).id, documentName: 'Offer' },
			}),
			breaks: [
				field('templateId', 'Template ID', invalid.pathId),
				field(
					'documentName',
					'Document Name',
					fc.oneof(invalid.longerThan(255), invalid.truthyNotText),
				),
			],
			sends: ['POST', '/template/:id/copy'],
		},
		{
			title: 'Document → Prefill Text Fields',
			parameters: {
				resource: 'document',
				operation: 'prefillTextFields',
				documentId: fromItem('documentId'),
				fields: { field: entriesFromItem('fields', 2, ['fieldName', 'text']) },
			},
			baseline: () => ({
				json: {
					documentId: withTextFields().id,
					fields: [
						{ fieldName: 'Customer Name', text: 'Ana Silva' },
						{ fieldName: 'Price', text: '' },
					],
				},
			}),
			breaks: [
				documentId,
				...[0, 1].flatMap((n) => [
					field(
						`fields.${n}.fieldName`,
						`Fields → #${n + 1} → Field Name or ID`,
						invalid.requiredText,
					),
					field(
						`fields.${n}.text`,
						`Fields → #${n + 1} → Text`,
						invalid.notText.filter((v) => typeof v !== 'number'),
					),
				]),
				duplicate('fields', 'fieldName', 0, 1, ['Fields → #2 → Field Name or ID']),
			],
			sends: ['PUT', '/v2/documents/:id/prefill-texts'],
		},
		{
			title: 'Document → Get History',
			parameters: {
				resource: 'document',
				operation: 'getHistory',
				documentId: fromItem('documentId'),
			},
			baseline: () => ({ json: { documentId: seeded().id } }),
			breaks: [documentId],
			sends: ['GET', '/document/:id/historyfull'],
		},
		{
			title: 'Invite → Send by Email',
			parameters: {
				resource: 'invite',
				operation: 'send',
				documentId: fromItem('documentId'),
				signers: { signer: entriesFromItem('signers', 2, ['email', 'roleId', 'order']) },
				options: {
					subject: fromItem('subject'),
					message: fromItem('message'),
					expirationDays: fromItem('expirationDays'),
					cc: fromItem('cc'),
					redirectUri: fromItem('redirectUri'),
					declineRedirectUri: fromItem('declineRedirectUri'),
				},
			},
			// A document of its own: Embedded Invite → Create's baseline invites the shared one.
			baseline: () => ({
				json: {
					documentId: (invited ??= sim.seed()).id,
					signers: [
						{ email: 'ana@example.com', roleId: 'Signer 1', order: 1 },
						{ email: 'ben@example.com', roleId: 'Signer 2', order: 2 },
					],
					subject: 'Please sign',
					message: '',
					expirationDays: 14,
					cc: 'legal@example.com',
					redirectUri: '',
					declineRedirectUri: 'https://example.com/declined',
				},
			}),
			breaks: [
				documentId,
				...[0, 1].flatMap((n) => [
					field(`signers.${n}.email`, `Signers → #${n + 1} → Email`, invalid.email),
					field(
						`signers.${n}.roleId`,
						`Signers → #${n + 1} → Role Name or ID`,
						invalid.requiredText,
					),
					field(
						`signers.${n}.order`,
						`Signers → #${n + 1} → Order`,
						fc.oneof(invalid.integerIn(1), invalid.numberLookalike(1, 5)),
					),
				]),
				duplicate(
					'signers',
					'email',
					0,
					1,
					['Signers → #2 → Email'],
					fc.constantFrom(
						(v: string) => v,
						(v: string) => v.toUpperCase(),
					),
				),
				duplicate('signers', 'roleId', 0, 1, ['Signers → #2 → Role Name or ID']),
				field('subject', 'Subject', optionalText(1000)),
				field('message', 'Message', optionalText(5000)),
				field(
					'expirationDays',
					'Expiration (Days)',
					fc.oneof(invalid.integerIn(3, 180), invalid.numberLookalike(3, 180)),
				),
				field(
					'cc',
					'CC',
					fc.oneof(
						invalid.malformedEmail,
						invalid.malformedEmail.map((bad) => `legal@example.com, ${bad}`),
						invalid.malformedEmail.map((bad) => ['legal@example.com', bad]),
					),
				),
				field('redirectUri', 'Redirect URI', invalid.optionalUrl),
				field('declineRedirectUri', 'Decline Redirect URI', invalid.optionalUrl),
			],
			sends: ['POST', '/document/:id/invite'],
		},
		{
			title: 'Invite → Cancel',
			parameters: {
				resource: 'invite',
				operation: 'cancel',
				documentId: fromItem('documentId'),
				reason: fromItem('reason'),
			},
			baseline: () => ({ json: { documentId: seeded().id, reason: 'The offer has changed' } }),
			breaks: [documentId, field('reason', 'Reason', optionalText(1000))],
			sends: ['PUT', '/document/:id/fieldinvitecancel'],
		},
	];
}

describe(`signNow: ${RUNS} invalid parameter sets per operation are refused by name, and nothing is sent`, () => {
	const { sim, run } = useSignNow();
	propertyTests({ sim, run }, specs(sim));
});
