import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { binaryFieldName, outputBinaryField } from '../../../shared/binary';
import { forOperation, type OperationExecute } from '../../../shared/router';
import { httpsUrl, intAtLeast, oneOf } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { downloadFile, type FileWanted } from '../../transport/signRequests';
import { documentId, documentIdFields } from '../fields';

const fileTypeOptions: INodePropertyOptions[] = [
	{
		name: 'Document',
		value: 'DOCUMENT',
		description: 'The document, signed as far as signing has got',
	},
	{
		name: 'Audit Trail',
		value: 'AUDIT_TRAIL',
		description: 'The signing record; only once the document is completed',
	},
	{
		name: 'Attachment',
		value: 'ATTACHMENT',
		description: 'A reference file the sender attached to the document',
	},
	{
		name: 'Supporting Document',
		value: 'SUPPORTING_DOCUMENT',
		description: 'A file an invitee uploaded while signing',
	},
];

const properties: INodeProperties[] = [
	...documentIdFields,
	{
		displayName: 'File',
		name: 'fileType',
		type: 'options',
		options: fileTypeOptions,
		default: 'DOCUMENT',
	},
	{
		displayName: 'Attachment Index',
		name: 'attachmentIndex',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'Which of the sender’s attachments, by its place in the document’s list of attachments; the first is 0',
		displayOptions: { show: { fileType: ['ATTACHMENT'] } },
	},
	{
		displayName: 'Supporting Document URL',
		name: 'supportDocumentUrl',
		type: 'string',
		// Not marked required: n8n would then demand it whenever File is an expression.
		default: '',
		description:
			'The URL Leegality lists the invitee’s upload under, as shown by Sign Request → Get',
		displayOptions: { show: { fileType: ['SUPPORTING_DOCUMENT'] } },
	},
	outputBinaryField,
];

export const description = forOperation('signRequest', 'download', properties);

const schema = z
	.object({
		documentId,
		fileType: oneOf(fileTypeOptions),
		attachmentIndex: intAtLeast(
			0,
			'Must be a whole number of 0 or more: the first is 0.',
		).optional(),
		supportDocumentUrl: httpsUrl.optional(),
		binaryPropertyName: binaryFieldName,
	})
	.superRefine((params, ctx) => {
		// Each of these types needs its own pointer to the file; a missing one is named.
		if (params.fileType === 'ATTACHMENT' && params.attachmentIndex === undefined)
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['attachmentIndex'],
				message: 'Give the attachment’s index: the first is 0.',
			});
		if (params.fileType === 'SUPPORTING_DOCUMENT' && params.supportDocumentUrl === undefined)
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['supportDocumentUrl'],
				message: 'Give the supporting document’s URL, as Sign Request → Get lists it.',
			});
	});

/** Extensions for the file types an uploaded file is likely to have. */
const EXTENSIONS: Record<string, string> = {
	'application/pdf': '.pdf',
	'image/png': '.png',
	'image/jpeg': '.jpg',
	'image/gif': '.gif',
	'application/zip': '.zip',
	'text/plain': '.txt',
};

export const execute: OperationExecute = async function (i, api) {
	const fileType = this.getNodeParameter('fileType', i);
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		fileType,
		attachmentIndex:
			fileType === 'ATTACHMENT' ? this.getNodeParameter('attachmentIndex', i) : undefined,
		supportDocumentUrl:
			fileType === 'SUPPORTING_DOCUMENT'
				? this.getNodeParameter('supportDocumentUrl', i)
				: undefined,
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
	});
	const wanted = {
		type: params.fileType as FileWanted['type'],
		index: params.attachmentIndex,
		supportDocumentUrl: params.supportDocumentUrl,
	};
	const fetched = await downloadFile(api, params.documentId, wanted, i);
	// DOCUMENT → document, AUDIT_TRAIL → audit-trail, ATTACHMENT → attachment-<index>
	const kind = [params.fileType.toLowerCase().replace(/_/g, '-'), params.attachmentIndex]
		.filter((part) => part !== undefined)
		.join('-');
	const mimeType = fetched.contentType.split(';')[0].trim() || 'application/octet-stream';
	const pdf = wanted.type === 'DOCUMENT' || wanted.type === 'AUDIT_TRAIL';
	const fileName = pdf
		? `${params.documentId}-${kind}.pdf`
		: (fetched.fileName ?? `${params.documentId}-${kind}${EXTENSIONS[mimeType] ?? ''}`);
	return await fetched.file.toItem(
		this,
		i,
		params.binaryPropertyName,
		{ fileName, mimeType: pdf ? 'application/pdf' : mimeType },
		(bytes) => ({
			documentId: params.documentId,
			fileType: params.fileType,
			fileName,
			...(pdf ? {} : { mimeType }),
			sizeBytes: bytes,
		}),
	);
};
