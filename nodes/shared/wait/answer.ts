import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * How a call to the resume URL is answered. A vendor's server gets JSON: 200 when the call was
 * taken (whether or not the workflow went on), 401 without a valid token, 503 when the result
 * could not be read (so the vendor may try again). A signer's browser is sent on to the page the
 * workflow named (`next`, covered by the token) or shown a short page; a link without a valid
 * token shows an error page and goes nowhere.
 */

/** The parameter holding the page a signer is sent on to. */
export const NEXT_PARAM = 'next';

export type CallOutcome = 'refused' | 'ignored' | 'waiting' | 'resumed' | 'failed';

const STATUS: Record<CallOutcome, number> = {
	refused: 401,
	ignored: 200,
	waiting: 200,
	resumed: 200,
	failed: 503,
};

function page(title: string, text: string): string {
	return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;max-width:36em;margin:4em auto"><h1>${title}</h1><p>${text}</p></body></html>`;
}

/** The page to send the signer on to: an http(s) URL from the call's query, or undefined. */
function nextPage(ctx: IWebhookFunctions): string | undefined {
	const next = (ctx.getQueryData() as Record<string, unknown>)[NEXT_PARAM];
	return typeof next === 'string' && /^https?:\/\//i.test(next) ? next : undefined;
}

export function answerCall(
	ctx: IWebhookFunctions,
	caller: 'vendor' | 'browser',
	outcome: CallOutcome,
	message: string,
): IWebhookResponseData {
	const response = ctx.getResponseObject();
	if (caller === 'vendor') {
		response.status(STATUS[outcome]).json({ received: outcome !== 'refused', outcome, message });
		return { noWebhookResponse: true };
	}
	const next = outcome === 'refused' ? undefined : nextPage(ctx);
	if (next) {
		response.status(302);
		response.setHeader('location', next);
		response.end();
		return { noWebhookResponse: true };
	}
	response.setHeader('content-type', 'text/html; charset=utf-8');
	response
		.status(outcome === 'refused' ? 401 : 200)
		.send(
			outcome === 'refused'
				? page(
						'This link is not valid',
						'It was not made for this signing request, or it has been changed.',
					)
				: page('Thank you', 'Your signature has been received. You can close this page.'),
		);
	return { noWebhookResponse: true };
}
