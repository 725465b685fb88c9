import './env';

import { LoadOptionsContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { type CredentialStore, TestCredentialsHelper } from './credentials';
import { loadPackage, PACKAGE_NAME } from './package';
import { additionalDataFor } from './run';
import { assertNoSecrets, secretsOf } from './secrets';

async function contextFor(type: string, parameters: INodeParameters, store: CredentialStore) {
	const pkg = await loadPackage();
	const node: INode = {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: `${PACKAGE_NAME}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(
			store.types().map((t) => [t, { id: `cred-${t}`, name: `${t} account` }]),
		),
	};
	const workflow = new Workflow({
		id: 'ctx-workflow',
		nodes: [node],
		connections: {},
		nodeTypes: pkg.nodeTypes,
		active: false,
		settings: {},
	});
	const additionalData = additionalDataFor(
		store,
		new TestCredentialsHelper(store, pkg.credentialTypes),
	);
	(additionalData as unknown as IDataObject).currentNodeParameters = parameters;
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode(node.name)!,
		additionalData,
		'parameters',
	);
	return { pkg, workflow, node: workflow.getNode(node.name)!, context };
}

/**
 * Runs a node's listSearch method as the editor does when a resource locator's list opens, is
 * searched (`filter`) or scrolled to its next page (`paginationToken`).
 */
export async function runListSearch(
	type: string,
	method: string,
	store: CredentialStore,
	options: { filter?: string; paginationToken?: string; parameters?: INodeParameters } = {},
): Promise<INodeListSearchResult> {
	const { pkg, context } = await contextFor(type, options.parameters ?? {}, store);
	const fn = pkg.nodeType(type).methods?.listSearch?.[method];
	if (!fn) throw new Error(`${type} has no listSearch method ${method}`);
	const secrets = secretsOf(store, pkg.credentialTypes);
	try {
		const result = await fn.call(context, options.filter, options.paginationToken);
		assertNoSecrets(result, secrets, 'a list search result');
		return result;
	} catch (error) {
		assertNoSecrets(error, secrets, 'a list search error');
		throw error;
	}
}

/** Runs a node's loadOptions method as the editor does when a dropdown opens. */
export async function runLoadOptions(
	type: string,
	method: string,
	parameters: INodeParameters,
	store: CredentialStore,
): Promise<INodePropertyOptions[]> {
	const { pkg, context } = await contextFor(type, parameters, store);
	const fn = pkg.nodeType(type).methods?.loadOptions?.[method];
	if (!fn) throw new Error(`${type} has no loadOptions method ${method}`);
	try {
		return await fn.call(context);
	} catch (error) {
		assertNoSecrets(error, secretsOf(store, pkg.credentialTypes), 'a load-options error');
		throw error;
	}
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * The credential's Test button: resolves its `test.request` with the credential's values, sends it
 * with authenticate (and preAuthentication) applied by n8n-core, then applies `test.rules`.
 */
export async function testCredential(
	credentialType: string,
	nodeType: string,
	store: CredentialStore,
): Promise<CredentialTestResult> {
	const { pkg, workflow, node, context } = await contextFor(nodeType, {}, store);
	const test = pkg.credentialTypes[credentialType].test;
	if (!test) throw new Error(`${credentialType} has no test`);
	const credentials = store.get(credentialType);
	const resolve = (value: unknown) =>
		typeof value === 'string' && value.startsWith('=')
			? String(
					workflow.expression.getSimpleParameterValue(
						node,
						value,
						'internal',
						{ $credentials: credentials },
						undefined,
						'',
					),
				)
			: (value as string | undefined);
	const resolveAll = (values: IDataObject | undefined) =>
		values &&
		Object.fromEntries(
			Object.entries(values).map(([key, value]) => [key, resolve(value) ?? value]),
		);
	const request = test.request;
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			{
				method: request.method ?? 'GET',
				url: `${resolve(request.baseURL) ?? ''}${resolve(request.url) ?? ''}`,
				qs: resolveAll(request.qs),
				body: request.body as IDataObject | undefined,
				headers: resolveAll(request.headers),
				json: true,
				returnFullResponse: true,
			},
		)) as { body: unknown; statusCode: number };
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseSuccessBody') {
				const value = String(rule.properties.key)
					.split('.')
					.reduce<unknown>((cur, key) => (cur as IDataObject | undefined)?.[key], response.body);
				if (value === rule.properties.value)
					return { status: 'Error', message: rule.properties.message };
			}
			if (rule.type === 'responseCode' && response.statusCode === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		return { status: 'OK', message: 'Connection tested successfully' };
	} catch (error) {
		// n8n's credential tester shows the user only the message (and description) of the failure.
		const { message, description } = error as { message: string; description?: string };
		assertNoSecrets(
			{ message, description },
			secretsOf(store, pkg.credentialTypes),
			'a credential test result',
		);
		return { status: 'Error', message };
	}
}
