import type { INodeProperties } from 'n8n-workflow';

import { resourceParts } from '../../../shared/router';
import * as get from './get.operation';
import * as replace from './replace.operation';
import * as resend from './resend.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['recipient'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get a recipient’s status and ceremony',
			action: 'Get a recipient',
		},
		{
			name: 'Replace',
			value: 'replace',
			description: 'Hand a recipient’s part to another person before they complete it',
			action: 'Replace a recipient',
		},
		{
			name: 'Resend',
			value: 'resend',
			description: 'Email the recipient their signing request again',
			action: 'Resend to a recipient',
		},
	],
	default: 'get',
};

export const { description, operations } = resourceParts(operation, { get, replace, resend });
