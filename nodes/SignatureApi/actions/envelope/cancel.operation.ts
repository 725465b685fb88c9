import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { cancelEnvelope } from '../../transport/envelopes';
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
	return toItems(await cancelEnvelope(api, params.envelopeId, params.reason, i), i);
};
