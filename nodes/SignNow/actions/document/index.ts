import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as del from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getHistory from './getHistory.operation';
import * as prefillTextFields from './prefillTextFields.operation';
import * as upload from './upload.operation';
import * as uploadFromUrl from './uploadFromUrl.operation';
import * as waitForSignature from './waitForSignature.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['document'] } },
	options: [
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a document',
			action: 'Delete a document',
		},
		{
			name: 'Download',
			value: 'download',
			description:
				'Download the document, signatures included, as a PDF file, optionally with its audit trail',
			action: 'Download a document',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get the status, roles and invites of a document',
			action: 'Get a document',
		},
		{
			name: 'Get History',
			value: 'getHistory',
			description: 'Get the audit trail of a document: one item per event',
			action: 'Get the history of a document',
		},
		{
			name: 'Prefill Text Fields',
			value: 'prefillTextFields',
			description: 'Fill in text fields of a document before it goes out for signing',
			action: 'Prefill text fields of a document',
		},
		{
			name: 'Upload',
			value: 'upload',
			description: 'Upload a PDF from a binary field',
			action: 'Upload a document',
		},
		{
			name: 'Upload From URL',
			value: 'uploadFromUrl',
			description: 'Have signNow fetch a PDF from a public URL',
			action: 'Upload a document from a URL',
		},
		{
			name: 'Wait for Signature',
			value: 'waitForSignature',
			description:
				'Pause until every invite is signed or one is declined, then go on with the outcome',
			action: 'Wait for a document to be signed',
		},
	],
	default: 'upload',
};

export const { description, operations } = resourceParts(operation, {
	delete: del,
	download,
	get,
	getHistory,
	prefillTextFields,
	upload,
	uploadFromUrl,
	waitForSignature,
});

/** What wakes a waiting document (the node's webhook()). */
export const { waitSpec } = waitForSignature;
