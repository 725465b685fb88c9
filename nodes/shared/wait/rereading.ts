import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { z } from 'zod';

import { intInRange, numberInput } from '../schemas';
import type { ApiClient } from '../transport/client';
import type { VendorSpec } from '../transport/vendor';
import { checkParameters } from '../validation';
import { ItemReadings, refuseToolUse } from './items';
import type { WaitSpec } from './spec';

/**
 * Waiting by reading again inside the execution (Lumin, Leegality): neither vendor lets a request
 * call back or send the signer to a URL of its own, so the node reads each open request every
 * "Check Every" seconds, up to "Maximum Wait" minutes. Embedded signing happens while the signer
 * is on the page, so the wait is short; a cancelled execution stops at once.
 */

export const rereadingProperties: INodeProperties[] = [
	{
		displayName: 'Check Every (Seconds)',
		name: 'checkEverySeconds',
		type: 'number',
		typeOptions: { minValue: 5, maxValue: 300 },
		default: 15,
		description: 'How often each request that is still open is read again, 5 to 300 seconds',
	},
	{
		displayName: 'Maximum Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		typeOptions: { minValue: 0.1, maxValue: 60 },
		default: 15,
		description:
			'How long to wait at most, up to 60 minutes. Items still open then go on exactly as they came in, without signing_status.',
	},
];

const schema = z.object({
	checkEverySeconds: intInRange(5, 300, ' seconds'),
	maxWaitMinutes: numberInput('Must be a number of minutes from 0.1 to 60.').pipe(
		z
			.number()
			.min(0.1, 'Must be from 0.1 to 60 minutes.')
			.max(60, 'Must be from 0.1 to 60 minutes.'),
	),
});

/**
 * Reads every item's request, then the open ones every few seconds until all are final or the
 * maximum wait has passed (see ItemReadings.output for what each item gives).
 */
export async function rereadUntilFinal(
	this: IExecuteFunctions,
	api: ApiClient,
	vendor: VendorSpec,
	spec: WaitSpec,
): Promise<INodeExecutionData[][]> {
	refuseToolUse(this);
	const { checkEverySeconds, maxWaitMinutes } = checkParameters(this, 0, spec.properties, schema, {
		checkEverySeconds: this.getNodeParameter('checkEverySeconds', 0, 15),
		maxWaitMinutes: this.getNodeParameter('maxWaitMinutes', 0, 15),
	});
	const deadline = Date.now() + maxWaitMinutes * 60_000;
	const pause = checkEverySeconds * 1000;
	const items = new ItemReadings(this, api, vendor, spec);
	await items.read([...this.getInputData().keys()]);
	while (items.open().length && Date.now() + pause <= deadline) {
		await pauseUnlessCancelled(pause, this.getExecutionCancelSignal());
		await items.read(items.open());
	}
	return await items.output();
}

/**
 * Waits `ms`, ending early with the cancellation when the execution is cancelled. n8n 2.x's sleep
 * takes the signal itself; 1.x's ignores it, so the pause is taken in steps of a second that
 * check it.
 */
async function pauseUnlessCancelled(ms: number, signal?: AbortSignal): Promise<void> {
	const until = Date.now() + ms;
	for (let left = ms; left > 0; left = until - Date.now()) {
		if (signal?.aborted) break;
		await sleep(Math.min(left, 1000), signal);
	}
	if (signal?.aborted) {
		throw signal.reason instanceof Error ? signal.reason : new Error('The execution was cancelled');
	}
}
