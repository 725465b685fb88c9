import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import { pathId } from '../../../shared/schemas';
import type { ApiClient } from '../../../shared/transport/request';
import { validateParameters } from '../../../shared/validation';
import { envelopeIdField } from '../fields';

const properties: INodeProperties[] = [
	envelopeIdField,
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		description: 'Why it was canceled, for your own records: recipients do not see it',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['envelope'], operation: ['cancel'] } }, properties);

const schema = z.object({ envelopeId: pathId('envelope ID'), reason: z.string().trim() });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const params = validateParameters(
		this.getNode(),
		schema,
		{ envelopeId: this.getNodeParameter('envelopeId', i), reason: this.getNodeParameter('reason', i, '') },
		i,
		{ envelopeId: 'Envelope ID', reason: 'Reason' },
	);
	// Only envelopes in progress can be canceled, and it cannot be undone; a finished one answers 409.
	const envelope = await api.request<IDataObject>(
		{
			method: 'POST',
			path: `/envelopes/${encodeURIComponent(params.envelopeId)}/cancel`,
			...(params.reason ? { body: { reason: params.reason } } : {}),
		},
		i,
	);
	return toItems(envelope, i);
}
