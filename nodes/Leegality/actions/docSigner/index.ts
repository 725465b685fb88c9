import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as signInvitation from './signInvitation.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['docSigner'] } },
	options: [
		{
			name: 'Sign Invitation',
			value: 'signInvitation',
			description:
				'Sign an invitation with the Document Signer Certificate saved in the invitee’s account',
			action: 'Sign an invitation with a document signer certificate',
		},
	],
	default: 'signInvitation',
};

export const { description, operations } = resourceParts(operation, { signInvitation });
