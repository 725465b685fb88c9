import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { binaryItem, outputBinaryField } from '../../../shared/binary';
import type { ApiClient } from '../../../shared/transport/request';
import { validateParameters } from '../../../shared/validation';
import { deliverableIdField } from '../fields';
import { deliverableId } from './shared';

const properties: INodeProperties[] = [
	deliverableIdField,
	outputBinaryField,
];

export const description = updateDisplayOptions({ show: { resource: ['deliverable'], operation: ['download'] } }, properties);

const schema = z.object({
	deliverableId,
	binaryPropertyName: z.string().trim().min(1, 'Name the binary field, for example "data".'),
});

interface Deliverable {
	id: string;
	envelope_id?: string;
	type?: string;
	status?: string;
	url?: string | null;
}

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const params = validateParameters(
		this.getNode(),
		schema,
		{ deliverableId: this.getNodeParameter('deliverableId', i), binaryPropertyName: this.getNodeParameter('binaryPropertyName', i) },
		i,
		{ deliverableId: 'Deliverable ID', binaryPropertyName: 'Put Output File in Field' },
	);
	// The file URL is pre-signed and expires after about an hour, so it is read fresh every time.
	const deliverable = await api.request<Deliverable>({ method: 'GET', path: `/deliverables/${encodeURIComponent(params.deliverableId)}` }, i);
	if (deliverable.status !== 'generated' || !deliverable.url) {
		throw new NodeOperationError(this.getNode(), `Deliverable ${params.deliverableId} is ${deliverable.status ?? 'not ready'}, so there is no file to download yet`, {
			itemIndex: i,
			description:
				deliverable.status === 'failed'
					? 'SignatureAPI could not generate this deliverable.'
					: 'Start this workflow from the SignatureAPI Trigger on Deliverable Generated, or try again in a moment.',
		});
	}
	const file = await api.downloadSigned(deliverable.url, i);
	const fileName = `${deliverable.envelope_id ?? params.deliverableId}-signed.pdf`;
	// The pre-signed URL is left out of the output: it grants access to the file without a key.
	const rest: IDataObject = { ...deliverable };
	delete rest.url;
	return [
		await binaryItem(this, i, params.binaryPropertyName, { data: file.data, fileName, mimeType: 'application/pdf' }, {
			...rest,
			file_name: fileName,
			size_bytes: file.data.length,
		}),
	];
}
