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
import * as document from './actions/document';
import * as embeddedInvite from './actions/embeddedInvite';
import * as invite from './actions/invite';
import * as template from './actions/template';
import { searchDocuments, searchDocumentTemplates, searchFieldInvites } from './methods/listSearch';
import { getDocumentRoles, getDocumentTextFields } from './methods/loadOptions';
import { SIGNNOW } from './transport';

export class SignNow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'signNow',
		name: 'signNow',
		icon: { light: 'file:../../icons/signnow.svg', dark: 'file:../../icons/signnow.dark.svg' },
		group: ['output'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create documents from templates, prefill them and have them signed in your app or by email',
		defaults: { name: 'signNow' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signNowApi', required: true }],
		// Document → Wait for Signature: signNow's callbacks reach the waiting execution here.
		webhooks: resumeWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Document', value: 'document' },
					{ name: 'Embedded Invite', value: 'embeddedInvite' },
					{ name: 'Invite', value: 'invite' },
					{ name: 'Template', value: 'template' },
				],
				default: 'embeddedInvite',
			},
			...embeddedInvite.description,
			...document.description,
			...invite.description,
			...template.description,
			requestSettingsProperty(SIGNNOW),
		],
	};

	methods = {
		loadOptions: { getDocumentRoles, getDocumentTextFields },
		listSearch: { searchDocuments, searchDocumentTemplates, searchFieldInvites },
	};

	/** A call to the resume URL of an execution waiting in Document → Wait for Signature. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await wakeUp.call(this, document.waitSpec);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems(this, SIGNNOW, {
			document: document.operations,
			embeddedInvite: embeddedInvite.operations,
			invite: invite.operations,
			template: template.operations,
		});
	}
}
