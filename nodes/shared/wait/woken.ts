import type {
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { type NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { errorJson } from '../router';
import { ApiClient } from '../transport/client';
import type { VendorSpec } from '../transport/vendor';
import { answerCall, type CallOutcome } from './answer';
import {
	finishedItem,
	itemCount,
	ItemReadings,
	itemTarget,
	type ItemTarget,
	refuseToolUse,
} from './items';
import { waitUntil } from './limit';
import type { Reading } from './outcome';
import type { WaitSpec } from './spec';
import { hasWakeUpToken, wakeUpKey } from './wakeUp';

/**
 * Waiting woken by a call to the execution's resume URL (signNow, SignatureAPI, Umbrella). The
 * execution reads every request once and, unless all are final, waits through n8n
 * (putExecutionToWait). A call to the resume URL then runs the node's webhook(): it decides
 * nothing by itself. Without the package's token it is refused unread; otherwise every request
 * of the wait is read again from the vendor, and the execution goes on only when all are final,
 * with their outcomes as the node's output. Anything else is answered, and the wait goes on.
 */

/** The two resume webhooks (GET for a signer's browser, POST for a vendor's callback). */
export const resumeWebhooks: IWebhookDescription[] = (['GET', 'POST'] as const).map(
	(httpMethod) => ({
		name: 'default',
		httpMethod,
		responseMode: 'onReceived',
		path: '',
		restartWebhook: true,
	}),
);

/** One wait, as the vendor's wake-up code sees it. */
export interface WaitContext {
	executionId: string;
	/** The key of the wake-up tokens (see wakeUp.ts). */
	key: Buffer;
	/** The IDs of every item's request, in item order (an item whose parameters failed is left out). */
	ids: string[];
}

/** A wait as the execution starts it: where n8n resumes it, until when, and what is still open. */
export interface ArmedWait extends WaitContext {
	resumeUrl: string;
	waitTill: Date;
	/** The IDs of the requests still open, in item order. */
	openIds: string[];
}

export interface WokenWaitSpec extends WaitSpec {
	/** The query parameters of a wake-up URL that its token covers, in order. */
	bound: readonly string[];
	/** Who calls the resume URL: the vendor's server, or the signer's browser (sent on to `next`). */
	caller: 'vendor' | 'browser';
	/**
	 * Seconds to keep reading while not every request is final, for vendors that finish a moment
	 * after the signer is sent back (the envelope completing, the signature being applied).
	 */
	settleSeconds?: number;
	/**
	 * Whether the call concerns this wait, beyond its token: why not, or undefined. A call that
	 * fails a vendor's own check (its signature) is refused; one about another request is ignored.
	 */
	refuse?(
		ctx: IWebhookFunctions,
		wait: WaitContext,
	): { outcome: 'refused' | 'ignored'; message: string } | undefined;
	/** Registers the wake-up with the vendor before the execution waits (signNow's subscriptions). */
	arm?(ctx: IExecuteFunctions, api: ApiClient, wait: ArmedWait): Promise<void>;
	/** Removes what arm registered, when the execution finds every request final after all. */
	disarm?(api: ApiClient, wait: WaitContext): Promise<void>;
	/**
	 * Removes what arm registered, when a call finds every request final: true when this call
	 * removed it, false when another call had already (that one resumes the execution, this one
	 * must not).
	 */
	claim?(api: ApiClient, wait: WaitContext): Promise<boolean>;
}

/** The key of the wake-up tokens of `spec`'s credential; an error names what is missing. */
async function keyOf(
	ctx: IExecuteFunctions | IWebhookFunctions,
	spec: WokenWaitSpec,
): Promise<Buffer> {
	const fields = spec.vendor.wakeUpKeyFields ?? [];
	const key = wakeUpKey(await ctx.getCredentials(spec.vendor.credentialType), fields);
	if (!key) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The ${spec.vendor.name} credential has no secret to sign wake-up links with`,
			{ description: `Fill in ${fields.join(' or ')} in the credential.` },
		);
	}
	return key;
}

/** The resume URL of this execution, as n8n gives it to expressions (with 2.x's token). */
export function resumeUrlOf(ctx: IExecuteFunctions, itemIndex = 0): string {
	return String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex));
}

/**
 * The execution side: reads each item's request once. When every one is final (or failed, under
 * Continue On Fail) the outcomes are output at once. Otherwise the wake-up is armed, the open ones
 * are read once more (one may have finished meanwhile), and the execution waits until the limit.
 */
export async function beginWait(
	this: IExecuteFunctions,
	api: ApiClient,
	vendor: VendorSpec,
	spec: WokenWaitSpec,
): Promise<INodeExecutionData[][]> {
	refuseToolUse(this);
	const waitTill = waitUntil(this);
	const items = new ItemReadings(this, api, vendor, spec);
	await items.read([...this.getInputData().keys()]);
	if (items.open().length) {
		const wait: ArmedWait = {
			executionId: this.getExecutionId(),
			key: await keyOf(this, spec),
			ids: items.ids(),
			openIds: items.openIds(),
			resumeUrl: resumeUrlOf(this),
			waitTill,
		};
		await spec.arm?.(this, api, wait);
		await items.read(items.open());
		if (items.open().length) {
			await this.putExecutionToWait(waitTill);
			return [this.getInputData()];
		}
		await spec.disarm?.(api, wait);
	}
	return await items.output();
}

/** The webhook side: one call to the resume URL. It never throws, since n8n would end the wait with the error. */
export async function wakeUp(
	this: IWebhookFunctions,
	spec: WokenWaitSpec,
): Promise<IWebhookResponseData> {
	const answer = (outcome: CallOutcome, message: string) =>
		answerCall(this, spec.caller, outcome, message);
	try {
		const executionId = this.getExecutionId();
		const key = await keyOf(this, spec);
		if (
			!hasWakeUpToken(this.getQueryData() as Record<string, unknown>, spec.bound, key, executionId)
		)
			return answer('refused', 'This link is not valid for this wait.');

		const count = itemCount(this);
		const targets: Array<ItemTarget | Error> = [];
		for (let i = 0; i < count; i++) {
			try {
				targets.push(itemTarget(this, spec, i));
			} catch (error) {
				targets.push(error as Error);
			}
		}
		const wait: WaitContext = {
			executionId,
			key,
			ids: targets.flatMap((t) => (t instanceof Error ? [] : [t.id])),
		};
		const refusal = spec.refuse?.(this, wait);
		if (refusal) return answer(refusal.outcome, refusal.message);

		const api = new ApiClient(this, spec.vendor);
		const readings = await readUntilFinal(api, spec, targets, continuesOnFail(this));
		if (!readings) return answer('waiting', 'Not every request is finished yet; still waiting.');
		const items: INodeExecutionData[] = [];
		for (const [i, target] of targets.entries()) {
			items.push(
				target instanceof Error
					? { json: errorJson(target), pairedItem: { item: i } }
					: await finishedItem(this, api, spec, readings[i]!, target, i),
			);
		}
		if (spec.claim && !(await spec.claim(api, wait)))
			return answer('ignored', 'Another call has already ended this wait.');
		const response = answer('resumed', 'Every request is finished; the workflow goes on.');
		return { ...response, workflowData: [items] };
	} catch (error) {
		this.logger.warn(
			`Wait for Signature could not check a wake-up call; still waiting: ${(error as Error).message}`,
		);
		return answer('failed', 'The result could not be read; still waiting.');
	}
}

/**
 * Reads every request until all are final, for at most `settleSeconds`; the readings, or
 * undefined while one is still open.
 */
async function readUntilFinal(
	api: ApiClient,
	spec: WokenWaitSpec,
	targets: Array<ItemTarget | Error>,
	continueOnFail: boolean,
): Promise<Array<Reading | undefined> | undefined> {
	const readings: Array<Reading | undefined> = targets.map(() => undefined);
	const until = Date.now() + (spec.settleSeconds ?? 0) * 1000;
	for (;;) {
		for (const [i, target] of targets.entries()) {
			if (target instanceof Error || readings[i]?.status) continue;
			try {
				readings[i] = await spec.read(api, target.id, i);
			} catch (error) {
				// Under Continue On Fail the item ends as an error item, as it would have in the execution.
				if (!continueOnFail) throw error as NodeApiError;
				targets[i] = error as Error;
			}
		}
		if (readings.every((r, i) => targets[i] instanceof Error || r?.status)) return readings;
		if (Date.now() + SETTLE_PAUSE_MS > until) return undefined;
		await sleep(SETTLE_PAUSE_MS);
	}
}

/** Whether the node's settings turn a failed item into an error item (Settings → On Error). */
function continuesOnFail(ctx: IWebhookFunctions): boolean {
	const node = ctx.getNode();
	return node.onError === undefined
		? node.continueOnFail === true
		: ['continueRegularOutput', 'continueErrorOutput'].includes(node.onError);
}

/** Between reads while a vendor finishes. */
const SETTLE_PAUSE_MS = 2500;
