/**
 * The batch runner of the property tests: one operation, one workflow execution, many input
 * items. Every item carries one generated parameter set (a valid baseline with one to three
 * fields broken) and every parameter of the operation is an expression reading the item, so
 * the node sees each set exactly as it would in a real workflow.
 *
 * Fixed-collection entries cannot be one expression (n8n turns the text into one entry per
 * character before the node runs), so each entry leaf is its own expression over a list of the
 * item, and a generated set breaks leaves of a fixed number of entries.
 *
 * The seed is fixed so that every run checks the same sets; PROPERTY_SEED=<n> explores other
 * sets (a failure report names the seed and the index of the failing set).
 */
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { setGlobalState } from 'n8n-workflow';

import type { NodeRun } from '../harness/run';
import type { RunOptions } from '../harness/vendor';
import type { Simulator } from '../simulators/base';

// Every expression builds $now and $today in the workflow's time zone; in UTC luxon skips the
// Intl time zone lookup, which halves the time thousands of expressions take. No item reads them.
setGlobalState({ defaultTimezone: 'UTC' });

export const SEED = Number(process.env.PROPERTY_SEED ?? 20260601);
export const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

/** One field broken in one item. */
export interface Break {
	/** Field paths as the user sees them in the node; the error must name one of them. */
	labels: string[];
	/** Writes the invalid value(s) into the item. */
	apply: (item: INodeExecutionData) => void;
	/** What was written, for the failure report. */
	shows: IDataObject;
	/**
	 * The rule spans several fields or entries (a duplicate, a missing binary file), so the
	 * error may explain it in its own words after the field instead of "<value> is not allowed".
	 */
	ownWording?: boolean;
	/** Applied after plain value breaks: it copies from fields another break may change. */
	late?: boolean;
}

export interface OperationSpec {
	/** As in the node: "Signature Request → Create Signing Session". */
	title: string;
	/** Node parameters; every field the operation reads is an expression over the item. */
	parameters: Record<string, unknown>;
	/** A valid item for these parameters. Called for every generated set (seed the simulator once). */
	baseline: () => INodeExecutionData;
	/** One arbitrary per field; a generated set breaks one to three different fields. */
	breaks: Array<fc.Arbitrary<Break>>;
	/** The request the valid baseline leads to: proves the parameters reach the node as meant. */
	sends: [method: string, path: string];
}

export interface Target {
	sim: Simulator;
	run: (parameters: Record<string, unknown>, options: RunOptions) => Promise<NodeRun>;
}

/** `={{ $json.<path> }}`: a node parameter read from the input item. */
export const fromItem = (path: string) => `={{ $json.${path} }}`;

/** Fixed-collection entries whose every leaf is read from `<list>[n].<leaf>` of the item. */
export function entriesFromItem(list: string, count: number, leaves: string[]): IDataObject[] {
	return Array.from({ length: count }, (_, n) =>
		Object.fromEntries(leaves.map((leaf) => [leaf, fromItem(`${list}[${n}].${leaf}`)])),
	);
}

function setPath(target: IDataObject, path: string, value: unknown) {
	const keys = path.split('.');
	let cur = target as Record<string, unknown>;
	for (const key of keys.slice(0, -1)) cur = cur[key] as Record<string, unknown>;
	const last = keys[keys.length - 1];
	if (value === undefined) delete cur[last];
	else cur[last] = value;
}

export function getPath(source: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((cur, key) => (cur as Record<string, unknown> | undefined)?.[key], source);
}

/** Breaks the item field at `path` (dots, list indices as numbers) with one of `values`. */
export function field(
	path: string,
	label: string | string[],
	values: fc.Arbitrary<unknown>,
): fc.Arbitrary<Break> {
	const labels = typeof label === 'string' ? [label] : label;
	return values.map((value) => ({
		labels,
		apply: (item) => setPath(item.json, path, value),
		shows: { [path]: value ?? '(missing)' },
	}));
}

/** Several item fields written together (one rule broken across them). */
export function fields(
	label: string | string[],
	values: fc.Arbitrary<Record<string, unknown>>,
	extra: Partial<Break> = {},
): fc.Arbitrary<Break> {
	const labels = typeof label === 'string' ? [label] : label;
	return values.map((set) => ({
		labels,
		apply: (item) =>
			Object.entries(set).forEach(([path, value]) => setPath(item.json, path, value)),
		shows: set as IDataObject,
		...extra,
	}));
}

/** Entry `to` of an item list repeats entry `from` at `leaf` (a duplicate where each must differ). */
export function duplicate(
	list: string,
	leaf: string,
	from: number,
	to: number,
	labels: string[],
	vary: fc.Arbitrary<(v: string) => string> = fc.constant((v) => v),
): fc.Arbitrary<Break> {
	return vary.map((change) => ({
		labels,
		apply: (item) =>
			setPath(
				item.json,
				`${list}.${to}.${leaf}`,
				change(String(getPath(item.json, `${list}.${from}.${leaf}`))),
			),
		shows: { [`${list}.${to}.${leaf}`]: `same as ${list}.${from}.${leaf}` },
		ownWording: true,
		late: true,
	}));
}

