import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { failValidation, fieldLabel } from '../../shared/validation';
import type { DocumentRole, SignNowDocument } from '../transport/answers';

function listRoles(roles: DocumentRole[]): string {
	return roles.map((r) => `"${r.name}" (${r.unique_id})`).join(', ');
}

/**
 * Checks the invites against the document as signNow would, and returns the role of each invite.
 * A role may be given by ID (the dropdown) or by its name (typed or from an expression). Messages
 * name the invites' fields as the operation's `properties` label them.
 */
export function checkAgainstDocument(
	node: INode,
	properties: readonly INodeProperties[],
	document: SignNowDocument,
	invites: Array<{ email: string; roleId: string }>,
	itemIndex: number,
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
					`${fieldLabel(properties, ['invites', n, 'roleId'])}: "${invite.roleId}" is not allowed. It is not a role of this document; its roles are ${listRoles(roles)}.`,
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
					`${fieldLabel(properties, ['invites', n, 'email'])}: "${invite.email}" is not allowed. It is the document owner’s email; the owner cannot be an embedded signer.`,
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
					`${fieldLabel(properties, ['invites', n, 'roleId'])}: "${invites[n].roleId}" is not allowed. Role "${role.name}" already has invite #${first + 1}; each role takes one signer.`,
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
				`${fieldLabel(properties, ['invites'])}: every role of the document needs an invite. Missing: ${missing.map((r) => `"${r.name}"`).join(', ')}.`,
			],
			itemIndex,
		);
	}
	return resolved;
}
