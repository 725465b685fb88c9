import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as waitForSignature from './waitForSignature.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['signRequest'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Send a PDF to invitees through a Leegality workflow and get their sign URLs',
			action: 'Create a sign request',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a whole sign request, or withdraw one unsigned invitation',
			action: 'Delete a sign request or an invitation',
		},
		{
			name: 'Download',
			value: 'download',
			description: 'Download the document or its audit trail as a file',
			action: 'Download a document or audit trail',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get the details and status of a sign request',
			action: 'Get a sign request',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List or search sign requests',
			action: 'Get many sign requests',
		},
		{
			name: 'Wait for Signature',
			value: 'waitForSignature',
			description:
				'Pause until the document is completed, or an invitee rejects or lets an invitation expire',
			action: 'Wait for a sign request to be signed',
		},
	],
	default: 'create',
};

export const { description, operations } = resourceParts(operation, {
	create,
	delete: del,
	download,
	get,
	getMany,
	waitForSignature,
});
