import { type RunOptions, useVendor } from '../harness/vendor';
import { samplePdf } from '../simulators/base';
import { LeegalitySimulator } from '../simulators/leegality';

/** One input item carrying a file in binary field "data". */
export function pdfInput(
	data = samplePdf('to-sign'),
	fileName = 'contract.pdf',
	mimeType = 'application/pdf',
) {
	return [{ json: {}, binary: { data: { data: data.toString('base64'), fileName, mimeType } } }];
}

export const twoInvitees = {
	invitee: [
		{ name: 'Isha Invitee', email: 'isha@example.com', phone: '9876543210' },
		{ name: 'Ravi Reviewer', email: 'ravi@example.com', phone: '' },
	],
};

/** Sign Request → Create through the simulator's published workflow, PDF in "data". */
export const createParameters = (extra: Record<string, unknown> = {}) => ({
	resource: 'signRequest',
	operation: 'create',
	profileId: 'wf_docsigner_01',
	binaryPropertyName: 'data',
	invitees: twoInvitees,
	irn: 'PO-2026-001',
	...extra,
});

/** One Leegality simulator per test file, and credentials pointing at it. */
export function useLeegality() {
	const vendor = useVendor({
		simulator: new LeegalitySimulator(),
		nodeType: 'leegality',
		credentialType: 'leegalityApi',
		credentials: (sim) => sim.credential(),
	});
	/** `token` runs with another account's Auth Token, e.g. the invitee's for DocSigner signing. */
	const run = (
		parameters: Record<string, unknown>,
		options: RunOptions & { token?: string } = {},
	) =>
		vendor.run(parameters, {
			...options,
			store:
				options.store ??
				(options.token ? vendor.credentials({ authToken: options.token }) : undefined),
		});
	return { ...vendor, run };
}
