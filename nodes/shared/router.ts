import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	NodeApiError,
	NodeOperationError,
	updateDisplayOptions,
} from 'n8n-workflow';

import { redact, redactText } from './redact';
import { ApiClient } from './transport/client';
import { DEFAULT_SETTINGS } from './transport/request';
import type { VendorSpec } from './transport/vendor';

/** What every operation file exports as `execute`: one input item in, its output items out. */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	api: ApiClient,
) => Promise<INodeExecutionData[]>;

/** An operation's parameters, shown only when its resource and operation are picked. */
export function forOperation(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		properties,
	);
}

/** One operation file: its parameters (see forOperation) and its execute. */
export interface OperationModule {
	description: INodeProperties[];
	execute: OperationExecute;
}

/**
 * An operation that works on all items at once instead of one at a time (Wait for Signature:
 * one wait for every item of the execution). It gets the client and runs its items through
 * `eachItem` itself.
 */
export interface WholeOperation {
	all(this: IExecuteFunctions, api: ApiClient, vendor: VendorSpec): Promise<INodeExecutionData[][]>;
}

/** An operation file of a whole-input operation: its parameters and its `all`. */
export interface WholeOperationModule extends WholeOperation {
	description: INodeProperties[];
}

/**
 * What a resource's index exports: its Operation dropdown followed by every operation's
 * parameters, and each operation's execute by its value in the dropdown.
 */
export function resourceParts(
	operation: INodeProperties,
	modules: Record<string, OperationModule | WholeOperationModule>,
) {
	return {
		description: [operation, ...Object.values(modules).flatMap((module) => module.description)],
		operations: Object.fromEntries(
			Object.entries(modules).map(([name, module]) => [
				name,
				'execute' in module ? module.execute : { all: module.all },
			]),
		) as Record<string, OperationExecute | WholeOperation>,
	};
}

/** `resource` → `operation` → execute. */
export type OperationMap = Record<string, Record<string, OperationExecute | WholeOperation>>;

function parallelRequests(vendorName: string): INodeProperties {
	return {
		displayName: 'Parallel Requests',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 20 },
		default: 5,
		description: `How many input items are sent to ${vendorName} at the same time. Output keeps the input order.`,
	};
}

/** The "Request Settings" collection every action node ends with. */
export function requestSettingsProperty(vendor: VendorSpec): INodeProperties {
	return {
		displayName: 'Request Settings',
		name: 'requestSettings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		options: [
			// The vendor's own default (see VendorSpec).
			{ ...parallelRequests(vendor.name), default: vendor.defaultConcurrency },
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 300 },
				default: 30,
				description:
					'How long to wait for one answer. A read that gets none in time is asked again; a write (create, send, sign, delete) is not sent again, because it may have gone through, and the item reports its outcome as unknown.',
			},
			{
				displayName: 'Max Retries',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10 },
				default: 3,
				description: `How often a read is repeated after 502/503/504 or a lost connection. Being told to slow down (429) is waited out as ${vendor.name} asks, up to 60 s in all, however often it comes; 0 repeats nothing. A write is never repeated once it may have reached ${vendor.name}.`,
			},
		],
	};
}

/** Wraps operation output as items of input `itemIndex`. */
export function toItems(
	json: IDataObject | IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	return (Array.isArray(json) ? json : [json]).map((j) => ({
		json: j,
		pairedItem: { item: itemIndex },
	}));
}

export function errorJson(
	error: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject },
) {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	if (error.context?.vendorCode) json.code = error.context.vendorCode;
	return json;
}

/** The client of one node execution, with the node's Request Settings. */
export function clientFor(ctx: IExecuteFunctions, vendor: VendorSpec): ApiClient {
	const settings = ctx.getNodeParameter('requestSettings', 0, {}) as IDataObject;
	return new ApiClient(ctx, vendor, {
		timeoutMs: Number(settings.timeoutSeconds ?? DEFAULT_SETTINGS.timeoutMs / 1000) * 1000,
		maxRetries: Number(settings.maxRetries ?? DEFAULT_SETTINGS.maxRetries),
		maxWaitMs: DEFAULT_SETTINGS.maxWaitMs,
	});
}

/**
 * The per-item loop of every action node (see eachItem), or the operation's own handling of all
 * items at once (see WholeOperation).
 */
