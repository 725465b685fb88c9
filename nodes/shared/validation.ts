import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

/** Field name (as the schema knows it) → the label the user sees in the node. */
export type FieldLabels = Record<string, string>;

function showValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
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

function labelFor(path: Array<string | number>, labels: FieldLabels): string {
	const [head, ...rest] = path;
	const base = labels[String(head)] ?? String(head);
	return rest.length ? `${base} → ${rest.map((p) => (typeof p === 'number' ? `#${p + 1}` : labels[p] ?? p)).join(' → ')}` : base;
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
	labels: FieldLabels = {},
): z.infer<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => {
		const label = labelFor(issue.path, labels);
		return `${label}: ${showValue(valueAt(input, issue.path))} is not allowed. ${issue.message}`;
	});
	return failValidation(node, problems, itemIndex);
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

/** The values of one field of a list (a fixedCollection or a JSON list), numbered as the user sees them. */
export function listedValues(list: string, field: string, values: readonly string[]): ListedValue[] {
	return values.map((value, n) => ({ where: `${list} → #${n + 1} → ${field}`, value }));
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
		else problems.push(`${where}: ${showValue(value)} is not allowed: it repeats ${earlier}. ${rule}`);
	}
	return problems;
}
