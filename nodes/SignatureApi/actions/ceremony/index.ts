import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as create from './create.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['ceremony'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Start a new signing ceremony for a recipient, revoking earlier links',
			action: 'Create a ceremony',
		},
	],
	default: 'create',
};

export const { description, operations } = resourceParts(operation, { create });
