import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { intAtLeast } from '../../shared/schemas';
import {
	duplicateProblems,
	failValidation,
	fieldLabel,
	listedValues,
} from '../../shared/validation';
import type { DocumentRole, SignNowDocument } from '../transport/answers';

function listRoles(roles: DocumentRole[]): string {
	return roles.map((r) => `"${r.name}" (${r.unique_id})`).join(', ');
}

/**
 * Checks the invites against the document as signNow would, and returns the role of each invite.
 * A role may be given by ID (the dropdown) or by its name (typed or from an expression). Messages
 * name the invites' fields as the operation's `properties` label them, in its list `list`.
 */
export function checkAgainstDocument(
	node: INode,
	properties: readonly INodeProperties[],
	document: SignNowDocument,
	invites: Array<{ email: string; roleId: string }>,
	itemIndex: number,
	list = 'invites',
): DocumentRole[] {
	const roles = document.roles;
	if (!roles.length) {
		throw new NodeOperationError(
			node,
			`Document ${document.id} has no fields, so it has no roles to invite signers to`,
			{
				itemIndex,
				description:
					'Add signature fields to the document in signNow, or upload it with text tags and "Check Fields" on.',
			},
		);
	}
	const resolved = invites.map((invite, n) => {
		const role =
			roles.find((r) => r.unique_id === invite.roleId) ??
			roles.find((r) => r.name === invite.roleId) ??
			roles.find((r) => r.name.toLowerCase() === invite.roleId.toLowerCase());
		if (!role) {
			failValidation(
				node,
				[
					`${fieldLabel(properties, [list, n, 'roleId'])}: "${invite.roleId}" is not allowed. It is not a role of this document; its roles are ${listRoles(roles)}.`,
				],
				itemIndex,
			);
		}
		return role;
	});

	const owner = typeof document.owner === 'string' ? document.owner.toLowerCase() : undefined;
	invites.forEach((invite, n) => {
		if (owner && invite.email.toLowerCase() === owner) {
			failValidation(
				node,
				[
					`${fieldLabel(properties, [list, n, 'email'])}: "${invite.email}" is not allowed. It is the document owner’s email; the owner cannot be invited to sign.`,
				],
				itemIndex,
			);
		}
	});

	const used = new Map<string, number>();
	resolved.forEach((role, n) => {
		const first = used.get(role.unique_id);
		if (first !== undefined) {
			failValidation(
				node,
				[
					`${fieldLabel(properties, [list, n, 'roleId'])}: "${invites[n].roleId}" is not allowed. Role "${role.name}" already has invite #${first + 1}; each role takes one signer.`,
				],
				itemIndex,
			);
		}
		used.set(role.unique_id, n);
	});
	const missing = roles.filter((r) => !used.has(r.unique_id));
	if (missing.length) {
		failValidation(
			node,
			[
				`${fieldLabel(properties, [list])}: every role of the document needs an invite. Missing: ${missing.map((r) => `"${r.name}"`).join(', ')}.`,
			],
			itemIndex,
		);
	}
	return resolved;
}

/** The Email, Role and Order fields of one signer, as embedded and email invites both ask for them. */
export function signerFields(texts: { email: string; order: string }): INodeProperties[] {
	return [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: texts.email,
		},
		{
			displayName: 'Role Name or ID',
			name: 'roleId',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getDocumentRoles',
				loadOptionsDependsOn: ['documentId'],
			},
			required: true,
			default: '',
			description:
				'Role of the document this signer fills. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Order',
			name: 'order',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: texts.order,
		},
	];
}

/** The rules of a signer's role and signing step. */
export const roleId = z
	.string({ invalid_type_error: 'Pick a role of the document.' })
	.trim()
	.min(1, 'Pick a role of the document.');

export const order = intAtLeast(
	1,
	'Must be a whole number of 1 or more: signing starts at step 1.',
);

/**
 * Repeats the form itself shows, found before any request: the same email twice (in any case) or
 * the same role twice in list `list`; role names typed differently need the document.
 */
export function repeatedSigners(
	properties: readonly INodeProperties[],
	list: string,
	signers: ReadonlyArray<{ email: string; roleId: string }>,
): string[] {
	return [
		...duplicateProblems(
			listedValues(
				properties,
				list,
				'email',
				signers.map((s) => s.email),
			),
			'Each signer needs an email address of their own; upper and lower case count as the same.',
			(address) => address.toLowerCase(),
		),
		...duplicateProblems(
			listedValues(
				properties,
				list,
				'roleId',
				signers.map((s) => s.roleId),
			),
			`Each role of the document gets exactly one ${list === 'invites' ? 'invite' : 'signer'}.`,
		),
	];
}
