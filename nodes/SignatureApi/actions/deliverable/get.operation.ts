import { getDeliverable } from '../../transport/deliverables';
import { deliverableId, deliverableIdField, getById } from '../fields';

export const { description, execute } = getById(
	'deliverable',
	[deliverableIdField],
	deliverableId,
	getDeliverable,
);
