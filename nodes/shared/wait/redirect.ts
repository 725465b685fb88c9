import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiClient } from '../transport/client';
import { NEXT_PARAM } from './answer';
import { wakeUpKey, wakeUpUrl } from './wakeUp';
import { resumeUrlOf } from './woken';

/**
 * Waking a wait through the signer's browser (SignatureAPI's ceremony redirect, Umbrella's
 * redirectUrl): the step that creates the signing link sends the signer back to this
 * execution's resume URL when they are done, with the page to send them on to (`next`) and the
 * package's token over it, so the link cannot be turned into a redirect to anywhere else.
 */

/** The values a browser wake-up URL carries under its token. */
export const REDIRECT_BOUND = [NEXT_PARAM] as const;

/** The switch on the step that creates the signing link. */
export function resumeOption(vendor: string, waitOperation: string): INodeProperties {
	return {
		displayName: 'Resume Waiting Workflow After Signing',
		name: 'resumeWorkflow',
		type: 'boolean',
		default: false,
		description: `Whether the signer, when done, comes back to n8n first, so that a later ${vendor} → ${waitOperation} → Wait for Signature in this workflow goes on at once; the Redirect URL is where they are sent after that. Both nodes must use the same credential.`,
	};
}

/**
 * The URL the vendor sends the signer to when `resumeWorkflow` is on: this execution's resume
 * URL, with `next` and the token. `httpsOnly` vendors refuse anything else; the message says
 * which n8n setting makes the resume URL https.
 */
export async function resumeRedirectUrl(
	ctx: IExecuteFunctions,
	api: ApiClient,
	next: string,
	itemIndex: number,
	httpsOnly: boolean,
): Promise<string> {
	const resumeUrl = resumeUrlOf(ctx, itemIndex);
	if (httpsOnly && !resumeUrl.startsWith('https://')) {
		const shown = resumeUrl.split('?')[0];
		throw new NodeOperationError(
			ctx.getNode(),
			`Resume Waiting Workflow After Signing needs an https resume URL, and n8n’s is ${shown}`,
			{
				itemIndex,
				description: `${api.vendor.name} only sends signers to https addresses. Run n8n behind https and set its WEBHOOK_URL setting to that address.`,
			},
		);
	}
	const key = wakeUpKey(await api.credential(), api.vendor.wakeUpKeyFields ?? []);
	if (!key) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The ${api.vendor.name} credential has no secret to sign the link back to n8n with`,
			{ itemIndex },
		);
	}
	return wakeUpUrl(resumeUrl, REDIRECT_BOUND, { [NEXT_PARAM]: next }, key, ctx.getExecutionId());
}
