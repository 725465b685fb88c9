import { CredentialStore } from '../harness/credentials';
import { runNode } from '../harness/run';
import { UmbrellaSimulator } from '../simulators/umbrella';

/** One Umbrella simulator per test file, and a credential pointing at it. */
export function useUmbrella() {
	const sim = new UmbrellaSimulator();
	beforeAll(async () => {
		await sim.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => sim.clearLog());

	const credentials = (overrides: Record<string, string> = {}) =>
		new CredentialStore({
			umbrellaApi: { apiKey: sim.apiKey, customerId: sim.customerId, environment: 'custom', customUrl: sim.baseUrl, accessToken: '', ...overrides },
		});

	const run = (parameters: Record<string, unknown>, options: { input?: any[]; continueOnFail?: boolean; store?: CredentialStore } = {}) =>
		runNode({
			type: 'umbrella',
			parameters: { resource: 'qesOnboarding', ...parameters } as never,
			credentials: options.store ?? credentials(),
			input: options.input,
			continueOnFail: options.continueOnFail,
		});

	return { sim, credentials, run };
}

/** The seed's example request, as node parameters. */
export const seedParameters = {
	operation: 'createSessionLink',
	email: 'support@idcanopy.com',
	phoneNumber: '+436508021530',
	redirectUrl: 'https://example.com/onboarding/success',
	docUrl: 'https://cdn.idcanopy.com/pdf/onb-t3.pdf',
	signForms: { field: [{ fieldId: 'Signature1', actorId: 'userToIdentify' }, { fieldId: 'Signature2', actorId: 'userToIdentify' }] },
	fillForm: { field: [{ fieldId: 'name', value: '${identification.firstName}' }, { fieldId: 'surname', value: '${identification.lastName}' }] },
};
