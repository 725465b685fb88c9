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
				binaryPropertyName: fromItem('binaryPropertyName'),
			},
			baseline: () => ({ json: { documentId: seeded().id, binaryPropertyName: 'data' } }),
			breaks: [
				documentId,
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

describe(`signNow: ${RUNS} invalid parameter sets per operation are refused by name, and nothing is sent`, () => {
	const { sim, run } = useSignNow();
	propertyTests({ sim, run }, specs(sim));
});