export async function routeItems(
	ctx: IExecuteFunctions,
	vendor: VendorSpec,
	operations: OperationMap,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const api = clientFor(ctx, vendor);
	// Resource and operation take no expressions: the same for every item, read once.
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (execute && typeof execute === 'object') return await execute.all.call(ctx, api, vendor);
	const results = await eachItem(ctx, vendor, api, [...items.keys()], async (i) => {
		if (!execute) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The operation "${operation}" of "${resource}" is not supported`,
				{ itemIndex: i },
			);
		}
		return await execute.call(ctx, i, api);
	});
	return [items.flatMap((_, i) => results.get(i) ?? [])];
}

/**
 * Runs `run` for each item of `indexes` with bounded concurrency (Parallel Requests), the first
 * one alone so that a credential fetching a token does so once, not once per parallel item, and
 * after the vendor's credential check. Under "Continue On Fail" a failed item becomes an error
 * item paired with its input; otherwise the first failure is thrown once the items in flight are
 * done. Errors leave without secrets. The results are keyed by item index.
 */
export async function eachItem(
	ctx: IExecuteFunctions,
	vendor: VendorSpec,
	api: ApiClient,
	indexes: readonly number[],
	run: (i: number) => Promise<INodeExecutionData[]>,
): Promise<Map<number, INodeExecutionData[]>> {
	const settings = ctx.getNodeParameter('requestSettings', 0, {}) as IDataObject;
	const concurrency = Math.max(1, Number(settings.concurrency ?? vendor.defaultConcurrency));
	const results = new Map<number, INodeExecutionData[]>();
	let stopError: Error | undefined;
	let credentialChecked: Promise<void> | undefined;

	const runOne = async (i: number) => {
		try {
			credentialChecked ??= refuseUnusableCredential(ctx, vendor, api);
			await credentialChecked.catch((error: unknown) => {
				if (!(error instanceof NodeOperationError)) throw error;
				throw new NodeOperationError(ctx.getNode(), error.message, {
					itemIndex: i,
					description: error.description ?? undefined,
				});
			});
			results.set(i, await run(i));
		} catch (caught) {
			const error = await sanitize(ctx, api, caught, i);
			if (ctx.continueOnFail()) {
				results.set(i, [{ json: errorJson(error), pairedItem: { item: i } }]);
			} else {
				stopError ??= error;
			}
		}
	};

	let next = 0;
	const worker = async () => {
		while (next < indexes.length && !stopError) await runOne(indexes[next++]);
	};
	if (indexes.length > 0) await runOne(indexes[next++]);
	await Promise.all(Array.from({ length: Math.min(concurrency, indexes.length - 1) }, worker));
	if (stopError) throw stopError;
	return results;
}

/**
 * The vendor's own check of the credential (see VendorSpec.credentialProblem), made once per
 * execution on the credential the client sends with: nothing is sent when it fails, and every
 * item fails with its message.
 */
async function refuseUnusableCredential(
	ctx: IExecuteFunctions,
	vendor: VendorSpec,
	api: ApiClient,
): Promise<void> {
	if (!vendor.credentialProblem) return;
	const problem = vendor.credentialProblem(await api.credential());
	if (problem)
		throw new NodeOperationError(ctx.getNode(), problem.message, {
			description: problem.description,
		});
}

/** Last line of defence: whatever failed, the error that leaves the node carries no secret. */
async function sanitize(
	ctx: IExecuteFunctions,
	api: ApiClient,
	caught: unknown,
	itemIndex: number,
) {
	const secrets = await api.secrets().catch(() => []);
	if (caught instanceof NodeApiError || caught instanceof NodeOperationError) {
		caught.message = redactText(caught.message, secrets);
		if (caught.description) caught.description = redactText(caught.description, secrets);
		if (caught instanceof NodeApiError && caught.cause) {
			// n8n-core's own wrapper keeps the raw HTTP error, request headers included.
			(caught as { cause?: unknown }).cause = undefined;
		}
		caught.context = redact(caught.context, secrets);
		if (caught.context.itemIndex === undefined) caught.context.itemIndex = itemIndex;
		return caught;
	}
	const message = redactText(caught instanceof Error ? caught.message : String(caught), secrets);
	return new NodeOperationError(ctx.getNode(), message, { itemIndex });
}
