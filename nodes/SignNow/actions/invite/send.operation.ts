import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fixedCollectionRows } from '../../../shared/parameters';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { email, httpUrl, intInRange, splitList } from '../../../shared/schemas';
import { checkParameters, failValidation, fieldLabel } from '../../../shared/validation';
import { documentId, documentIdFields } from '../../descriptions/document';
import { isEmbedded, type SignNowDocument } from '../../transport/answers';
import { readDocument } from '../../transport/documents';
import { type EmailInviteTo, isWaiting, sendEmailInvites } from '../../transport/invites';
import { accountEmail } from '../../transport/user';
import { checkAgainstDocument, order, repeatedSigners, roleId, signerFields } from '../roles';

const properties: INodeProperties[] = [
	...documentIdFields(),
	{
		displayName: 'Signers',
		name: 'signers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Signer',
		required: true,
		default: {},
		description: 'One signer per role of the document: every role must be covered',
		options: [
			{
				name: 'signer',
				displayName: 'Signer',
				values: signerFields({
					email: 'Where signNow sends the invite; different for each signer',
					order:
						'Signing step, starting at 1. signNow emails the next step once the earlier one has signed; equal numbers sign in parallel.',
				}),
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'CC',
				name: 'cc',
				type: 'string',
				default: '',
				placeholder: 'legal@example.com, sales@example.com',
				description: 'Email addresses that get a copy of the signed document, separated by commas',
			},
			{
				displayName: 'Decline Redirect URI',
				name: 'declineRedirectUri',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/declined',
				description: 'Where signers are sent after declining to sign',
			},
			{
				displayName: 'Expiration (Days)',
				name: 'expirationDays',
				type: 'number',
				typeOptions: { minValue: 3, maxValue: 180 },
				default: 30,
				description: 'After how many days an unsigned invite expires: 3 to 180',
			},
			{
				displayName: 'Message',
				name: 'message',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'The text of the invitation email; signNow’s own when empty',
			},
			{
				displayName: 'Redirect URI',
				name: 'redirectUri',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/signed',
				description: 'Where signers are sent after signing',
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				description: 'The subject of the invitation email; signNow’s own when empty',
			},
		],
	},
];

export const description = forOperation('invite', 'send', properties);

const signer = z.object({ email, roleId, order });

/** An optional field: empty (or not set) leaves it out. */
const optional = <T extends z.ZodTypeAny>(rule: T) =>
	z.preprocess((v) => (v === '' || v === null ? undefined : v), rule.optional());

const optionalText = (max: number) =>
	optional(
		z
			.string({ invalid_type_error: `Must be text, up to ${max} characters.` })
			.max(max, `Must be at most ${max} characters.`),
	);

const schema = z.object({
	documentId,
	signers: z.array(signer).min(1, 'Add at least one signer.'),
	subject: optionalText(1000),
	message: optionalText(5000),
	expirationDays: optional(intInRange(3, 180, ' days')),
	cc: z.array(email).optional(),
	redirectUri: optional(httpUrl),
	declineRedirectUri: optional(httpUrl),
});

/** Invites still waiting on the document, named for a message. */
function waitingInvites(document: SignNowDocument): string {
	return document.field_invites
		.filter(isWaiting)
		.map(
			(inv) =>
				`${inv.email ?? inv.id} (${isEmbedded(inv) ? 'embedded' : 'by email'}, ${inv.status})`,
		)
		.join(', ');
}

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		signers: fixedCollectionRows(this, 'signers.signer', i),
		subject: options.subject,
		message: options.message,
		expirationDays: options.expirationDays,
		// Typed as "a@example.com, b@example.com" or given as a list by an expression.
		cc: options.cc === undefined || options.cc === null ? undefined : splitList(options.cc),
		redirectUri: options.redirectUri,
		declineRedirectUri: options.declineRedirectUri,
	});
	const repeats = repeatedSigners(properties, 'signers', params.signers);
	if (repeats.length) failValidation(this.getNode(), repeats, i);

	// One read of the document names what signNow would refuse before anything is sent.
	const document = await readDocument(api, params.documentId, i);
	if (document.field_invites.some(isWaiting)) {
		// Email invites and embedded invites exclude each other: one set of invites at a time.
		failValidation(
			this.getNode(),
			[
				`${fieldLabel(properties, ['documentId'])}: "${params.documentId}" is not allowed. It already has invites waiting for signers: ${waitingInvites(document)}. A document takes one set of invites at a time, embedded or by email: delete its embedded invites (Embedded Invite → Delete) or cancel its email invites (Invite → Cancel) first.`,
			],
			i,
		);
	}
	const roles = checkAgainstDocument(
		this.getNode(),
		properties,
		document,
		params.signers,
		i,
		'signers',
	);
	const from = await accountEmail(api, i);
	const to: EmailInviteTo[] = params.signers.map((s, n) => ({
		email: s.email,
		role_id: roles[n].unique_id,
		role: roles[n].name,
		order: s.order,
		...(params.expirationDays !== undefined ? { expiration_days: params.expirationDays } : {}),
		...(params.redirectUri ? { redirect_uri: params.redirectUri } : {}),
		...(params.declineRedirectUri ? { decline_redirect_uri: params.declineRedirectUri } : {}),
	}));
	const answer = await sendEmailInvites(
		api,
		params.documentId,
		document,
		{
			to,
			from,
			...(params.cc?.length ? { cc: params.cc } : {}),
			...(params.subject !== undefined ? { subject: params.subject } : {}),
			...(params.message !== undefined ? { message: params.message } : {}),
		},
		i,
	);
	return toItems(
		{
			document_id: params.documentId,
			status: answer.status,
			from,
			invites: to.map(({ email: address, role, role_id, order }) => ({
				email: address,
				role,
				role_id,
				order,
			})),
		},
		i,
	);
};
