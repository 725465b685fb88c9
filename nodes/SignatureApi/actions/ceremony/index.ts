import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../../../shared/router';
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

export const description: INodeProperties[] = [operation, ...create.description];

export const operations: Record<string, OperationExecute> = { create: create.execute };
