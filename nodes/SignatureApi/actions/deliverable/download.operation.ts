import { type IDataObject, type INodeProperties, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute } from '../../../shared/router';
import { outputBinaryField } from '../../../shared/binary';
import { vendorError } from '../../../shared/errors';
import { checkParameters } from '../../../shared/validation';
import { SIGNATUREAPI } from '../../transport';
import { deliverableAnswer } from '../answers';
import { deliverableId, deliverableIdField } from '../fields';

const properties: INodeProperties[] = [deliverableIdField, outputBinaryField];

export const description = forOperation('deliverable', 'download', properties);

const schema = z.object({
	deliverableId,
	binaryPropertyName: z.string().trim().min(1, 'Name the binary field, for example "data".'),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		deliverableId: this.getNodeParameter('deliverableId', i),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
	});
	// The file URL is pre-signed and expires after about an hour, so it is read fresh every time.
	const deliverable = await api.requestChecked(
		{ method: 'GET', path: `/deliverables/${encodeURIComponent(params.deliverableId)}` },
		deliverableAnswer,
		i,
	);
	if (deliverable.status !== 'generated' || !deliverable.url) {
		throw new NodeOperationError(
			this.getNode(),
			`Deliverable ${params.deliverableId} is ${deliverable.status}, so there is no file to download yet`,
			{
				itemIndex: i,
				description:
					deliverable.status === 'failed'
						? 'SignatureAPI could not generate this deliverable.'
						: 'Start this workflow from the SignatureAPI Trigger on Deliverable Generated, or try again in a moment.',
			},
		);
	}
	const { file } = await api.downloadSigned(deliverable.url, i);
	if (!isPdf(file.head)) {
		throw vendorError(this.getNode(), {
			vendor: SIGNATUREAPI.name,
			failure: {
				code: 'incomplete_answer',
				message: `the file of deliverable ${params.deliverableId} is not a PDF (${describeBytes(await file.whole())})`,
				hint: 'The storage host answered without the signed PDF. Run the item again for a fresh file URL, or download the file from the SignatureAPI dashboard.',
			},
			itemIndex: i,
			secrets: await api.secrets(),
		});
	}
	const envelopeId =
		typeof deliverable.envelope_id === 'string' && deliverable.envelope_id
			? deliverable.envelope_id
			: params.deliverableId;
	const fileName = `${envelopeId}-signed.pdf`;
	// The pre-signed URL is left out of the output: it grants access to the file without a key.
	const rest: IDataObject = { ...(deliverable as IDataObject) };
	delete rest.url;
	return [
		await file.toItem(
			this,
			i,
			params.binaryPropertyName,
			{ fileName, mimeType: 'application/pdf' },
			(stored) => ({
				...rest,
				file_name: fileName,
				size_bytes: stored.bytes(),
			}),
		),
	];
};

/** Signed deliverables are PDFs: a PDF starts with "%PDF-" (allowing a few bytes of leading junk, as readers do). */
function isPdf(data: Buffer): boolean {
	return data.subarray(0, 1024).includes('%PDF-');
}

function describeBytes(data: Buffer): string {
	if (data.length === 0) return 'it is empty';
	const start = data
		.subarray(0, 20)
		.toString('utf8')
		.replace(/[^\x20-\x7e]/g, '.');
	return `${data.length} bytes starting with "${start}"`;
}
