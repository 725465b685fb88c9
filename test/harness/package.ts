import './env';

import { join } from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ManualTriggerStandIn, NoOpStandIn } from './manual-trigger';

export const PACKAGE_ROOT = join(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-esign';

export interface LoadedPackage {
	nodeTypes: INodeTypes;
	credentialTypes: Record<string, ICredentialType>;
	nodeType(name: string): INodeType;
}

let loading: Promise<LoadedPackage> | undefined;

/** Loads the built package (dist/) the way n8n does, once per test process. */
export function loadPackage(): Promise<LoadedPackage> {
	loading ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		const extra: Record<string, INodeType> = {
			'n8n-nodes-base.manualTrigger': new ManualTriggerStandIn(),
			'n8n-nodes-base.noOp': new NoOpStandIn(),
		};
		const byName = (type: string): INodeType | IVersionedNodeType => {
			if (extra[type]) return extra[type];
			const short = type.startsWith(`${PACKAGE_NAME}.`)
				? type.slice(PACKAGE_NAME.length + 1)
				: type;
			const found = loader.nodeTypes[short];
			if (!found) throw new Error(`Unknown node type ${type}`);
			return found.type;
		};
		const nodeTypes: INodeTypes = {
			getByName: byName,
			getByNameAndVersion: (type, version) =>
				NodeHelpers.getVersionedNodeType(byName(type), version),
			getKnownTypes: () => ({}),
		};
		const credentialTypes: Record<string, ICredentialType> = {};
		for (const [name, { type }] of Object.entries(loader.credentialTypes))
			credentialTypes[name] = type;
		return {
			nodeTypes,
			credentialTypes,
			nodeType: (name) => nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${name}`) as INodeType,
		};
	})();
	return loading;
}
