import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as cancel from './cancel.operation';
import * as send from './send.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['invite'] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			description: 'Cancel the email invites of a document that wait for signers',
			action: 'Cancel email invites',
		},
		{
			name: 'Send by Email',
			value: 'send',
			description: 'Have signNow email an invite to sign to one signer per role',
			action: 'Send invites by email',
		},
	],
	default: 'send',
};

export const { description, operations } = resourceParts(operation, { cancel, send });
