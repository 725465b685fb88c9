import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { pathId } from '../../shared/schemas';

export const signatureRequestIdField: INodeProperties = {
	displayName: 'Signature Request ID',
	name: 'signatureRequestId',
	type: 'string',
	required: true,
	default: '',
	description:
		'ID of a signature request created through the Lumin API (Send or Send From Template)',
};

export const signatureRequestId = pathId('signature request ID');

export const titleField: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	required: true,
	default: '',
	description: 'Shown to signers, 1 to 255 characters',
};

const expiresAtField: INodeProperties = {
	displayName: 'Expires At',
	name: 'expiresAt',
	type: 'dateTime',
	required: true,
	default: '',
	description: 'When the request stops accepting signatures. Must be in the future.',
};

function recipientCollection(kind: 'signer' | 'viewer', withRole: boolean): INodeProperties {
	const values: INodeProperties[] = [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
		},
	];
	if (kind === 'signer' && withRole) {
		values.push({
			displayName: 'Role',
			name: 'role',
			type: 'string',
			default: '',
			description: "The template's signer role this person fills",
		});
	}
	if (kind === 'signer') {
		values.push({
			displayName: 'Signing Group',
			name: 'group',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'With "In Order" signing: 1 signs first, then 2, and so on. 0 leaves it unset.',
		});
	}
	return {
		displayName: kind === 'signer' ? 'Signers' : 'Viewers',
		name: `${kind}s`,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: kind === 'signer' },
		placeholder: kind === 'signer' ? 'Add Signer' : 'Add Viewer',
		required: kind === 'signer',
		default: {},
		options: [{ name: kind, displayName: kind === 'signer' ? 'Signer' : 'Viewer', values }],
	};
}

export const signingTypeOptions: INodePropertyOptions[] = [
	{ name: 'All at the Same Time', value: 'SAME_TIME' },
	{
		name: 'In Order',
		value: 'ORDER',
		description: 'By each signer’s Signing Group, starting at 1',
	},
];

const signingTypeField: INodeProperties = {
	displayName: 'Signing Order',
	name: 'signingType',
	type: 'options',
	options: signingTypeOptions,
	default: 'SAME_TIME',
};

const customEmailOptions: INodeProperties[] = [
	{
		displayName: 'Sender Email',
		name: 'sender_email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'Email Subject', name: 'subject_name', type: 'string', default: '' },
	{ displayName: 'Email Title', name: 'title', type: 'string', default: '' },
];

export const customEmailOption: INodeProperties = {
	displayName: 'Custom Email',
	name: 'customEmail',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: customEmailOptions,
};

/** Who gets the request and how: the fields Send and Send From Template share after the title. */
export function recipientFields(signersHaveRoles: boolean): INodeProperties[] {
	return [
		recipientCollection('signer', signersHaveRoles),
		recipientCollection('viewer', false),
		expiresAtField,
		signingTypeField,
	];
}
