import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { binaryFieldName, outputBinaryField } from '../binary';
import { isLocatorValue } from '../locator';
import { eachItem } from '../router';
import type { ApiClient } from '../transport/client';
import type { VendorSpec } from '../transport/vendor';
import { checkParameters } from '../validation';
import { outcomeJson, type Reading } from './outcome';
import type { WaitSpec } from './spec';

/** The parameters of one waiting item, read the same way before the wait and when it is woken. */

export const fileProperties: INodeProperties[] = [
	{
		displayName: 'Download Signed File',
		name: 'downloadSignedFile',
		type: 'boolean',
		default: false,
		description: 'Whether to add the signed PDF as a binary field to a completed request’s item',
	},
	{ ...outputBinaryField, displayOptions: { show: { downloadSignedFile: [true] } } },
];

/** A context whose parameters can be read per item: a node's execution, or its resume call. */
export type ItemContext = IExecuteFunctions | IWebhookFunctions;

function isExecution(ctx: ItemContext): ctx is IExecuteFunctions {
	return typeof (ctx as IExecuteFunctions).getInputData === 'function';
}

/** The value an expression or locator holds, evaluated for item `i` of a resume call. */
function evaluated(ctx: IWebhookFunctions, raw: unknown, i: number): unknown {
	if (typeof raw === 'string' && raw.startsWith('='))
		return ctx.evaluateExpression(raw.slice(1), i);
	if (isLocatorValue(raw)) return { ...raw, value: evaluated(ctx, raw.value, i) };
	return raw;
}

/**
 * Parameter `name` for item `i`. A resume call's own reader evaluates for the first item only, so
 * there the raw parameter is evaluated against each waiting item, as the execution did.
 */
export function itemParameter(ctx: ItemContext, name: string, i: number, fallback?: unknown) {
	if (isExecution(ctx)) return ctx.getNodeParameter(name, i, fallback);
	const raw = ctx.getNodeParameter(name, fallback, { rawExpressions: true });
	return evaluated(ctx, raw, i);
}

/** How many items are waiting: the execution's input, or the waiting node's input when woken. */
export function itemCount(ctx: ItemContext): number {
	if (isExecution(ctx)) return ctx.getInputData().length;
	return Number(ctx.evaluateExpression('{{ $input.all().length }}', 0));
}

export interface ItemTarget {
	id: string;
	/** The binary field to put the signed file in, when asked for. */
	fileField?: string;
}

/** The request item `i` waits for, and where its file goes, checked before anything is sent. */
export function itemTarget(ctx: ItemContext, spec: WaitSpec, i: number): ItemTarget {
	const download = itemParameter(ctx, 'downloadSignedFile', i, false) === true;
	const schema = z.object({ [spec.idParameter]: spec.id, binaryPropertyName: binaryFieldName });
	const params = checkParameters(ctx, i, spec.properties, schema, {
		[spec.idParameter]: itemParameter(ctx, spec.idParameter, i),
		binaryPropertyName: download ? itemParameter(ctx, 'binaryPropertyName', i, 'data') : 'data',
	});
	return {
		id: params[spec.idParameter] as string,
		fileField: download ? (params.binaryPropertyName as string) : undefined,
	};
}

/** An AI agent must not pause for days inside one tool call: the operation refuses to run as a tool. */
export function refuseToolUse(ctx: ItemContext): void {
	if (ctx.getNode().type.endsWith('Tool')) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Wait for Signature cannot run as a tool of an AI agent',
			{
				description:
					'It pauses the workflow until the document is signed, which can take days. Use it in a workflow, after the step that sends the signing link.',
			},
		);
	}
}

/**
 * The output item of a finished request: the outcome, and the signed file when asked for and
 * the request is completed (file_pending when the vendor has not made it yet).
 */
export async function finishedItem(
	ctx: ItemContext,
	api: ApiClient,
	spec: WaitSpec,
	reading: Reading,
	target: ItemTarget,
	i: number,
): Promise<INodeExecutionData> {
	const json: IDataObject = outcomeJson(reading);
	const item: INodeExecutionData = { json, pairedItem: { item: i } };
	if (!target.fileField || reading.status !== 'completed') return item;
	const signed = await spec.signedFile(api, reading, i);
	if (!signed) {
		json.file_pending = true;
		return item;
	}
	const binary = await signed.file.store(ctx, {
		fileName: signed.fileName,
		mimeType: signed.mimeType ?? 'application/pdf',
	});
	json.file_name = signed.fileName;
	item.binary = { [target.fileField]: binary };
	return item;
}

/**
 * The requests of an execution's items as the node reads them: each item's target (checked once),
 * its last reading, and the error item of an item whose read failed under Continue On Fail.
 */
export class ItemReadings {
	private readonly targets = new Map<number, ItemTarget>();
	private readonly readings = new Map<number, Reading>();
	private readonly failed = new Map<number, INodeExecutionData[]>();

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly api: ApiClient,
		private readonly vendor: VendorSpec,
		private readonly spec: WaitSpec,
	) {}

	/** Reads the requests of items `indexes`, with the node's Parallel Requests. */
	async read(indexes: readonly number[]): Promise<void> {
		const { ctx, api, spec } = this;
		const readOne = async (i: number) => {
			this.readings.delete(i);
			const target = this.targets.get(i) ?? itemTarget(ctx, spec, i);
			this.targets.set(i, target);
			this.readings.set(i, await spec.read(api, target.id, i));
			return [];
		};
		for (const [i, output] of await eachItem(ctx, this.vendor, api, indexes, readOne)) {
			if (output.length) this.failed.set(i, output);
			else this.failed.delete(i);
		}
	}

	/** Items whose request is still open. */
	open(): number[] {
		return [...this.readings].filter(([, reading]) => !reading.status).map(([i]) => i);
	}

	/** The request IDs of the items still open, in item order. */
	openIds(): string[] {
		return this.open()
			.sort((a, b) => a - b)
			.map((i) => this.targets.get(i)!.id);
	}

	/** The request IDs read so far, in item order. */
	ids(): string[] {
		return [...this.targets].sort(([a], [b]) => a - b).map(([, target]) => target.id);
	}

	/**
	 * The node's output: a finished request's outcome (with its file), an open one's item as it
	 * came in, a failed one's error item; in input order.
	 */
	async output(): Promise<INodeExecutionData[][]> {
		const { ctx, api, spec } = this;
		const done = [...this.readings].filter(([, reading]) => reading.status).map(([i]) => i);
		const finished = await eachItem(ctx, this.vendor, api, done, async (i) => [
			await finishedItem(ctx, api, spec, this.readings.get(i)!, this.targets.get(i)!, i),
		]);
		return [
			ctx.getInputData().flatMap((item, i) => {
				if (finished.has(i)) return finished.get(i)!;
				// Still open: the item goes on as it came in, as after n8n's wait limit.
				if (this.readings.has(i)) return [{ ...item, pairedItem: { item: i } }];
				return this.failed.get(i) ?? [];
			}),
		];
	}
}
