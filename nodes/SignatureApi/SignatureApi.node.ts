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
import * as ceremony from './actions/ceremony';
import * as deliverable from './actions/deliverable';
import * as envelope from './actions/envelope';
import * as recipient from './actions/recipient';
import { searchEnvelopes } from './methods/listSearch';
import { SIGNATUREAPI } from './transport';

export class SignatureApi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignatureAPI',
		name: 'signatureApi',
		icon: {
			light: 'file:../../icons/signatureapi.svg',
			dark: 'file:../../icons/signatureapi.dark.svg',
		},
		group: ['output'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send envelopes for signature and embed signing ceremonies with SignatureAPI',
		defaults: { name: 'SignatureAPI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signatureApiApi', required: true }],
		// Envelope → Wait for Signature: signers come back from their ceremony here.
		webhooks: resumeWebhooks,
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

	methods = { listSearch: { searchEnvelopes } };

	/** A signer's browser coming back to an execution waiting in Envelope → Wait for Signature. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await wakeUp.call(this, envelope.waitSpec);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, SIGNATUREAPI, {
			ceremony: ceremony.operations,
			envelope: envelope.operations,
			recipient: recipient.operations,
			deliverable: deliverable.operations,
		});
	}
}
