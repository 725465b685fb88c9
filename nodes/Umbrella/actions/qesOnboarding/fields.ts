import type { INodeProperties } from 'n8n-workflow';

export const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '123e4567-e89b-12d3-a456-426614174000',
	description: 'The Request ID that Create Session Link returned for this signer',
};
