import { useVendor } from '../harness/vendor';
import { UmbrellaSimulator } from '../simulators/umbrella';

/** One Umbrella simulator per test file, and a credential pointing at it. */
export function useUmbrella() {
	return useVendor({
		simulator: new UmbrellaSimulator(),
		nodeType: 'umbrella',
		credentialType: 'umbrellaApi',
		credentials: (sim) => sim.credential(),
		defaults: { resource: 'qesOnboarding' },
	});
}

/** The seed's example request, as node parameters. */
export const seedParameters = {
	operation: 'createSessionLink',
	email: 'support@idcanopy.com',
	phoneNumber: '+436508021530',
	redirectUrl: 'https://example.com/onboarding/success',
	docUrl: 'https://cdn.idcanopy.com/pdf/onb-t3.pdf',
	signForms: {
		field: [
			{ fieldId: 'Signature1', actorId: 'userToIdentify' },
			{ fieldId: 'Signature2', actorId: 'userToIdentify' },
		],
	},
	fillForm: {
		field: [
			{ fieldId: 'name', value: '${identification.firstName}' },
			{ fieldId: 'surname', value: '${identification.lastName}' },
		],
	},
};
