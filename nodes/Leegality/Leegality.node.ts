import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestSettingsProperty, routeItems } from '../shared/router';
import * as docSigner from './actions/docSigner';
import * as signRequest from './actions/signRequest';
import { searchDocuments } from './methods/listSearch';
import { LEEGALITY } from './transport';

export class Leegality implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Leegality',
		name: 'leegality',
		icon: { light: 'file:../../icons/leegality.svg', dark: 'file:../../icons/leegality.dark.svg' },
		group: ['output'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send documents for eSigning and sign DocSigner invitations with Leegality',
		defaults: { name: 'Leegality' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leegalityApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'DocSigner', value: 'docSigner' },
					{ name: 'Sign Request', value: 'signRequest' },
				],
				default: 'docSigner',
			},
			...docSigner.description,
			...signRequest.description,
			requestSettingsProperty(LEEGALITY),
		],
	};

	methods = { listSearch: { searchDocuments } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, LEEGALITY, {
			docSigner: docSigner.operations,
			signRequest: signRequest.operations,
		});
	}
}
