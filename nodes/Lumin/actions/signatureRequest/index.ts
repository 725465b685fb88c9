import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as cancel from './cancel.operation';
import * as createSigningSession from './createSigningSession.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getSigningLink from './getSigningLink.operation';
import * as remind from './remind.operation';
import * as send from './send.operation';
import * as sendFromTemplate from './sendFromTemplate.operation';
import * as waitForSignature from './waitForSignature.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['signatureRequest'] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			description: 'Cancel a signature request that is still open',
			action: 'Cancel a signature request',
		},
		{
			name: 'Create Signing Session',
			value: 'createSigningSession',
			description: 'Get a short-lived URL to embed the signing page in your app',
			action: 'Create an embedded signing session',
		},
		{
			name: 'Download',
			value: 'download',
			description: 'Download the signed document or its audit trail as a file',
			action: 'Download a signed file',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get the status and signers of a signature request',
			action: 'Get a signature request',
		},
		{
			name: 'Get Signing Link',
			value: 'getSigningLink',
			description: 'Get a link that opens the signing page in Lumin',
			action: 'Get a signing link',
		},
		{
			name: 'Remind',
			value: 'remind',
			description: 'Email signers a reminder',
			action: 'Remind signers',
		},
		{
			name: 'Send',
			value: 'send',
			description: 'Send a document out for signature',
			action: 'Send a signature request',
		},
		{
			name: 'Send From Template',
			value: 'sendFromTemplate',
			description: 'Send a Lumin template out for signature',
			action: 'Send a signature request from a template',
		},
		{
			name: 'Wait for Signature',
			value: 'waitForSignature',
			description:
				'Pause until the request is signed, declined, cancelled or expired, then go on with the outcome',
			action: 'Wait for a signature request to be signed',
		},
	],
	default: 'createSigningSession',
};

export const { description, operations } = resourceParts(operation, {
	cancel,
	createSigningSession,
	download,
	get,
	getSigningLink,
	remind,
	send,
	sendFromTemplate,
	waitForSignature,
});
