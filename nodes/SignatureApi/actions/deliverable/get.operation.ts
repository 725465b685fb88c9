import { deliverableAnswer } from '../answers';
import { deliverableId, deliverableIdField, getById } from '../fields';

export const { description, execute } = getById(
	'deliverable',
	[deliverableIdField],
	deliverableId,
	(id) => `/deliverables/${encodeURIComponent(id)}`,
	deliverableAnswer,
);
