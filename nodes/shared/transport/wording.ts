import type { z } from 'zod';

import type { VendorFailure } from '../errors';
import type { Failure, NetworkReason } from './failure';
import type { RequestSettings } from './request';
import { type Attempts, GATEWAY_STATUS } from './retry';
import type { VendorSpec } from './vendor';

/** How the transport words what went wrong: every failure message of a request is written here. */

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * Each way a request can get no answer, in two phrasings: what the API did, for an item's error
 * ("the API refused the connection …"), and what happened, for a token request or a write whose
 * answer was lost ("the connection was refused …"). Network codes stay out of both: n8n replaces a
 * message holding one with its own text.
 */
export const NO_ANSWER: Record<
	NetworkReason,
	{ byTheApi(timeoutMs: number): string; plainly(timeoutMs?: number): string }
> = {
	refused: {
		byTheApi: () => 'refused the connection (is the environment URL right?)',
		plainly: () => 'the connection was refused (is the environment URL right?)',
	},
	timeout: {
		byTheApi: (timeoutMs) => `did not answer within ${seconds(timeoutMs)} s`,
		plainly: (timeoutMs) =>
			timeoutMs === undefined
				? 'no answer came in time'
				: `no answer came within ${seconds(timeoutMs)} s`,
	},
	unreachable: {
		byTheApi: () => 'could not be reached (is the environment URL right?)',
		plainly: () => 'the host could not be reached (is the environment URL right?)',
	},
	closed: {
		byTheApi: () => 'closed the connection before answering',
		plainly: () => 'the connection closed before the answer arrived',
	},
};

/** A request that got no answer: what the API did, with the network code in the hint. */
function noAnswerFailure(
	failure: { reason: NetworkReason; code: string },
	timeoutMs: number,
	lead: string,
): VendorFailure {
	// The code goes in the description: n8n replaces any message that contains one with its own text.
	return {
		message: `${lead}the API ${NO_ANSWER[failure.reason].byTheApi(timeoutMs)}`,
		hint: `Network error ${failure.code}.`,
	};
}

/** How the answer to a write was lost (see retry.ts outcomeUnknown), for the outcome messages. */
export function lostText(failure: Failure, timeoutMs: number): string {
	if (failure.kind === 'answer')
		return `the answer was lost (HTTP ${failure.status} from the gateway in front of the API)`;
	if (failure.kind === 'network' && failure.reason === 'timeout')
		return NO_ANSWER.timeout.plainly(timeoutMs);
	return NO_ANSWER.closed.plainly();
}

/** Why a 429 or gateway answer was not tried again, and what the user can do. */
export function exhaustedHint(status: number, maxRetries: number, tried?: Attempts): string {
	const more =
		tried?.wouldWait !== undefined
			? ` and was asked to wait ${Math.ceil(tried.wouldWait / 1000)} s more`
			: '';
	const done =
		status === 429
			? maxRetries === 0
				? 'Max Retries is 0, so it was not asked again'
				: `Still told to slow down after waiting ${Math.round((tried?.waited ?? 0) / 1000)} s in all${more}`
			: `Still failing after ${tried?.retries ?? 0} retries${more}`;
	return `${done}. Lower the node's Parallel Requests or try again later.`;
}

/**
 * What a failed attempt says to the user, with the HTTP status and body that travel along: the
 * vendor's own words for an answer (and why it was not tried again after 429 or a gateway
 * status), the credential's for a request that never left, what the API did when no answer came.
 */
export function describeFailure(
	failure: Failure,
	vendor: VendorSpec,
	settings: RequestSettings,
	{ tried, prefix }: { tried?: Attempts; prefix?: string } = {},
): { failure: VendorFailure; httpCode?: number; body?: unknown } {
	const lead = prefix ? `${prefix}: ` : '';
	if (failure.kind === 'answer') {
		const said = vendor.parseError(failure.status, failure.body);
		if (failure.status === 429 || GATEWAY_STATUS.has(failure.status)) {
			said.hint = exhaustedHint(failure.status, settings.maxRetries, tried);
		}
		said.message = `${lead}${said.message}`;
		return { failure: said, httpCode: failure.status, body: failure.body };
	}
	if (failure.kind === 'local') {
		// The request never reached the API (no token, say): the credential's own words say most.
		return {
			failure: { code: failure.code, message: `${lead}${failure.message}`, hint: failure.hint },
			httpCode: failure.status,
		};
	}
	return { failure: noAnswerFailure(failure, settings.timeoutMs, lead) };
}

/** "the invites were created" → "the invites were not created", for the settled message. */
function negate(happened: string): string {
	const negated = happened.replace(/\b(was|were|is|are|has|have)\b/, '$1 not');
	return negated === happened ? `it did not happen (${happened})` : negated;
}

/**
 * A write whose answer was lost (`lost`), after the read that was to settle it: certainly not
 * applied (`notApplied`), or not known, with the user's `advice` and why the read failed.
 */
export function unsettledFailure(
	lost: string,
	outcome: { happened: string; advice: string },
	notApplied: boolean,
	checkFailed?: string,
): VendorFailure {
	if (notApplied)
		return {
			code: 'not_applied',
			message: `${lost}, and a check right after shows that ${negate(outcome.happened)}`,
			hint: 'Nothing was sent twice. The item can be run again.',
		};
	return {
		code: 'outcome_unknown',
		message: `${lost}, so it is not known whether ${outcome.happened}`,
		hint: [
			`The request may have gone through. It was not sent again, so that nothing happens twice. ${outcome.advice}`,
			checkFailed ? `The check made right away failed as well: ${checkFailed}` : undefined,
		]
			.filter(Boolean)
			.join(' '),
	};
}

/** A success whose answer lacks what the operation needs: each problem of the answer check, named. */
export function incompleteAnswer(issues: z.ZodIssue[]): VendorFailure {
	const problems = issues.map((issue) => {
		const where = issue.path.length ? issue.path.join('.') : 'the answer';
		return issue.code === 'invalid_type' && issue.received === 'undefined'
			? `${where} is missing`
			: `${where}: ${issue.message}`;
	});
	return {
		code: 'incomplete_answer',
		message: `answered without what this operation needs (${problems.join('; ')})`,
		hint: 'The vendor reported success but its answer lacks the fields above, so the result cannot be trusted. Check the item in the vendor’s dashboard.',
	};
}

/** An answer that should be JSON and is not. */
export function malformedAnswer(statusCode: number): VendorFailure {
	return {
		code: 'malformed_response',
		message: `answered HTTP ${statusCode} with a body that is not valid JSON`,
		hint: 'This is usually a temporary problem on the vendor side or a proxy in between. Try again later.',
	};
}
