import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** Where a vendor's API lives. `sandbox` is omitted for vendors whose key picks the mode. */
export interface VendorEnvironments {
	production: string;
	sandbox?: string;
	/** Shown under the Sandbox option, e.g. when the URL is not confirmed by the vendor. */
	sandboxNote?: string;
}

/** Environment selector plus a Custom URL field, shared by every credential of the package. */
export function environmentProperties(vendor: string, urls: VendorEnvironments): INodeProperties[] {
	const options = [
		{ name: 'Production', value: 'production', description: urls.production },
		...(urls.sandbox
			? [
					{
						name: 'Sandbox',
						value: 'sandbox',
						description: urls.sandboxNote ? `${urls.sandbox} (${urls.sandboxNote})` : urls.sandbox,
					},
				]
			: []),
		{
			name: 'Custom URL',
			value: 'custom',
			description: 'A proxy, a regional host or a local simulator',
		},
	];
	return [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options,
			default: 'production',
			description: `Which ${vendor} API to call`,
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			placeholder: urls.production,
			description: `Base URL of the ${vendor} API, up to and including the version path if the API has one`,
			displayOptions: { show: { environment: ['custom'] } },
		},
	];
}

/** The same choice as resolveBaseUrl, as an expression for a credential's `test` request. */
export function baseUrlExpression(urls: VendorEnvironments): string {
	const sandbox = urls.sandbox
		? `$credentials.environment === 'sandbox' ? '${urls.sandbox}' : `
		: '';
	return `={{ ($credentials.environment === 'custom' ? $credentials.customUrl.replace(/\\/+$/, '') : ${sandbox}'${urls.production}') }}`;
}

export function resolveBaseUrl(
	credentials: ICredentialDataDecryptedObject,
	urls: VendorEnvironments,
): string {
	const environment = (credentials.environment as string | undefined) ?? 'production';
	if (environment === 'custom') {
		return String(credentials.customUrl ?? '').replace(/\/+$/, '');
	}
	if (environment === 'sandbox' && urls.sandbox) return urls.sandbox;
	return urls.production;
}
