import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { locatorFields, locatorId } from '../../../shared/locator';
import { jsonObject } from '../../../shared/schemas';
import { readRequestBase, requestBase, requestBody, validateRequest } from '../sending';
import { sendSignatureRequest } from '../../transport/signatureRequests';
import { customEmailOption, recipientFields, titleField } from '../fields';

const properties: INodeProperties[] = [
	...locatorFields(
		{
			displayName: 'Template',
			name: 'templateId',
			what: 'template',
			searchListMethod: 'searchTemplates',
			description:
				'The Lumin template, picked from the list, or its ID with the prefix Lumin gives it, such as sign_ or pdf_',
			idPlaceholder: 'sign_…',
		},
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
	),
	titleField,
	...recipientFields(true),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			customEmailOption,
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

export const description = forOperation('signatureRequest', 'sendFromTemplate', properties);

const schema = requestBase.extend({
	templateId: locatorId('template'),
	fields: jsonObject.optional(),
	tags: jsonObject.optional(),
	variables: jsonObject.optional(),
});

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const params = validateRequest(
		this,
		schema,
		{
			...readRequestBase(this, i, options),
			templateId: this.getNodeParameter('templateId', i),
			fields: options.fields,
			tags: options.tags,
			variables: options.variables,
		},
		i,
		properties,
	);
	const body: IDataObject = { template_id: params.templateId, ...requestBody(params, true) };
	for (const key of ['fields', 'tags', 'variables'] as const) {
		const value = params[key];
		if (value && Object.keys(value).length) body[key] = value as IDataObject;
	}
	return toItems(await sendSignatureRequest(api, body, true, i), i);
};
