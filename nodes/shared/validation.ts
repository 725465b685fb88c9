import {
	type INode,
	type INodeProperties,
	type INodePropertyCollection,
	NodeOperationError,
} from 'n8n-workflow';
import type { z } from 'zod';

import { isLocatorValue } from './locator';

/** Field name (as the schema knows it) → the label the user sees in the node. */
export type FieldLabels = Record<string, string>;

/** The node's parameters by name, each with its display name and the parameters inside it. */
interface LabelTree {
	[name: string]: { label: string; inside: LabelTree };
}

/** Labels read from an operation's node description, plus names for schema keys that are no parameter. */
export interface ParameterLabels {
	tree: LabelTree;
	names: FieldLabels;
}

function treeOf(properties: readonly INodeProperties[]): LabelTree {
	const tree: LabelTree = {};
	for (const property of properties) {
		if (tree[property.name]) continue;
		let inside: LabelTree = {};
		if (property.type === 'collection')
			inside = treeOf((property.options ?? []) as INodeProperties[]);
		if (property.type === 'fixedCollection') {
			for (const option of (property.options ?? []) as INodePropertyCollection[])
				inside = { ...treeOf(option.values), ...inside };
		}
		tree[property.name] = { label: property.displayName, inside };
	}
	return tree;
}

/**
 * The labels of an operation's fields, taken from its description so that each is written once.
 * `names` covers schema keys that are not parameters of the node.
 */
export function labelsFrom(
	properties: readonly INodeProperties[],
	names: FieldLabels = {},
): ParameterLabels {
	return { tree: treeOf(properties), names };
}

/** A parameter wherever it sits: operations read Options and Filters collections into top-level keys. */
function findAnywhere(tree: LabelTree, name: string): LabelTree[string] | undefined {
	if (tree[name]) return tree[name];
	for (const entry of Object.values(tree)) {
		const found = findAnywhere(entry.inside, name);
		if (found) return found;
	}
	return undefined;
}

function showValue(shown: unknown): string {
	// A resource locator is shown by what the user typed or picked, not as n8n stores it.
	const value = isLocatorValue(shown) ? shown.value : shown;
	if (value === undefined) return 'nothing';
	const text =
		typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
	return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function valueAt(input: unknown, path: Array<string | number>): unknown {
	let cur: unknown = input;
	for (const key of path) {
		// A JSON parameter arrives as text; its inner values are looked up in the parsed text.
		if (typeof cur === 'string') {
			try {
				cur = JSON.parse(cur);
			} catch {
				return undefined;
			}
		}
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string | number, unknown>)[key];
	}
	return cur;
}

/**
 * "Invites → #2 → Email": each step by its label, nested ones looked up inside their parent. A
 * schema key that groups parameters without being one (a recipient's "authentication") keeps the
 * lookup where it was; `names` may name a step under such a key as "authentication.type", and an
 * empty name leaves a step out of the label.
 */
function labelFor(path: Array<string | number>, { tree, names }: ParameterLabels): string {
	let level: LabelTree = tree;
	let parent: string | undefined;
	return path
		.map((step, n) => {
			if (typeof step === 'number') return `#${step + 1}`;
			const entry = n === 0 ? findAnywhere(tree, step) : level[step];
			const label =
				(parent !== undefined ? names[`${parent}.${step}`] : undefined) ??
				entry?.label ??
				names[step] ??
				step;
			if (entry) level = entry.inside;
			parent = step;
			return label;
		})
		.filter((label) => label !== '')
		.join(' → ');
}

/**
 * Parses node parameters before anything is sent. A failure names the field as the user sees it,
 * the value it had and what is allowed, and no request is made.
 */
export function validateParameters<S extends z.ZodTypeAny>(
	node: INode,
	schema: S,
	input: unknown,
	itemIndex: number,
	labels: ParameterLabels,
): z.infer<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => {
		const label = labelFor(issue.path, labels);
		return `${label}: ${showValue(valueAt(input, issue.path))} is not allowed. ${issue.message}`;
	});
	return failValidation(node, problems, itemIndex);
}

/**
 * validateParameters for an operation or trigger, with the labels of its `properties`; `names`
 * labels schema keys that are no parameter (the keys inside a JSON list, say).
 */
export function checkParameters<S extends z.ZodTypeAny>(
	ctx: { getNode(): INode },
	itemIndex: number,
	properties: readonly INodeProperties[],
	schema: S,
	input: unknown,
	names?: FieldLabels,
): z.infer<S> {
	// The labels are only needed to word a failure: read from the description only then.
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const node = ctx.getNode();
	const shown = properties.filter((property) => inVersion(property, node.typeVersion));
	return validateParameters(node, schema, input, itemIndex, labelsFrom(shown, names));
}

/** Whether a parameter is part of the node at `version` (an ID field is a locator from 1.1 on). */
function inVersion(property: INodeProperties, version: number): boolean {
	const shownIn = property.displayOptions?.show?.['@version'];
	const hiddenIn = property.displayOptions?.hide?.['@version'];
	if (Array.isArray(shownIn) && !shownIn.includes(version)) return false;
	return !(Array.isArray(hiddenIn) && hiddenIn.includes(version));
}

export function failValidation(node: INode, problems: string[], itemIndex: number): never {
	throw new NodeOperationError(node, problems[0], {
		itemIndex,
		description: problems.length > 1 ? problems.join('\n') : undefined,
	});
}

/** One value of a list the user filled in, and where it is: "Signers → #2 → Email". */
export interface ListedValue {
	where: string;
	value: string;
}

/**
 * Where a value is, as the node shows it, for a message that no single field's check words:
 * ['signers', 1, 'email'] → "Signers → #2 → Email", each label read from the `properties`.
 */
export function fieldLabel(
	properties: readonly INodeProperties[],
	path: Array<string | number>,
): string {
	return labelFor(path, labelsFrom(properties));
}

/**
 * The values of field `field` of each row of list `list` (a fixedCollection), numbered and
 * labelled as the user sees them (see fieldLabel).
 */
export function listedValues(
	properties: readonly INodeProperties[],
	list: string,
	field: string,
	values: readonly string[],
): ListedValue[] {
	const labels = labelsFrom(properties);
	return values.map((value, n) => ({ where: labelFor([list, n, field], labels), value }));
}

/**
 * Values that must differ from each other: one problem for every value that repeats an earlier
 * one, naming where it is, the value, where it appeared first and `rule` (a sentence saying what
 * is allowed). `sameAs` turns a value into what is compared, e.g. lower-casing emails; by default
 * values are compared exactly.
 */
export function duplicateProblems(
	entries: readonly ListedValue[],
	rule: string,
	sameAs: (value: string) => string = (value) => value,
): string[] {
	const first = new Map<string, string>();
	const problems: string[] = [];
	for (const { where, value } of entries) {
		const key = sameAs(value);
		const earlier = first.get(key);
		if (earlier === undefined) first.set(key, where);
		else
			problems.push(`${where}: ${showValue(value)} is not allowed: it repeats ${earlier}. ${rule}`);
	}
	return problems;
}
