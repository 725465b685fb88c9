/**
 * Where n8n 1.x and 2.x editors differ, one row per line; everything else is shared. The test IDs
 * come from n8n's own editor tests (packages/testing/playwright) and its built editor bundle.
 */
export interface LineSelectors {
	/** Heading of the banner the credential dialog shows when Test fails. */
	credentialTestFailed: RegExp;
	/** The NDV's way back to the canvas (2.x shows the NDV as a dialog with a close button). */
	closeNdv: string;
}

export const SELECTORS: Record<'1' | '2', LineSelectors> = {
	'1': { credentialTestFailed: /Couldn.t connect with these settings/, closeNdv: 'back-to-canvas' },
	'2': {
		credentialTestFailed: /Couldn.t connect with these settings/,
		closeNdv: 'ndv-close-button',
	},
};
