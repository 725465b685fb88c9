import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlExpression, environmentProperties } from '../nodes/shared/environment';
import { LUMIN_ENVIRONMENTS } from '../nodes/Lumin/transport';

export class LuminApi implements ICredentialType {
	name = 'luminApi';

	displayName = 'Lumin API';

	icon = { light: 'file:../icons/lumin.svg', dark: 'file:../icons/lumin.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-esign/n8n-nodes-esign/blob/main/docs/lumin.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Created in Lumin under Settings → Developer settings → API keys. Use the Primary key if a Lumin Trigger should verify webhooks with this credential.',
		},
		...environmentProperties('Lumin', LUMIN_ENVIRONMENTS),
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-API-Key': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: baseUrlExpression(LUMIN_ENVIRONMENTS), url: '/user/info' },
	};
}
