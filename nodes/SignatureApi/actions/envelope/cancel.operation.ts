import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { canceledEnvelopeAnswer, envelopeAnswer } from '../answers';
import { envelopeId, envelopeIdFields } from '../fields';

const properties: INodeProperties[] = [
	...envelopeIdFields,
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		description: 'Why it was canceled, for your own records: recipients do not see it',
	},
];

export const description = forOperation('envelope', 'cancel', properties);

const schema = z.object({ envelopeId, reason: z.string().trim() });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		envelopeId: this.getNodeParameter('envelopeId', i),
		reason: this.getNodeParameter('reason', i, ''),
	});
	// Only envelopes in progress can be canceled, and it cannot be undone; a finished one answers 409.
	const path = `/envelopes/${encodeURIComponent(params.envelopeId)}`;
	const envelope = await api.requestChecked(
		{
			method: 'POST',
			path: `${path}/cancel`,
			...(params.reason ? { body: { reason: params.reason } } : {}),
			ifUnknown: {
				happened: 'the envelope was canceled',
				advice: 'Check its status with Envelope → Get.',
				// Canceled settles it; a final status (completed, failed) means the cancel could not
				// have happened; in progress may still be a cancel under way, so it stays open.
				settle: async () => {
					const read = await api.requestChecked({ method: 'GET', path }, envelopeAnswer, i);
					if (read.status === 'canceled') return canceledEnvelopeAnswer.parse(read);
					return read.status === 'completed' || read.status === 'failed' ? false : undefined;
				},
			},
		},
		canceledEnvelopeAnswer,
		i,
	);
	return toItems(envelope as IDataObject, i);
};
