import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as generateLink from './generateLink.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['embeddedInvite'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Create signing invites for every role of a document, without emails',
			action: 'Create embedded invites',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete all embedded invites of a document',
			action: 'Delete embedded invites',
		},
		{
			name: 'Generate Link',
			value: 'generateLink',
			description: 'Get a signing link for one invite, to open or embed in your app',
			action: 'Generate an embedded signing link',
		},
	],
	default: 'create',
};

export const { description, operations } = resourceParts(operation, {
	create,
	delete: del,
	generateLink,
});
