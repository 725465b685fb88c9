import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nowSeconds } from '../shared/deliveries';
import {
	dashboardRegisteredWebhook,
	emitOnce,
	ignoreWebhook,
	registrationNotice,
	rejectWebhook,
} from '../shared/webhook';
import { LEEGALITY } from './transport';
import { LEEGALITY_WEBHOOK_TYPES } from './trigger/events';
import { REMEMBER_SECONDS, repeatKeys } from './trigger/repeats';
import { signatureMatches } from './trigger/signature';

/** Only documentId is covered by the mac: everything else in the call could have been altered. */
export const VERIFICATION_NOTE =
	'Leegality signs only the documentId of this call. Re-read the document (Leegality → Sign Request → Get) before acting on its status or signer details.';

export class LeegalityTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Leegality Trigger',
		name: 'leegalityTrigger',
		icon: { light: 'file:../../icons/leegality.svg', dark: 'file:../../icons/leegality.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["webhookTypes"].join(", ")}}',
		description:
			'Starts the workflow when Leegality reports that an invitee signed, rejected or failed verification',
		defaults: { name: 'Leegality Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leegalityApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			registrationNotice(
				'Leegality’s dashboard, in the workflow’s (or document’s) invitee settings under “Add custom URLs and webhooks”: as the Webhook URL for signing events and as the Error Webhook URL for rejections and failed verifications. Leegality keeps the URLs a document was sent with, so documents sent earlier keep calling the old URL',
			),
			{
				displayName: 'Webhook Types',
				name: 'webhookTypes',
				type: 'multiOptions',
				options: LEEGALITY_WEBHOOK_TYPES,
				required: true,
				default: ['Success', 'Error'],
				description: 'Which calls start the workflow; others are acknowledged and ignored',
			},
		],
	};

	webhookMethods = dashboardRegisteredWebhook;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials(LEEGALITY.credentialType);
		const salt = String(credentials.privateSaltSecret ?? '');
		if (!salt)
			return rejectWebhook(this, 401, 'The credential has no Private Salt to verify this call');
		if (!signatureMatches(this, salt)) return rejectWebhook(this, 401, 'Invalid or missing mac');

		const body = (this.getBodyData() ?? {}) as IDataObject;
		const webhookType = typeof body.webhookType === 'string' ? body.webhookType : '';
		const selected = this.getNodeParameter('webhookTypes', []) as string[];
		if (!selected.includes(webhookType))
			return ignoreWebhook(`webhookType ${webhookType || '(none)'} not selected`);

		const payload: IDataObject = { ...body };
		delete payload.mac;
		return emitOnce(
			this,
			{ ...payload, _verification: 'documentId only', _note: VERIFICATION_NOTE },
			{
				keys: repeatKeys(body),
				rememberUntil: nowSeconds() + REMEMBER_SECONDS,
			},
		);
	}
}
