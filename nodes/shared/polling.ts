import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { RequestSettings } from './transport/request';

/**
 * How a polling trigger's poll runs in n8n, for every vendor the same way.
 *
 * n8n calls poll() on its schedule, on the main process (the leader in queue mode), and once
 * inside activation; a test run from the editor ("Fetch Test Event") calls it in manual mode. The
 * cursor lives in the node's workflow static data. n8n saves static data only when a poll emits
 * (and after activation); what a poll that emits nothing changes stays in memory, so after a
 * restart the poll starts again from the last cursor that came with a run: it finds the same
 * changes again and reports those it did not report. A poll that throws fails with the vendor's
 * words (n8n records it as a failed execution) and leaves the cursor where it was: every change is
 * read again by the next poll.
 */

/** Requests of a poll: the next poll asks again soon, so a poll waits less than an action. */
export const POLL_SETTINGS: RequestSettings = {
	timeoutMs: 30_000,
	maxRetries: 2,
	maxWaitMs: 30_000,
};

/**
 * Past this, a mark of a poll under way is taken for one that never ended: a poll makes at most a
 * few requests, each given at most its tries' timeouts and POLL_SETTINGS.maxWaitMs of waiting.
 */
export const POLL_GUARD_MS = 10 * 60_000;

/** The mark of a poll under way, in the node's static data (n8n starts polls without waiting). */
const UNDER_WAY = 'pollUnderWay';

/** What a vendor's polling trigger tells the shared runner. */
export interface PollSteps {
	/** Whether the node's static data holds this trigger's cursor. */
	hasCursor(state: IDataObject): boolean;
	/** The first poll: the cursor starts at what the vendor lists now; nothing is reported. */
	start(state: IDataObject): Promise<void>;
	/** A scheduled poll: the changes to report, oldest first, with the cursor moved past them. */
	next(state: IDataObject): Promise<IDataObject[]>;
	/** "Fetch Test Event": the latest change the filters let through, the cursor untouched. */
	latest(): Promise<IDataObject | undefined>;
}

/**
 * One poll. A change starts one run of its own, as a webhook call does: each is handed to n8n with
 * __emit (the poll context's own way to start a run), and the poll returns nothing. The cursor has
 * moved before the first run starts, so the static data n8n saves with that run holds it. Nothing
 * is returned for n8n to start: n8n 2.x drops what a poll returns when the workflow was published
 * again while it ran, and the cursor saved with the earlier runs would then have passed it.
 */
export async function runPoll(
	ctx: IPollFunctions,
	steps: PollSteps,
): Promise<INodeExecutionData[][] | null> {
	if (ctx.getMode() === 'manual') {
		const latest = await steps.latest();
		return latest ? [[{ json: latest }]] : null;
	}
	const state = ctx.getWorkflowStaticData('node');
	const now = Date.now();
	const underWay = state[UNDER_WAY];
	if (typeof underWay === 'number' && underWay <= now && now - underWay < POLL_GUARD_MS)
		return null;
	state[UNDER_WAY] = now;
	let changes: IDataObject[] = [];
	try {
		if (steps.hasCursor(state)) changes = await steps.next(state);
		else await steps.start(state);
	} finally {
		if (state[UNDER_WAY] === now) delete state[UNDER_WAY];
	}
	for (const change of changes) ctx.__emit([[{ json: change }]]);
	return null;
}
