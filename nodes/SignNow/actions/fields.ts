import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { alphabetical, oneOf } from '../../shared/schemas';

/** How the signer proves who they are before signing, in the order signNow lists the methods. */
const authMethodOptions: INodePropertyOptions[] = [
	{ name: 'None', value: 'none', description: 'Your app has already identified the signer' },
	{ name: 'Email', value: 'email' },
	{ name: 'Password', value: 'password' },
	{ name: 'MFA', value: 'mfa' },
	{ name: 'Social', value: 'social' },
	{ name: 'Biometric', value: 'biometric' },
	{ name: 'Other', value: 'other' },
];

export const authMethod = oneOf(
	authMethodOptions,
	(values) => `Must be one of ${values.join(', ')}.`,
);

export function authMethodField(description: string): INodeProperties {
	return {
		displayName: 'Auth Method',
		name: 'authMethod',
		type: 'options',
		options: alphabetical(authMethodOptions),
		default: 'none',
		description,
	};
}

export const checkFieldsOption: INodeProperties = {
	displayName: 'Check Fields',
	name: 'checkFields',
	type: 'boolean',
	default: false,
	description:
		'Whether signNow should turn text tags in the document (such as {{t:s;r:y;o:"Signer 1";}}) into fields and roles. Embedded invites need a document with roles.',
};
