import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems } from '../../../shared/router';
import { jsonObject, pathId } from '../../../shared/schemas';
import type { ApiClient } from '../../../shared/transport/request';
import { failValidation, validateParameters } from '../../../shared/validation';
import { customEmailBody, recipientProblems, requestBase, requestLabels, signersBody } from './recipients';
import { sendSignatureRequest } from './sending';
import {
	customEmailOptions,
	expiresAtField,
	recipientCollection,
	signingTypeField,
	titleField,
} from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Template Name or ID',
		name: 'templateId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTemplates' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'A typed ID keeps the prefix Lumin gives it, such as sign_ or pdf_',
	},
	titleField,
	recipientCollection('signer', true),
	recipientCollection('viewer', false),
	expiresAtField,
	signingTypeField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Custom Email',
				name: 'customEmail',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: customEmailOptions,
			},
			{
				displayName: 'Field Values (JSON)',
				name: 'fields',
				type: 'json',
				default: '{}',
				description: 'Values for the template’s fields, by field name',
			},
			{
				displayName: 'Tags (JSON)',
				name: 'tags',
				type: 'json',
				default: '{}',
				description: 'Values for the template’s text tags, by tag name',
			},
			{
				displayName: 'Variables (JSON)',
				name: 'variables',
				type: 'json',
				default: '{}',
				description: 'Values for the template’s variables, by variable name',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['signatureRequest'], operation: ['sendFromTemplate'] } },
	properties,
);

const schema = requestBase.extend({
	templateId: pathId('template'),
	fields: jsonObject.optional(),
	tags: jsonObject.optional(),
	variables: jsonObject.optional(),
});

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const params = validateParameters(
		this.getNode(),
		schema,
		{
			templateId: this.getNodeParameter('templateId', i),
			title: this.getNodeParameter('title', i),
			expiresAt: this.getNodeParameter('expiresAt', i),
			signers: this.getNodeParameter('signers.signer', i, []),
			viewers: this.getNodeParameter('viewers.viewer', i, []),
			signingType: this.getNodeParameter('signingType', i),
			customEmail: options.customEmail,
			fields: options.fields,
			tags: options.tags,
			variables: options.variables,
		},
		i,
		{ ...requestLabels, templateId: 'Template', fields: 'Field Values (JSON)', tags: 'Tags (JSON)', variables: 'Variables (JSON)' },
	);
	const problems = recipientProblems(params);
	if (problems.length) failValidation(this.getNode(), problems, i);

	const body: IDataObject = {
		template_id: params.templateId,
		title: params.title,
		expires_at: params.expiresAt,
		signers: signersBody(params, true),
		signing_type: params.signingType,
	};
	if (params.viewers.length) body.viewers = params.viewers.map((v) => ({ email_address: v.email, name: v.name }));
	const custom = customEmailBody(params.customEmail);
	if (custom) body.custom_email = custom;
	for (const key of ['fields', 'tags', 'variables'] as const) {
		const value = params[key];
		if (value && Object.keys(value).length) body[key] = value as IDataObject;
	}
	return toItems(await sendSignatureRequest(this, api, '/signature_request/send-from-template', body, i), i);
}
