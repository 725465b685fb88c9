import type { INodeExecutionData } from 'n8n-workflow';

import { useVendor } from '../harness/vendor';
import { SignNowSimulator, taggedPdf } from '../simulators/signnow';

/** One signNow simulator per test file, and password-grant credentials pointing at it. */
export function useSignNow() {
	const vendor = useVendor({
		simulator: new SignNowSimulator(),
		nodeType: 'signNow',
		credentialType: 'signNowApi',
		credentials: (sim) => sim.credential(),
		// Documents are created per test; subscriptions are account-wide, so each test starts without any.
		reset: (sim) => sim.subscriptions.clear(),
	});
	/** Requests other than the token fetch: what the node itself sent. */
	const apiRequests = () => vendor.sim.requests.filter((r) => r.path !== '/oauth2/token');
	return { ...vendor, apiRequests };
}

export function pdfItem(roles: string[], fileName = 'contract.pdf'): INodeExecutionData {
	return {
		json: {},
		binary: {
			data: { data: taggedPdf(roles).toString('base64'), mimeType: 'application/pdf', fileName },
		},
	};
}
