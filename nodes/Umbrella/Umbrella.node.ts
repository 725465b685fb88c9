import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestSettingsProperty, routeItems } from '../shared/router';
import * as qesOnboarding from './actions/qesOnboarding';
import { UMBRELLA } from './transport';

export class Umbrella implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Umbrella QES',
		name: 'umbrella',
		icon: { light: 'file:../../icons/umbrella.svg', dark: 'file:../../icons/umbrella.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Identify people and collect qualified electronic signatures with IDCanopy Umbrella',
		defaults: { name: 'Umbrella QES' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'umbrellaApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'QES Onboarding', value: 'qesOnboarding' }],
				default: 'qesOnboarding',
			},
			...qesOnboarding.description,
			requestSettingsProperty(UMBRELLA),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, UMBRELLA, { qesOnboarding: qesOnboarding.operations });
	}
}
