/**
 * What the editor should show, read from the built package itself (dist/, the files n8n loads):
 * per node its resources and operations and, per operation, the parameters n8n displays with
 * their defaults; per credential its fields. n8n-workflow's own displayParameter decides what is
 * shown, so the expectation follows the same rules as the editor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type {
	ICredentialType,
	INode,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { root } from '../lib/installs';

export interface ParameterExpectation {
	name: string;
	displayName: string;
	type: string;
	required: boolean;
	/** What the field shows before anyone edits it (option name for dropdowns). */
	shownDefault?: string;
	hint?: string;
	/** A resource locator's "From List" mode: the list the vendor fills. */
	listSearch?: string;
	/** A resource locator's mode when the field is new ("list", "id"…). */
	locatorMode?: string;
	/** n8n flags it as missing (the editor's required marker) while it holds its default. */
	flaggedRequired: boolean;
}

export interface OperationExpectation {
	resource?: { value: string; name: string };
	operation?: { value: string; name: string; action?: string };
	parameters: ParameterExpectation[];
}

export interface NodeExpectation {
	type: string;
	displayName: string;
	trigger: boolean;
	credential?: string;
	description: INodeTypeDescription;
	operations: OperationExpectation[];
}

export interface CredentialExpectation {
	name: string;
	displayName: string;
	properties: INodeProperties[];
}

const manifest = () =>
	JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		name: string;
		n8n: { nodes: string[]; credentials: string[] };
	};

function load<T>(file: string): T {
	const exports = require(join(root, file)) as Record<string, new () => T>;
	const Class = Object.values(exports).find((value) => typeof value === 'function');
	if (!Class) throw new Error(`${file} exports no class`);
	return new Class();
}

const options = (property: INodeProperties | undefined) =>
	(property?.options ?? []) as INodePropertyOptions[];

function shownDefault(property: INodeProperties): string | undefined {
	if (property.type === 'options')
		return options(property).find((o) => o.value === property.default)?.name;
	if (
		['string', 'number'].includes(property.type) &&
		property.default !== '' &&
		property.default !== undefined
	)
		return String(property.default);
	return undefined;
}

/** Parameters n8n displays for a given resource + operation (top level: what the NDV lists). */
function displayed(
	description: INodeTypeDescription,
	values: Record<string, string>,
): ParameterExpectation[] {
	// The node panel adds a node at its newest version.
	const typeVersion = Array.isArray(description.version)
		? Math.max(...description.version)
		: description.version;
	const node = {
		name: description.defaults.name,
		type: description.name,
		typeVersion,
		position: [0, 0],
		parameters: {},
	} as unknown as INode;
	const nodeValues =
		NodeHelpers.getNodeParameters(description.properties, values, true, false, node, description) ??
		{};
	const issues =
		NodeHelpers.getNodeParametersIssues(
			description.properties,
			{ ...node, parameters: nodeValues },
			description,
		)?.parameters ?? {};
	const seen = new Set<string>();
	const result: ParameterExpectation[] = [];
	for (const property of description.properties) {
		if (seen.has(property.name) || ['resource', 'operation'].includes(property.name)) continue;
		if (!NodeHelpers.displayParameter(nodeValues, property, node, description)) continue;
		seen.add(property.name);
		result.push({
			name: property.name,
			displayName: property.displayName,
			type: property.type,
			required: property.required === true,
			shownDefault: shownDefault(property),
			hint: property.hint?.replace(/<[^>]+>/g, ''),
			listSearch: property.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod,
			locatorMode:
				property.type === 'resourceLocator'
					? (property.default as { mode?: string } | undefined)?.mode
					: undefined,
			flaggedRequired: Object.keys(issues).includes(property.name),
		});
	}
	return result;
}

function operationsOf(description: INodeTypeDescription): OperationExpectation[] {
	const resource = description.properties.find((p) => p.name === 'resource');
	const resources = resource ? options(resource) : [undefined];
	const result: OperationExpectation[] = [];
	for (const r of resources) {
		const operationProperty = description.properties.find(
			(p) =>
				p.name === 'operation' &&
				(!r ||
					!p.displayOptions?.show?.resource ||
					(p.displayOptions.show.resource as unknown[]).includes(r.value)),
		);
		const ops = operationProperty ? options(operationProperty) : [undefined];
		for (const o of ops) {
			const values: Record<string, string> = {};
			if (r) values.resource = String(r.value);
			if (o) values.operation = String(o.value);
			result.push({
				resource: r && { value: String(r.value), name: r.name },
				operation: o && { value: String(o.value), name: o.name, action: o.action },
				parameters: displayed(description, values),
			});
		}
	}
	return result;
}

export function packageName(): string {
	return manifest().name;
}

export function nodeExpectations(): NodeExpectation[] {
	return manifest().n8n.nodes.map((file) => {
		const description = load<INodeType>(file).description;
		return {
			type: description.name,
			displayName: description.displayName,
			trigger: description.group.includes('trigger'),
			credential: description.credentials?.[0]?.name,
			description,
			operations: operationsOf(description),
		};
	});
}

export function credentialExpectations(): CredentialExpectation[] {
	return manifest().n8n.credentials.map((file) => {
		const credential = load<ICredentialType>(file);
		return {
			name: credential.name,
			displayName: credential.displayName,
			properties: credential.properties,
		};
	});
}
