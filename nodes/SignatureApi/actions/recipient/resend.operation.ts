import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { resendAnswer } from '../answers';
import { recipientId, recipientIdField } from '../fields';

const properties: INodeProperties[] = [recipientIdField];

export const description = forOperation('recipient', 'resend', properties);

const schema = z.object({ recipientId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		recipientId: this.getNodeParameter('recipientId', i),
	});
	// Allowed while the recipient is sent or soft-bounced in an envelope in progress, with a cooldown.
	const answer = await api.requestChecked(
		{
			method: 'POST',
			path: `/recipients/${encodeURIComponent(params.recipientId)}/resend`,
			ifUnknown: {
				happened: 'the request was emailed again',
				advice:
					'Check with Recipient → Get before resending: SignatureAPI limits how often a recipient is emailed.',
			},
		},
		resendAnswer,
		i,
	);
	return toItems({ recipient_id: params.recipientId, resent: true, ...answer }, i);
};
