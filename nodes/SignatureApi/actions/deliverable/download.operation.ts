import { type IDataObject, type INodeProperties, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { binaryFieldName, outputBinaryField } from '../../../shared/binary';
import { forOperation, type OperationExecute } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { downloadDeliverable, getDeliverable } from '../../transport/deliverables';
import { deliverableId, deliverableIdField } from '../fields';

const properties: INodeProperties[] = [deliverableIdField, outputBinaryField];

export const description = forOperation('deliverable', 'download', properties);

const schema = z.object({
	deliverableId,
	binaryPropertyName: binaryFieldName,
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		deliverableId: this.getNodeParameter('deliverableId', i),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
	});
	// The file URL is pre-signed and expires after about an hour, so it is read fresh every time.
	const deliverable = await getDeliverable(api, params.deliverableId, i);
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
	const file = await downloadDeliverable(api, params.deliverableId, deliverable.url, i);
	const envelopeId =
		typeof deliverable.envelope_id === 'string' && deliverable.envelope_id
			? deliverable.envelope_id
			: params.deliverableId;
	const fileName = `${envelopeId}-signed.pdf`;
	// The pre-signed URL is left out of the output: it grants access to the file without a key.
	const rest: IDataObject = { ...(deliverable as IDataObject) };
	delete rest.url;
	return await file.toPdfItem(this, i, params.binaryPropertyName, fileName, (bytes) => ({
		...rest,
		// A standard deliverable ends with the audit trail pages; a simple one has none.
		...(typeof deliverable.type === 'string'
			? { includes_audit_trail: deliverable.type === 'standard' }
			: {}),
		file_name: fileName,
		size_bytes: bytes,
	}));
};
