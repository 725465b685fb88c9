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
 * What a resource's index exports: its Operation dropdown followed by every operation's
 * parameters, and each operation's execute by its value in the dropdown.
 */
export function resourceParts(
	operation: INodeProperties,
	modules: Record<string, OperationModule>,
) {
	return {
		description: [operation, ...Object.values(modules).flatMap((module) => module.description)],
		operations: Object.fromEntries(
			Object.entries(modules).map(([name, module]) => [name, module.execute]),
		),
	};
}

/** `resource` → `operation` → execute. */
export type OperationMap = Record<string, Record<string, OperationExecute>>;

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

function errorJson(
	error: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject },
) {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	if (error.context?.vendorCode) json.code = error.context.vendorCode;
	return json;
}

/**
 * The per-item loop of every action node: runs items with bounded concurrency, keeps the output
 * in input order, sets pairedItem on every item and honours "Continue On Fail". The first item
 * runs alone so that a credential fetching a token does so once, not once per parallel item.
 */
export async function routeItems(
	ctx: IExecuteFunctions,
	vendor: VendorSpec,
	operations: OperationMap,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const settings = ctx.getNodeParameter('requestSettings', 0, {}) as IDataObject;
	const concurrency = Math.max(1, Number(settings.concurrency ?? vendor.defaultConcurrency));
	const api = new ApiClient(ctx, vendor, {
		timeoutMs: Number(settings.timeoutSeconds ?? DEFAULT_SETTINGS.timeoutMs / 1000) * 1000,
		maxRetries: Number(settings.maxRetries ?? DEFAULT_SETTINGS.maxRetries),
		maxWaitMs: DEFAULT_SETTINGS.maxWaitMs,
	});
	const results: INodeExecutionData[][] = new Array(items.length);
	let stopError: Error | undefined;
	// Resource and operation take no expressions: the same for every item, read once.
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	let credentialChecked: Promise<void> | undefined;

	const runOne = async (i: number) => {
		try {
			if (!execute) {
				throw new NodeOperationError(
					ctx.getNode(),
					`The operation "${operation}" of "${resource}" is not supported`,
					{ itemIndex: i },
				);
			}
			credentialChecked ??= refuseUnusableCredential(ctx, vendor, api);
			await credentialChecked.catch((error: unknown) => {
				if (!(error instanceof NodeOperationError)) throw error;
				throw new NodeOperationError(ctx.getNode(), error.message, {
					itemIndex: i,
					description: error.description ?? undefined,
				});
			});
			results[i] = await execute.call(ctx, i, api);
		} catch (caught) {
			const error = await sanitize(ctx, api, caught, i);
			if (ctx.continueOnFail()) {
				results[i] = [{ json: errorJson(error), pairedItem: { item: i } }];
			} else {
				stopError ??= error;
			}
		}
	};

	let next = 0;
	const worker = async () => {
		while (next < items.length && !stopError) await runOne(next++);
	};
	if (items.length > 0) await runOne(next++);
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length - 1) }, worker));
	if (stopError) throw stopError;
	return [results.flat()];
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
