import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import { pathId } from '../../../shared/schemas';
import type { ApiClient } from '../../../shared/transport/request';
import { validateParameters } from '../../../shared/validation';
import { envelopeAnswer } from '../answers';
import { envelopeIdField } from '../fields';

export const description = updateDisplayOptions({ show: { resource: ['envelope'], operation: ['get'] } }, [envelopeIdField]);

const schema = z.object({ envelopeId: pathId('envelope ID') });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const { envelopeId } = validateParameters(this.getNode(), schema, { envelopeId: this.getNodeParameter('envelopeId', i) }, i, {
		envelopeId: 'Envelope ID',
	});
	// A fresh read also carries fresh standard ceremony URLs for the recipients.
	const envelope = await api.requestChecked({ method: 'GET', path: `/envelopes/${encodeURIComponent(envelopeId)}` }, envelopeAnswer, i);
	return toItems(envelope as IDataObject, i);
}
