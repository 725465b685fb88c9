import { getRecipient } from '../../transport/recipients';
import { getById, recipientId, recipientIdField } from '../fields';

export const { description, execute } = getById(
	'recipient',
	[recipientIdField],
	recipientId,
	getRecipient,
);
