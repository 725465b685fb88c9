import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { z } from 'zod';

import { fixedCollectionRows } from '../../../shared/parameters';
import { httpsUrl, jsonArray, jsonObject, oneOf } from '../../../shared/schemas';

/** The documents of Envelope → Create: files by URL, with the places recipients fill in. */

const formatOptions: INodePropertyOptions[] = [
	{ name: 'PDF', value: 'pdf' },
	{ name: 'DOCX', value: 'docx' },
];

const documentValues: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/agreement.pdf',
		description: 'Public HTTPS address SignatureAPI downloads the file from',
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: formatOptions,
		default: 'pdf',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'Shown to recipients; the file name if empty',
	},
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		default: '',
		description: 'Your own name for the document, unique in the envelope',
	},
	{
		displayName: 'Places (JSON)',
		name: 'places',
		type: 'json',
		default: '[]',
		description:
			'Where recipients sign or fill in: a list such as [{"key": "sig1", "type": "signature", "recipient_key": "client"}]. Each recipient_key must be the Key of a recipient below.',
	},
	{
		displayName: 'Template Data (JSON)',
		name: 'data',
		type: 'json',
		default: '{}',
		description: 'Values for the placeholders of a DOCX template',
		displayOptions: { show: { format: ['docx'] } },
	},
];

export const documentsProperty: INodeProperties = {
	displayName: 'Documents',
	name: 'documents',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Document',
	required: true,
	default: {},
	description: '1 to 10 files, by public HTTPS URL',
	options: [{ name: 'document', displayName: 'Document', values: documentValues }],
};

const place = z
	.object({
		key: z.string().min(1, 'Each place needs a key.'),
		type: z
			.string()
			.min(1, 'Each place needs a type such as signature, initials, text_input or checkbox.'),
		recipient_key: z.string().min(1, 'Each place needs the recipient_key of a recipient.'),
	})
	.passthrough();

export const documentSchema = z.object({
	url: httpsUrl,
	format: oneOf(formatOptions),
	title: z.string().trim().optional(),
	key: z.string().trim().optional(),
	places: jsonArray(place, '[{"key": "sig1", "type": "signature", "recipient_key": "client"}]'),
	data: jsonObject.optional(),
});

/** The documents of item `i` as documentSchema takes them; template data only for DOCX. */
export function readDocuments(ctx: IExecuteFunctions, i: number) {
	return fixedCollectionRows(ctx, 'documents.document', i).map((d) => ({
		url: d.url ?? '',
		format: d.format ?? 'pdf',
		title: d.title || undefined,
		key: d.key || undefined,
		places: d.places ?? [],
		data: d.format === 'docx' ? d.data : undefined,
	}));
}

/** A document as SignatureAPI takes it, leaving out what is empty. */
export function documentBody(d: z.infer<typeof documentSchema>): IDataObject {
	return {
		url: d.url,
		format: d.format,
		...(d.title ? { title: d.title } : {}),
		...(d.key ? { key: d.key } : {}),
		...(d.places.length ? { places: d.places as IDataObject[] } : {}),
		...(d.data && Object.keys(d.data).length ? { data: d.data as IDataObject } : {}),
	};
}
