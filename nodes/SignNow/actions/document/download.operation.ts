import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { binaryFieldName, outputBinaryField } from '../../../shared/binary';
import { forOperation, type OperationExecute } from '../../../shared/router';
import { oneOf } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { documentId, documentIdFields } from '../../descriptions/document';
import { type DownloadKind, downloadDocument } from '../../transport/documents';

const fileTypeOptions: INodePropertyOptions[] = [
	{
		name: 'Document',
		value: 'collapsed',
		description: 'The PDF with its fields and signatures flattened into the pages',
	},
	{
		name: 'Document and Audit Trail',
		value: 'withHistory',
		description: 'The same PDF followed by signNow’s history report: who did what, and when',
	},
	{
		name: 'ZIP Archive',
		value: 'zip',
		description: 'The document as signNow packs it into a ZIP file',
	},
];

/** The file's name and type: `<id>.pdf` for the document as before, a suffix for the others. */
const FILES: Record<DownloadKind, { suffix: string; mimeType: string }> = {
	collapsed: { suffix: '.pdf', mimeType: 'application/pdf' },
	withHistory: { suffix: '-audit-trail.pdf', mimeType: 'application/pdf' },
	zip: { suffix: '.zip', mimeType: 'application/zip' },
};

const properties: INodeProperties[] = [
	...documentIdFields(),
	{
		displayName: 'File',
		name: 'fileType',
		type: 'options',
		options: fileTypeOptions,
		default: 'collapsed',
	},
	outputBinaryField,
];

export const description = forOperation('document', 'download', properties);

const schema = z.object({
	documentId,
	fileType: oneOf(fileTypeOptions),
	binaryPropertyName: binaryFieldName,
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		// Workflows saved before the choice existed download the document, as they always did.
		fileType: this.getNodeParameter('fileType', i, 'collapsed'),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
	});
	const kind = params.fileType as DownloadKind;
	const file = await downloadDocument(api, params.documentId, i, kind);
	const fileName = `${params.documentId}${FILES[kind].suffix}`;
	return await file.toItem(
		this,
		i,
		params.binaryPropertyName,
		{ fileName, mimeType: FILES[kind].mimeType },
		(bytes) => ({
			document_id: params.documentId,
			file_type: kind,
			file_name: fileName,
			size_bytes: bytes,
		}),
	);
};
