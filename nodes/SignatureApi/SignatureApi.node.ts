import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { OperationExecute, OperationMap } from '../shared/router';
import { requestSettingsProperty, routeItems } from '../shared/router';
import * as ceremony from './actions/ceremony';
import * as deliverable from './actions/deliverable';
import * as envelope from './actions/envelope';
import * as recipient from './actions/recipient';
import { assertKeyMode, SIGNATUREAPI } from './transport';

/** Every operation first checks the key's prefix, so a key of the wrong kind sends nothing. */
function guarded(operations: Record<string, OperationExecute>): Record<string, OperationExecute> {
	return Object.fromEntries(
		Object.entries(operations).map(([name, execute]) => [
			name,
			async function (this: IExecuteFunctions, i, api) {
				await assertKeyMode(this, i);
				return await execute.call(this, i, api);
			} as OperationExecute,
		]),
	);
}

const OPERATIONS: OperationMap = {
	ceremony: guarded(ceremony.operations),
	envelope: guarded(envelope.operations),
	recipient: guarded(recipient.operations),
	deliverable: guarded(deliverable.operations),
};

export class SignatureApi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignatureAPI',
		name: 'signatureApi',
		icon: { light: 'file:../../icons/signatureapi.svg', dark: 'file:../../icons/signatureapi.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send envelopes for signature and embed signing ceremonies with SignatureAPI',
		defaults: { name: 'SignatureAPI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signatureApiApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Ceremony', value: 'ceremony' },
					{ name: 'Deliverable', value: 'deliverable' },
					{ name: 'Envelope', value: 'envelope' },
					{ name: 'Recipient', value: 'recipient' },
				],
				default: 'ceremony',
			},
			...ceremony.description,
			...envelope.description,
			...recipient.description,
			...deliverable.description,
			requestSettingsProperty(SIGNATUREAPI),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, SIGNATUREAPI, OPERATIONS);
	}
}
