import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../../../shared/router';
import * as download from './download.operation';
import * as get from './get.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['deliverable'] } },
	options: [
		{ name: 'Download', value: 'download', description: 'Download the signed PDF as a file', action: 'Download a signed PDF' },
		{ name: 'Get', value: 'get', description: 'Get a deliverable’s status and a fresh file URL', action: 'Get a deliverable' },
	],
	default: 'download',
};

export const description: INodeProperties[] = [operation, ...get.description, ...download.description];

export const operations: Record<string, OperationExecute> = { download: download.execute, get: get.execute };
