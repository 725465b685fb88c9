import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fixedCollectionRows } from '../../../shared/parameters';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import {
	checkParameters,
	duplicateProblems,
	failValidation,
	listedValues,
} from '../../../shared/validation';
import { registerWebhook } from '../../transport/webhooks';

const properties: INodeProperties[] = [
	{
		displayName:
			'Umbrella keeps one webhook per account: this replaces the one set before, including one set by an active Umbrella Trigger. Umbrella has no way to delete a webhook.',
		name: 'configureWebhookNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		placeholder: 'https://example.com/umbrella/events',
		required: true,
		default: '',
		description: 'Where Umbrella sends the result of each QES onboarding session',
	},
	{
		displayName: 'Auth Headers',
		name: 'authHeaders',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Header',
		default: {},
		description:
			'Headers Umbrella adds to every webhook call, so the receiver can tell the call is genuine',
		options: [
			{
				name: 'header',
				displayName: 'Header',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'Authorization',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description: 'A long random secret the receiver checks',
					},
				],
			},
		],
	},
];

export const description = forOperation('qesOnboarding', 'configureWebhook', properties);

const webhookUrl = z
	.string()
	.trim()
	.url('Must be a full URL such as https://example.com/umbrella/events.')
	.refine((v) => /^https?:\/\//i.test(v), 'Only http:// and https:// URLs are accepted.');

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const schema = z.object({
	webhookUrl,
	authHeaders: z.array(
		z.object({
			name: z
				.string()
				.trim()
				.regex(
					HEADER_NAME,
					'Must be a header name such as Authorization or X-Webhook-Secret: letters, digits and - only.',
				),
			value: z.string().min(1, 'A header needs a value.'),
		}),
	),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		webhookUrl: this.getNodeParameter('webhookUrl', i),
		authHeaders: fixedCollectionRows(this, 'authHeaders.header', i),
	});
	const repeated = duplicateProblems(
		listedValues(
			properties,
			'authHeaders',
			'name',
			params.authHeaders.map((h) => h.name),
		),
		'Each header can be given once; header names are not case-sensitive.',
		(name) => name.toLowerCase(),
	);
	if (repeated.length) failValidation(this.getNode(), repeated, i);
	const authHeader = Object.fromEntries(params.authHeaders.map((h) => [h.name, h.value]));
	const registered = await registerWebhook(api, params.webhookUrl, authHeader, i);
	// Header values are secrets of the receiver: only their names are shown.
	return toItems({ ...registered, authHeaderNames: params.authHeaders.map((h) => h.name) }, i);
};
