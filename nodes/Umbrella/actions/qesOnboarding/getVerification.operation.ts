import {
	type IBinaryKeyData,
	type IDataObject,
	type INodeProperties,
	NodeOperationError,
} from 'n8n-workflow';
import { z } from 'zod';

import { binaryFieldName, outputBinaryField } from '../../../shared/binary';
import { forOperation, type OperationExecute } from '../../../shared/router';
import { pathId } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import {
	downloadSignedFile,
	getDownloadableVerification,
	getVerification,
} from '../../transport/onboarding';
import { sessionIdField } from '../fields';

const properties: INodeProperties[] = [
	sessionIdField,
	{
		displayName: 'Download Signed Document',
		name: 'download',
		type: 'boolean',
		default: false,
		description:
			'Whether to also fetch the signed PDF into a binary field. Umbrella’s download link is only valid for a short time, so the file is fetched right away.',
	},
	{
		...outputBinaryField,
		displayOptions: { show: { download: [true] } },
		hint: 'The name of the output binary field to put the file in. A second signed document goes into the same name followed by _2, and so on.',
	},
];

export const description = forOperation('qesOnboarding', 'getVerification', properties);

const schema = z.object({
	sessionId: pathId('session ID'),
	download: z.boolean(),
	binaryPropertyName: binaryFieldName,
});

export const execute: OperationExecute = async function (i, api) {
	const download = this.getNodeParameter('download', i, false) as boolean;
	const params = checkParameters(this, i, properties, schema, {
		sessionId: this.getNodeParameter('sessionId', i),
		download,
		binaryPropertyName: download ? this.getNodeParameter('binaryPropertyName', i) : 'data',
	});
	if (!params.download) {
		const verification = await getVerification(api, params.sessionId, i);
		return [{ json: verification as IDataObject, pairedItem: { item: i } }];
	}
	const verification = await getDownloadableVerification(api, params.sessionId, i);
	const signed = (verification.signature?.content ?? []).flatMap((entry) =>
		entry.signedResource ? [entry.signedResource] : [],
	);
	if (!signed.length) {
		throw new NodeOperationError(
			this.getNode(),
			`Session ${params.sessionId} has no signed document yet (status: ${verification.status})`,
			{
				itemIndex: i,
				description:
					'Umbrella adds the signed PDF once the signer has finished. Run this after the Umbrella Trigger reports the session, or turn off Download Signed Document.',
			},
		);
	}
	const binary: IBinaryKeyData = {};
	for (const [n, resource] of signed.entries()) {
		if (resource.urlValidBefore && Date.parse(resource.urlValidBefore) <= Date.now()) {
			throw new NodeOperationError(
				this.getNode(),
				`The download link of the signed document expired at ${resource.urlValidBefore}`,
				{
					itemIndex: i,
					description:
						'Umbrella’s links to signed files are short-lived. Run Get Verification again to get a fresh link.',
				},
			);
		}
		const fileName =
			resource.filename || `${params.sessionId}${signed.length > 1 ? `-${n + 1}` : ''}-signed.pdf`;
		const file = await downloadSignedFile(api, resource, fileName, i);
		const key = n === 0 ? params.binaryPropertyName : `${params.binaryPropertyName}_${n + 1}`;
		binary[key] = await file.store(this, {
			fileName,
			mimeType: resource.mimeType ?? 'application/pdf',
		});
	}
	return [{ json: verification as IDataObject, binary, pairedItem: { item: i } }];
};
