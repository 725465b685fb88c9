import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CredentialStore, TestCredentialsHelper } from '../harness/credentials';
import { loadPackage, PACKAGE_NAME } from '../harness/package';
import { additionalDataFor } from '../harness/run';

/**
 * n8n-core's LoadOptionsContext for the signNow node with `parameters` as the node's current
 * values, the context n8n gives a dropdown's loadOptions method and the credential test.
 */
export async function signNowLoadOptionsContext(store: CredentialStore, parameters: INodeParameters) {
	const pkg = await loadPackage();
	const node: INode = {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: `${PACKAGE_NAME}.signNow`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { signNowApi: { id: 'cred-signNowApi', name: 'signNowApi account' } },
	};
	const workflow = new Workflow({ id: 'load-options', nodes: [node], connections: {}, nodeTypes: pkg.nodeTypes, active: false });
	const additionalData = additionalDataFor(store, new TestCredentialsHelper(store, pkg.credentialTypes));
	additionalData.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(workflow, workflow.getNode(node.name)!, additionalData, 'parameters.invites');
	return { context, pkg, workflow, node: workflow.getNode(node.name)! };
}
