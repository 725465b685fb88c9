/**
 * Umbrella fills these into PDF form fields once the signer is identified. The seed page shows
 * firstName and lastName; the rest come from IDCanopy's QES onboarding page as captured in our
 * research notes and are not confirmed against the live API.
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
