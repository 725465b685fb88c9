import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { readBinary } from '../../../shared/binary';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { httpsUrl, oneOf, splitList } from '../../../shared/schemas';
import { failValidation } from '../../../shared/validation';
import { readRequestBase, requestBase, requestBody, validateRequest } from '../sending';
import { sendSignatureRequest } from '../../transport/signatureRequests';
import { customEmailOption, recipientFields, titleField } from '../fields';

const documentSourceOptions: INodePropertyOptions[] = [
	{ name: 'Public URL', value: 'url', description: 'Lumin downloads the file from an HTTPS URL' },
	{ name: 'Binary File', value: 'binary', description: 'A file from a previous node' },
];

const properties: INodeProperties[] = [
	titleField,
	{
		displayName: 'Document Source',
		name: 'documentSource',
		type: 'options',
		options: documentSourceOptions,
		default: 'url',
	},
	{
		displayName: 'File URLs',
		name: 'fileUrls',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/contract.pdf',
		description: 'One or more HTTPS URLs, separated by commas; several files become one request',
		displayOptions: { show: { documentSource: ['url'] } },
	},
	{
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyNames',
		type: 'string',
		required: true,
		default: 'data',
		description: 'Names of the binary fields holding the files, separated by commas',
		displayOptions: { show: { documentSource: ['binary'] } },
	},
	...recipientFields(false),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Use Text Tags',
				name: 'useTextTags',
				type: 'boolean',
				default: false,
				description: 'Whether Lumin should turn text tags in the document into fields',
			},
			customEmailOption,
		],
	},
];

export const description = forOperation('signatureRequest', 'send', properties);

const schema = requestBase.extend({
	documentSource: oneOf(documentSourceOptions),
	fileUrls: z.array(httpsUrl).optional(),
	binaryPropertyNames: z.array(z.string()).optional(),
	useTextTags: z.boolean().default(false),
});

/** Lumin's multipart form repeats JSON fields with bracketed keys (field naming unconfirmed). */
function appendForm(form: FormData, key: string, value: unknown) {
	if (value === undefined || value === null) return;
	if (typeof value === 'object') {
		for (const [k, v] of Object.entries(value as IDataObject)) appendForm(form, `${key}[${k}]`, v);
	} else {
		form.append(key, String(value));
	}
}

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const documentSource = this.getNodeParameter('documentSource', i) as string;
	const params = validateRequest(
		this,
		schema,
		{
			...readRequestBase(this, i, options),
			useTextTags: options.useTextTags ?? false,
			documentSource,
			...(documentSource === 'url'
				? { fileUrls: splitList(this.getNodeParameter('fileUrls', i)) }
				: { binaryPropertyNames: splitList(this.getNodeParameter('binaryPropertyNames', i)) }),
		},
		i,
		properties,
	);
	if (documentSource === 'url' && !params.fileUrls?.length) {
		failValidation(
			this.getNode(),
			['File URLs: "" is not allowed. Give at least one https:// URL.'],
			i,
		);
	}

	const fields: IDataObject = { ...requestBody(params, false), use_text_tags: params.useTextTags };

	let body: IDataObject | FormData;
	if (documentSource === 'url') {
		const urls = params.fileUrls!;
		body = { ...fields, ...(urls.length === 1 ? { file_url: urls[0] } : { file_urls: urls }) };
	} else {
		const names = params.binaryPropertyNames ?? [];
		if (!names.length)
			failValidation(
				this.getNode(),
				['Input Binary Fields: "" is not allowed. Name at least one binary field.'],
				i,
			);
		const form = new FormData();
		for (const [key, value] of Object.entries(fields)) appendForm(form, key, value);
		for (const name of names) {
			const file = await readBinary(this, i, name, {
				fallbackName: `${name}.pdf`,
				label: 'Input Binary Fields',
			});
			form.append(
				names.length === 1 ? 'file' : 'files[]',
				new Blob([file.data], { type: file.mimeType }),
				file.fileName,
			);
		}
		body = form;
	}

	return toItems(await sendSignatureRequest(api, body, false, i), i);
};
