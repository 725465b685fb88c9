import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../../../shared/router';
import * as del from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as upload from './upload.operation';
import * as uploadFromUrl from './uploadFromUrl.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['document'] } },
	options: [
		{ name: 'Delete', value: 'delete', description: 'Delete a document', action: 'Delete a document' },
		{
			name: 'Download',
			value: 'download',
			description: 'Download the document, signatures included, as a PDF file',
			action: 'Download a document',
		},
		{ name: 'Get', value: 'get', description: 'Get the status, roles and invites of a document', action: 'Get a document' },
		{ name: 'Upload', value: 'upload', description: 'Upload a PDF from a binary field', action: 'Upload a document' },
		{
			name: 'Upload From URL',
			value: 'uploadFromUrl',
			description: 'Have signNow fetch a PDF from a public URL',
			action: 'Upload a document from a URL',
		},
	],
	default: 'upload',
};

export const description: INodeProperties[] = [
	operation,
	...upload.description,
	...uploadFromUrl.description,
	...get.description,
	...download.description,
	...del.description,
];

export const operations: Record<string, OperationExecute> = {
	delete: del.execute,
	download: download.execute,
	get: get.execute,
	upload: upload.execute,
	uploadFromUrl: uploadFromUrl.execute,
};
