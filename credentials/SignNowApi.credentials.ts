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
import { SIGNNOW, SIGNNOW_ENVIRONMENTS } from '../nodes/SignNow/transport';
import { readAccessToken, refusedHint } from '../nodes/SignNow/transport/auth';
import { requestToken } from '../nodes/shared/transport/token';

const passwordGrant = { show: { authentication: ['passwordGrant'] } };

export class SignNowApi implements ICredentialType {
	name = 'signNowApi';

	displayName = 'signNow API';

	icon = { light: 'file:../icons/signnow.svg', dark: 'file:../icons/signnow.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-esign/n8n-nodes-esign/blob/main/docs/signnow.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Password Grant',
					value: 'passwordGrant',
					description:
						'n8n fetches an access token with your app’s client ID and secret and your signNow login',
				},
				{
					name: 'Access Token',
					value: 'accessToken',
					description: 'Paste an access token you already have',
				},
			],
			default: 'passwordGrant',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description: 'From the signNow API Dashboard → your application → Keys',
			displayOptions: passwordGrant,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: passwordGrant,
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: 'Email address you sign in to signNow with',
			displayOptions: passwordGrant,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: passwordGrant,
		},
		{
			displayName: 'Access Token',
			name: 'pastedToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A signNow access token (Bearer). When it expires, paste a new one or switch to Password Grant.',
			displayOptions: { show: { authentication: ['accessToken'] } },
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. When set, a signNow Trigger registers its subscription with this secret and rejects calls whose X-SignNow-Signature does not match.',
		},
		...environmentProperties('signNow', SIGNNOW_ENVIRONMENTS),
		{
			displayName: 'Session Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * n8n's OAuth2 credential has no password grant, so the token is fetched here and kept in the
	 * hidden expirable field. n8n calls this when that field is empty and once more after a 401.
	 * A fresh password grant is used instead of the refresh token: it needs nothing stored but the token.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication === 'accessToken') {
			return { accessToken: String(credentials.pastedToken ?? '').trim() };
		}
		const accessToken = await requestToken(
			this,
			SIGNNOW,
			{
				method: 'POST',
				url: `${resolveBaseUrl(credentials, SIGNNOW_ENVIRONMENTS)}/oauth2/token`,
				auth: {
					username: String(credentials.clientId ?? ''),
					password: String(credentials.clientSecret ?? ''),
				},
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					Accept: 'application/json',
				},
				body: {
					grant_type: 'password',
					username: String(credentials.username ?? ''),
					password: String(credentials.password ?? ''),
					scope: '*',
				},
				json: true,
			},
			readAccessToken,
			refusedHint,
		);
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization:
					'=Bearer {{ $credentials.authentication === "accessToken" ? $credentials.pastedToken.trim() : $credentials.accessToken }}',
			},
		},
	};

	// signNow's token check: answers with the token's scope and remaining lifetime.
	test: ICredentialTestRequest = {
		request: { baseURL: baseUrlExpression(SIGNNOW_ENVIRONMENTS), url: '/oauth2/token' },
	};
}
