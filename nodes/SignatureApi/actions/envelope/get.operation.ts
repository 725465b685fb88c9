import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import type { ApiClient } from '../../../shared/transport/request';
import { labelsFrom, validateParameters } from '../../../shared/validation';
import { envelopeAnswer } from '../answers';
import { envelopeId, envelopeIdField } from '../fields';

const properties: INodeProperties[] = [envelopeIdField];

export const description = updateDisplayOptions({ show: { resource: ['envelope'], operation: ['get'] } }, properties);

const schema = z.object({ envelopeId });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const { envelopeId } = validateParameters(this.getNode(), schema, { envelopeId: this.getNodeParameter('envelopeId', i) }, i, labelsFrom(properties));
	// A fresh read also carries fresh standard ceremony URLs for the recipients.
	const envelope = await api.requestChecked({ method: 'GET', path: `/envelopes/${encodeURIComponent(envelopeId)}` }, envelopeAnswer, i);
	return toItems(envelope as IDataObject, i);
}
