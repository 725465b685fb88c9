import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { binaryFieldName, readBinary } from '../../../shared/binary';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { uploadDocument } from '../../transport/documents';
import { checkFieldsOption } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field holding the PDF',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			checkFieldsOption,
			{
				displayName: 'Document Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Name shown in signNow; the file name is used when empty',
			},
		],
	},
];

export const description = forOperation('document', 'upload', properties);

const schema = z.object({
	binaryPropertyName: binaryFieldName,
	name: z.string().trim().max(255, 'Must be at most 255 characters.').optional(),
	checkFields: z.boolean(),
});

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const params = checkParameters(this, i, properties, schema, {
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
		name: options.name || undefined,
		checkFields: options.checkFields ?? false,
	});
	const file = await readBinary(this, i, params.binaryPropertyName);
	const fileName = params.name
		? /\.pdf$/i.test(params.name)
			? params.name
			: `${params.name}.pdf`
		: file.fileName;
	const form = new FormData();
	form.append('file', new Blob([file.data], { type: file.mimeType }), fileName);
	if (params.checkFields) form.append('check_fields', 'true');
	const answer = await uploadDocument(api, form, i);
	return toItems(
		{
			id: answer.id,
			document_name: fileName.replace(/\.pdf$/i, ''),
			check_fields: params.checkFields,
		},
		i,
	);
};
