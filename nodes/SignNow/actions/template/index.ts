import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as createDocument from './createDocument.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['template'] } },
	options: [
		{
			name: 'Create Document',
			value: 'createDocument',
			description: 'Copy a template into a new document, ready to prefill and send',
			action: 'Create a document from a template',
		},
	],
	default: 'createDocument',
};

export const { description, operations } = resourceParts(operation, { createDocument });
