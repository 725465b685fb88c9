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

/**
 * Umbrella fills these into PDF form fields once the signer is identified. The seed page shows
 * firstName and lastName; the rest come from IDCanopy's QES onboarding page as captured in our
 * research notes and are not confirmed against the live API (unconfirmed).
 */
export const IDENTIFICATION_PLACEHOLDERS = [
	'${identification.firstName}',
	'${identification.lastName}',
	'${identification.email}',
	'${identification.phoneNumber}',
	'${identification.birthDate}',
	'${identification.gender}',
	'${identification.personalNumber}',
	'${identification.documentDetails.number}',
];
