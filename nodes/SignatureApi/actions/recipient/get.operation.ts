import { recipientAnswer } from '../answers';
import { getById, recipientId, recipientIdField } from '../fields';

export const { description, execute } = getById(
	'recipient',
	[recipientIdField],
	recipientId,
	(id) => `/recipients/${encodeURIComponent(id)}`,
	recipientAnswer,
);
