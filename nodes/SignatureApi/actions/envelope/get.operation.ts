import { getEnvelope } from '../../transport/envelopes';
import { envelopeId, envelopeIdFields, getById } from '../fields';

export const { description, execute } = getById(
	'envelope',
	envelopeIdFields,
	envelopeId,
	getEnvelope,
);
