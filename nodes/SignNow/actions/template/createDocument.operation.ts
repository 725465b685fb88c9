import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locatorFields, locatorId } from '../../../shared/locator';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { pathId } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { DOCUMENT_URL } from '../../descriptions/document';
import { copyTemplate } from '../../transport/templates';

const properties: INodeProperties[] = [
	// A template is a document marked as template in signNow: it has the same ID format and URLs.
	...locatorFields(
		{
			displayName: 'Template',
			name: 'templateId',
			what: 'template',
			searchListMethod: 'searchDocumentTemplates',
			description: 'The signNow template to copy, with its roles and fields',
			idPlaceholder: '016c8d15f909003085ed074a06236bc50bb3e1c3',
			idPattern: {
				regex: '^[0-9a-fA-F]{40}$',
				errorMessage: 'A signNow template ID is 40 characters, 0-9 and a-f',
			},
			url: DOCUMENT_URL,
		},
		{
			displayName: 'Template ID',
			name: 'templateId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '016c8d15f909003085ed074a06236bc50bb3e1c3',
			description: 'ID of the signNow template to copy, as shown in its URL',
		},
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Document Name',
				name: 'documentName',
				type: 'string',
				default: '',
				description: 'Name of the new document; the template’s name when empty',
			},
		],
	},
];

export const description = forOperation('template', 'createDocument', properties);

const schema = z.object({
	templateId: locatorId('template', pathId('template ID'), DOCUMENT_URL),
	documentName: z
		.string({ invalid_type_error: 'Must be text, up to 255 characters.' })
		.trim()
		.max(255, 'Must be at most 255 characters.')
		.optional(),
});

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const params = checkParameters(this, i, properties, schema, {
		templateId: this.getNodeParameter('templateId', i),
		documentName: options.documentName || undefined,
	});
	const answer = await copyTemplate(api, params.templateId, params.documentName || undefined, i);
	return toItems(
		{
			id: answer.id,
			document_name: answer.name ?? answer.document_name ?? params.documentName ?? null,
			template_id: params.templateId,
		},
		i,
	);
};
