import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlExpression, environmentProperties } from '../nodes/shared/environment';
import { LEEGALITY_ENVIRONMENTS } from '../nodes/Leegality/transport';

export class LeegalityApi implements ICredentialType {
	name = 'leegalityApi';

	displayName = 'Leegality API';

	icon = {
		light: 'file:../icons/leegality.svg',
		dark: 'file:../icons/leegality.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-esign/n8n-nodes-esign/blob/main/docs/leegality.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Auth Token',
			name: 'authToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'From the Leegality dashboard: Settings → API → Enable API. Sandbox and Production each have their own token. DocSigner signing needs the token of the invitee’s account.',
		},
		{
			displayName: 'Private Salt',
			name: 'privateSaltSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Shown next to the Auth Token in Settings → API. Only the Leegality Trigger uses it, to check that a webhook call really comes from Leegality.',
		},
		...environmentProperties('Leegality', LEEGALITY_ENVIRONMENTS),
	];

	// Leegality reads only X-Auth-Token; an Authorization header as well makes its calls fail.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Auth-Token': '={{$credentials.authToken}}' } },
	};

	// Leegality answers HTTP 200 to a rejected token too, so the body's status decides. n8n fails the
	// test only when the value at `key` equals a rule's `value`, so the documented failure (0, as a
	// number or text) and an answer without any status (not Leegality's API) each have a rule. A
	// status other than 0 and 1, which Leegality does not document, cannot be caught this way.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(LEEGALITY_ENVIRONMENTS),
			url: '/v3.0/sign/request/list',
			qs: { max: 1 },
		},
		rules: [
			...[0, '0'].map((value) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'status',
					value,
					message:
						'Leegality rejected the Auth Token. Check it and the Environment: Sandbox and Production tokens differ.',
				},
			})),
			...[undefined, null].map((value) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'status',
					value,
					message:
						'The answer has no Leegality status (1 = success), so this is not Leegality’s API. Check the Environment and, for a Custom URL, that it ends in /api.',
				},
			})),
		],
	};
}
