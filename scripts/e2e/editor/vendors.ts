/**
 * The five vendors as the editor checks see them: what a user types in the node panel, which
 * example workflow shows the vendor at work, and which of its nodes holds the vendor's main
 * (seed) operation for the parameters picture.
 */
export interface VendorCase {
	/** File-name stem of its screenshots. */
	key: string;
	/** What a user types in the node panel. */
	search: string;
	/** Display name of the action node (the panel's entry for the vendor). */
	panelEntry: string;
	actionType: string;
	triggerType: string;
	credentialType: string;
	example: string;
	/** The node of the example whose filled-in parameters are photographed. */
	seedNode: string;
	/** The polling trigger, for vendors whose API lists what changed. */
	pollingTriggerType?: string;
}

export const VENDORS: VendorCase[] = [
	{
		key: 'lumin',
		search: 'Lumin',
		panelEntry: 'Lumin',
		actionType: 'lumin',
		triggerType: 'luminTrigger',
		credentialType: 'luminApi',
		example: 'lumin-embedded-signing.json',
		seedNode: 'Create Signing Session',
	},
	{
		key: 'signatureapi',
		search: 'SignatureAPI',
		panelEntry: 'SignatureAPI',
		actionType: 'signatureApi',
		triggerType: 'signatureApiTrigger',
		credentialType: 'signatureApiApi',
		example: 'signatureapi-embedded-ceremony.json',
		seedNode: 'Create Ceremony',
		pollingTriggerType: 'signatureApiPollingTrigger',
	},
	{
		key: 'signnow',
		search: 'signNow',
		panelEntry: 'signNow',
		actionType: 'signNow',
		triggerType: 'signNowTrigger',
		credentialType: 'signNowApi',
		example: 'signnow-embedded-invite.json',
		seedNode: 'Create Embedded Invite',
		pollingTriggerType: 'signNowPollingTrigger',
	},
	{
		key: 'umbrella',
		search: 'Umbrella',
		panelEntry: 'Umbrella QES',
		actionType: 'umbrella',
		triggerType: 'umbrellaTrigger',
		credentialType: 'umbrellaApi',
		example: 'umbrella-qes-onboarding.json',
		seedNode: 'Create Session Link',
	},
	{
		key: 'leegality',
		search: 'Leegality',
		panelEntry: 'Leegality',
		actionType: 'leegality',
		triggerType: 'leegalityTrigger',
		credentialType: 'leegalityApi',
		example: 'leegality-docsigner.json',
		seedNode: 'Sign Invitation',
		pollingTriggerType: 'leegalityPollingTrigger',
	},
];

/** E2E_VENDORS=lumin,signnow narrows a run while working on one vendor. */
export function selectedVendors(value = process.env.E2E_VENDORS): VendorCase[] {
	if (!value) return VENDORS;
	const keys = value.split(',').map((s) => s.trim().toLowerCase());
	const unknown = keys.filter((k) => !VENDORS.some((v) => v.key === k));
	if (unknown.length)
		throw new Error(
			`Unknown vendor(s) ${unknown.join(', ')}: use ${VENDORS.map((v) => v.key).join(', ')}`,
		);
	return VENDORS.filter((v) => keys.includes(v.key));
}
