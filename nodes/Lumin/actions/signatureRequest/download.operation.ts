import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute } from '../../../shared/router';
import { binaryFieldName, outputBinaryField } from '../../../shared/binary';
import { oneOf } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { downloadFile } from '../../transport/files';
import { signatureRequestId, signatureRequestIdField } from '../fields';

const fileTypeOptions: INodePropertyOptions[] = [
	{ name: 'Agreement', value: 'agreement', description: 'The signed document' },
	// Named "Audit Trail" as in the package's other nodes; the values stay Lumin's, as saved.
	{
		name: 'Audit Trail (Certificate of Completion)',
		value: 'coc',
		description:
			'Lumin’s certificate of completion: who signed, when and how; only once every signer has signed',
	},
	{
		name: 'Agreement and Audit Trail',
		value: 'merged',
		description:
			'The agreement followed by its certificate of completion, in one PDF; only once every signer has signed',
	},
];

const properties: INodeProperties[] = [
	signatureRequestIdField,
	{
		displayName: 'File',
		name: 'fileType',
		type: 'options',
		options: fileTypeOptions,
		default: 'agreement',
	},
	outputBinaryField,
];

export const description = forOperation('signatureRequest', 'download', properties);

const schema = z.object({
	signatureRequestId,
	fileType: oneOf(fileTypeOptions),
	binaryPropertyName: binaryFieldName,
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		signatureRequestId: this.getNodeParameter('signatureRequestId', i),
		fileType: this.getNodeParameter('fileType', i),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
	});
	const { file, linkExpiresAt } = await downloadFile(
		api,
		params.signatureRequestId,
		params.fileType,
		i,
	);
	const fileName = `${params.signatureRequestId}-${params.fileType}.pdf`;
	return await file.toPdfItem(this, i, params.binaryPropertyName, fileName, (bytes) => ({
		signature_request_id: params.signatureRequestId,
		file_type: params.fileType,
		file_name: fileName,
		size_bytes: bytes,
		...(linkExpiresAt
			? { signed_url_expires_at: new Date(linkExpiresAt * 1000).toISOString() }
			: {}),
	}));
};
