import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestSettingsProperty, routeItems } from '../shared/router';
import * as signatureRequest from './actions/signatureRequest';
import { searchTemplates } from './methods/listSearch';
import { getTemplates } from './methods/loadOptions';
import { LUMIN } from './transport';

export class Lumin implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lumin',
		name: 'lumin',
		icon: { light: 'file:../../icons/lumin.svg', dark: 'file:../../icons/lumin.dark.svg' },
		group: ['output'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send documents for signature and embed signing with Lumin Sign',
		defaults: { name: 'Lumin' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'luminApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Signature Request', value: 'signatureRequest' }],
				default: 'signatureRequest',
			},
			...signatureRequest.description,
			requestSettingsProperty(LUMIN),
		],
	};

	methods = { loadOptions: { getTemplates }, listSearch: { searchTemplates } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, LUMIN, { signatureRequest: signatureRequest.operations });
	}
}
