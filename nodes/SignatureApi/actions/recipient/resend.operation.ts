import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { resendToRecipient } from '../../transport/recipients';
import { recipientId, recipientIdField } from '../fields';

const properties: INodeProperties[] = [recipientIdField];

export const description = forOperation('recipient', 'resend', properties);

const schema = z.object({ recipientId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		recipientId: this.getNodeParameter('recipientId', i),
	});
	const answer = await resendToRecipient(api, params.recipientId, i);
	return toItems({ recipient_id: params.recipientId, resent: true, ...answer }, i);
};
