import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { toItems } from '../../../shared/router';
import type { ApiClient } from '../../../shared/transport/request';
import { labelsFrom, validateParameters } from '../../../shared/validation';
import { resendAnswer } from '../answers';
import { recipientId, recipientIdField } from '../fields';

const properties: INodeProperties[] = [recipientIdField];

export const description = updateDisplayOptions({ show: { resource: ['recipient'], operation: ['resend'] } }, properties);

const schema = z.object({ recipientId });

export async function execute(this: IExecuteFunctions, i: number, api: ApiClient): Promise<INodeExecutionData[]> {
	const params = validateParameters(this.getNode(), schema, { recipientId: this.getNodeParameter('recipientId', i) }, i, labelsFrom(properties));
	// Allowed while the recipient is sent or soft-bounced in an envelope in progress, with a cooldown.
	const answer = await api.requestChecked(
		{
			method: 'POST',
			path: `/recipients/${encodeURIComponent(params.recipientId)}/resend`,
			ifUnknown: {
				happened: 'the request was emailed again',
				advice: 'Check with Recipient → Get before resending: SignatureAPI limits how often a recipient is emailed.',
			},
		},
		resendAnswer,
		i,
	);
	return toItems({ recipient_id: params.recipientId, resent: true, ...answer }, i);
}
