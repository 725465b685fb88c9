import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { httpsUrl } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { uploadDocumentFromUrl } from '../../transport/documents';
import { checkFieldsOption } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'File URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/contract.pdf',
		description: 'Public HTTPS URL of the PDF; signNow downloads it',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [checkFieldsOption],
	},
];

export const description = forOperation('document', 'uploadFromUrl', properties);

const schema = z.object({ url: httpsUrl, checkFields: z.boolean() });

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const params = checkParameters(this, i, properties, schema, {
		url: this.getNodeParameter('url', i),
		checkFields: options.checkFields ?? false,
	});
	const id = await uploadDocumentFromUrl(api, params.url, params.checkFields, i);
	return toItems({ id, url: params.url, check_fields: params.checkFields }, i);
};
