import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as waitForSignature from './waitForSignature.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['envelope'] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			description: 'Stop an envelope that is in progress, for good',
			action: 'Cancel an envelope',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Send documents to recipients for signature',
			action: 'Create an envelope',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get the status, recipients and documents of an envelope',
			action: 'Get an envelope',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List envelopes, newest first',
			action: 'Get many envelopes',
		},
		{
			name: 'Wait for Signature',
			value: 'waitForSignature',
			description:
				'Pause until the envelope is completed, canceled or failed, or a recipient rejects it',
			action: 'Wait for an envelope to be signed',
		},
	],
	default: 'create',
};

export const { description, operations } = resourceParts(operation, {
	cancel,
	create,
	get,
	getMany,
	waitForSignature,
});

/** What wakes a waiting envelope (the node's webhook()). */
export const { waitSpec } = waitForSignature;
