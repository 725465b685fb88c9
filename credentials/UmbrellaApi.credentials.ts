import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import {
	baseUrlExpression,
	environmentProperties,
	resolveBaseUrl,
} from '../nodes/shared/environment';
import { readAccessToken, refusedHint } from '../nodes/Umbrella/transport/auth';
import { UMBRELLA, UMBRELLA_ENVIRONMENTS } from '../nodes/Umbrella/transport';
import { requestToken } from '../nodes/shared/transport/token';

export class UmbrellaApi implements ICredentialType {
	name = 'umbrellaApi';

	displayName = 'Umbrella (IDCanopy) API';

	icon = { light: 'file:../icons/umbrella.svg', dark: 'file:../icons/umbrella.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-esign/n8n-nodes-esign/blob/main/docs/umbrella.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The Api-Key IDCanopy issued for this account (a UUID). Sandbox and production keys differ.',
		},
		// Hidden on purpose: with the API key it is all /auth needs to issue a token for the account.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The Customer-Id IDCanopy issued with the API key (a UUID). Kept hidden: together with the key it identifies the account.',
		},
		...environmentProperties('Umbrella', UMBRELLA_ENVIRONMENTS),
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** Fetches a JWT (valid 60 minutes). n8n calls this when the token is empty and again after a 401. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const accessToken = await requestToken(
			this,
			UMBRELLA,
			{
				method: 'POST',
				url: `${resolveBaseUrl(credentials, UMBRELLA_ENVIRONMENTS)}/auth`,
				headers: {
					'Api-Key': credentials.apiKey as string,
					'Customer-Id': credentials.customerId as string,
					'Content-Type': 'application/x-www-form-urlencoded',
					Accept: 'application/json',
				},
			},
			readAccessToken,
			refusedHint,
		);
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	// Umbrella has no "who am I" endpoint: the test asks /auth itself for a token with the key pair.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(UMBRELLA_ENVIRONMENTS),
			url: '/auth',
			method: 'POST',
			headers: {
				'Api-Key': '={{$credentials.apiKey}}',
				'Customer-Id': '={{$credentials.customerId}}',
				'Content-Type': 'application/x-www-form-urlencoded',
			},
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: false,
					message: 'Umbrella did not accept the API Key and Customer ID',
				},
			},
		],
	};
}
