import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlExpression, environmentProperties } from '../nodes/shared/environment';
import { SIGNATUREAPI_ENVIRONMENTS } from '../nodes/SignatureApi/transport';

export class SignatureApiApi implements ICredentialType {
	name = 'signatureApiApi';

	displayName = 'SignatureAPI API';

	icon = {
		light: 'file:../icons/signatureapi.svg',
		dark: 'file:../icons/signatureapi.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-esign/n8n-nodes-esign/blob/main/docs/signatureapi.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'key_test_…',
			description:
				'From the SignatureAPI Dashboard → Settings → API Keys. The prefix picks the mode: key_test_ is free, sends no emails and watermarks documents (not legally binding); key_live_ needs an upgraded account with a payment method.',
		},
		{
			displayName:
				'Test mode: no emails are sent (preview them in the dashboard) and documents carry a watermark',
			name: 'testModeNotice',
			type: 'notice',
			default: '',
			// `regex`, not `startsWith`: n8n 1.x's editor calls startsWith on the value unguarded and
			// throws while the dialog has no key yet (opening a saved credential), which breaks the page.
			displayOptions: { show: { apiKey: [{ _cnd: { regex: '^key_test_' } }] } },
		},
		{
			displayName: 'Live mode: recipients get real emails and signatures are legally binding',
			name: 'liveModeNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { apiKey: [{ _cnd: { regex: '^key_live_' } }] } },
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'whsec_…',
			description:
				'Only for the SignatureAPI Trigger: the secret shown on the webhook endpoint’s page in the dashboard (Settings → Webhooks). Test and live endpoints have different secrets.',
		},
		...environmentProperties('SignatureAPI', SIGNATUREAPI_ENVIRONMENTS),
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-API-Key': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(SIGNATUREAPI_ENVIRONMENTS),
			url: '/envelopes',
			qs: { limit: 1 },
		},
	};
}