interface Case {
	item: INodeExecutionData;
	breaks: Break[];
}

function caseArbitrary(spec: OperationSpec): fc.Arbitrary<Case> {
	return fc
		.uniqueArray(fc.nat({ max: spec.breaks.length - 1 }), {
			minLength: 1,
			maxLength: Math.min(3, spec.breaks.length),
		})
		.chain((picked) => fc.tuple(...picked.map((n) => spec.breaks[n])))
		.map((breaks) => {
			const item = structuredClone(spec.baseline());
			for (const b of [...breaks.filter((x) => !x.late), ...breaks.filter((x) => x.late)])
				b.apply(item);
			return { item, breaks };
		});
}

/** The field path an error message starts with: the text before its first ": ". */
function fieldOf(message: string): string {
	const end = message.indexOf(': ');
	return end === -1 ? '' : message.slice(0, end);
}

const namesOneOf = (path: string, labels: string[]) =>
	labels.some((label) => path === label || path.startsWith(`${label} → `));

/** Why `outputs` (the output items paired with one input item) are not the refusal they should be. */
function refusalProblem(outputs: INodeExecutionData[], breaks: Break[]): string | undefined {
	if (outputs.length !== 1) return `gave ${outputs.length} output items instead of one error item`;
	const [out] = outputs;
	const message = out.json.error;
	if (typeof message !== 'string') return 'was not refused: its output is not an error item';
	const path = fieldOf(message);
	const named = breaks.filter((b) => namesOneOf(path, b.labels));
	if (!named.length)
		return `error does not name a broken field (${breaks.map((b) => b.labels.join(' or ')).join('; ')})`;
	const rule = message.slice(path.length + 2);
	const explains =
		/^.+ is not allowed\. \S/.test(rule) ||
		(named.some((b) => b.ownWording) && rule.trim().length > 10);
	if (!explains) return 'error does not say "<value> is not allowed. <what is allowed>"';
	// zod's word for "no alternative matched" says nothing about what is allowed.
	if (/ is not allowed\. Invalid input\.?$/.test(rule))
		return 'error says only "Invalid input", not what is allowed';
	return undefined;
}

/**
 * Runs RUNS generated invalid parameter sets of `spec` as the items of one execution with
 * Continue On Fail, and asserts: nothing reached the simulator; every item gave exactly one
 * error item paired with it; each error starts with a broken field as the user sees it and says
 * what is allowed. Then the unbroken baseline must reach the vendor, so the sets were refused
 * for what was broken and not for how the parameters were wired.
 */
export async function expectRefusedBeforeSending(
	target: Target,
	spec: OperationSpec,
): Promise<void> {
	const cases = fc.sample(caseArbitrary(spec), { seed: SEED, numRuns: RUNS });
	target.sim.clearLog();
	const { items, error } = await target.run(spec.parameters, {
		input: cases.map((c) => c.item),
		continueOnFail: true,
	});

	const problems: string[] = [];
	if (error) problems.push(`The execution stopped: ${error.message}`);
	const sent = target.sim.requests;
	if (sent.length) {
		problems.push(
			`${sent.length} request(s) reached the simulator: ${sent
				.slice(0, 5)
				.map((r) => `${r.method} ${r.path}`)
				.join(', ')}`,
		);
	}
	const unpaired = items.filter((out) => {
		const paired = out.pairedItem as { item?: number } | undefined;
		return typeof paired?.item !== 'number' || paired.item < 0 || paired.item >= cases.length;
	});
	if (unpaired.length)
		problems.push(`${unpaired.length} output item(s) are not paired with an input item`);
	cases.forEach((c, index) => {
		const outputs = items.filter(
			(out) => (out.pairedItem as { item?: number } | undefined)?.item === index,
		);
		const why = refusalProblem(outputs, c.breaks);
		if (why) {
			problems.push(
				[
					`Item ${index} ${why}`,
					`  broken: ${JSON.stringify(c.breaks.map((b) => b.shows))}`,
					`  output: ${JSON.stringify(outputs.map((o) => o.json))}`,
				].join('\n'),
			);
		}
	});
	if (problems.length) {
		throw new Error(
			`${spec.title}: ${problems.length} problem(s) in ${cases.length} generated sets (seed ${SEED}, PROPERTY_SEED to change it; PROPERTY_REPORT=<n> lists more)\n${problems.slice(0, Number(process.env.PROPERTY_REPORT ?? 6)).join('\n')}`,
		);
	}

	target.sim.clearLog();
	await target.run(spec.parameters, { input: [spec.baseline()], continueOnFail: true });
	const [method, path] = spec.sends;
	if (!target.sim.received(method, path).length) {
		throw new Error(
			`${spec.title}: the valid baseline did not reach ${method} ${path} (it reached ${target.sim.requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'nothing'}), so the generated sets prove nothing`,
		);
	}
}

/** One test per operation: the property. */
export function propertyTests(target: Target, specs: OperationSpec[]) {
	it.each(specs.map((spec) => [spec.title, spec] as const))('%s', async (_title, spec) => {
		await expectRefusedBeforeSending(target, spec);
	});
}
