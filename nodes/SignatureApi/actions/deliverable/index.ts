import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as download from './download.operation';
import * as get from './get.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['deliverable'] } },
	options: [
		{
			name: 'Download',
			value: 'download',
			description:
				'Download the signed PDF as a file; a standard deliverable ends with the audit trail',
			action: 'Download a signed PDF',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a deliverable’s status and a fresh file URL',
			action: 'Get a deliverable',
		},
	],
	default: 'download',
};

export const { description, operations } = resourceParts(operation, { download, get });
