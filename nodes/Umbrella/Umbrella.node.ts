import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestSettingsProperty, routeItems } from '../shared/router';
import { resumeWebhooks, wakeUp } from '../shared/wait/woken';
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
		// QES Onboarding → Wait for Signature: signers come back from their session here.
		webhooks: resumeWebhooks,
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

	/** A signer's browser coming back to an execution waiting in Wait for Signature. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await wakeUp.call(this, qesOnboarding.waitSpec);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, UMBRELLA, { qesOnboarding: qesOnboarding.operations });
	}
}
