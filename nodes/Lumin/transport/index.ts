import type { VendorEnvironments } from '../../shared/environment';
import type { VendorFailure } from '../../shared/errors';
import type { VendorSpec } from '../../shared/transport/vendor';

export const LUMIN_ENVIRONMENTS: VendorEnvironments = {
	production: 'https://api.luminpdf.com/v1',
	// Listed as "Sandbox server" in Lumin's openapi.yaml; the newer docs list production only, and
	// whether it needs its own key is undocumented (unconfirmed).
	sandbox: 'https://api-sandbox.luminpdf.com/v1',
	sandboxNote: 'not confirmed by Lumin',
};

/** Lumin answers every 4xx with {error_code, error_message}; the codes themselves are not published. */
function parseError(status: number, body: unknown): VendorFailure {
	const b = (body ?? {}) as { error_code?: string; error_message?: string; message?: string };
	const failure: VendorFailure = {
		code: b.error_code,
		message: b.error_message ?? b.message ?? `HTTP ${status}`,
	};
	if (status === 401)
		failure.hint =
			'Check the API key in the Lumin credential (Settings → Developer settings → API keys).';
	if (status === 403) {
		failure.hint =
			'Embedded signing needs the embedding domain allow-listed for this key by Lumin support, and the request must have been created through the API.';
	}
	if (status === 404)
		failure.hint = 'Check the signature request ID: it must belong to the account of this API key.';
	return failure;
}

export const LUMIN: VendorSpec = {
	name: 'Lumin',
	credentialType: 'luminApi',
	environments: LUMIN_ENVIRONMENTS,
	secretFields: ['apiKey'],
	parseError,
	defaultConcurrency: 20,
};
