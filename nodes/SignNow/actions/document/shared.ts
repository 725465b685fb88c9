import type { INodeProperties } from 'n8n-workflow';

export const checkFieldsOption: INodeProperties = {
	displayName: 'Check Fields',
	name: 'checkFields',
	type: 'boolean',
	default: false,
	description:
		'Whether signNow should turn text tags in the document (such as {{t:s;r:y;o:"Signer 1";}}) into fields and roles. Embedded invites need a document with roles.',
};
