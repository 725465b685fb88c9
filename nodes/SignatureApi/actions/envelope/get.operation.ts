import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { envelopeAnswer } from '../answers';
import { envelopeId, envelopeIdField } from '../fields';

const properties: INodeProperties[] = [envelopeIdField];

export const description = forOperation('envelope', 'get', properties);

const schema = z.object({ envelopeId });

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		envelopeId: this.getNodeParameter('envelopeId', i),
	});
	// A fresh read also carries fresh standard ceremony URLs for the recipients.
	const envelope = await api.requestChecked(
		{ method: 'GET', path: `/envelopes/${encodeURIComponent(params.envelopeId)}` },
		envelopeAnswer,
		i,
	);
	return toItems(envelope as IDataObject, i);
};
