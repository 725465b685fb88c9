import { envelopeAnswer } from '../answers';
import { envelopeId, envelopeIdFields, getById } from '../fields';

// A fresh read also carries fresh standard ceremony URLs for the recipients.
export const { description, execute } = getById(
	'envelope',
	envelopeIdFields,
	envelopeId,
	(id) => `/envelopes/${encodeURIComponent(id)}`,
	envelopeAnswer,
);
