import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as configureWebhook from './configureWebhook.operation';
import * as createSessionLink from './createSessionLink.operation';
import * as getVerification from './getVerification.operation';
import * as waitForSignature from './waitForSignature.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['qesOnboarding'] } },
	options: [
		{
			name: 'Configure Webhook',
			value: 'configureWebhook',
			description:
				'Set the URL Umbrella calls with session results, and the headers it sends along',
			action: 'Configure the account webhook',
		},
		{
			name: 'Create Session Link',
			value: 'createSessionLink',
			description:
				'Get a link where a person identifies and signs a PDF with a qualified signature',
			action: 'Create a QES session link',
		},
		{
			name: 'Get Verification',
			value: 'getVerification',
			description: 'Get the status, identification and signed document of a session',
			action: 'Get a verification result',
		},
		{
			name: 'Wait for Signature',
			value: 'waitForSignature',
			description: 'Pause until the signer has finished the session, then go on with the result',
			action: 'Wait for a QES session to be signed',
		},
	],
	default: 'createSessionLink',
};

export const { description, operations } = resourceParts(operation, {
	configureWebhook,
	createSessionLink,
	getVerification,
	waitForSignature,
});

/** What wakes a waiting session (the node's webhook()). */
export const { waitSpec } = waitForSignature;
