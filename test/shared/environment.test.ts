import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { resolveBaseUrl, type VendorEnvironments } from '../../nodes/shared/environment';
import { loadPackage } from '../harness/package';

/**
 * Each credential's Test request computes its base URL with an expression, the nodes with
 * resolveBaseUrl: for every credential of the package and every environment they must agree.
 */
describe('credential environments', () => {
	it('point the Test button and the nodes at the same URL in every environment', async () => {
		const pkg = await loadPackage();
		const node = {
			id: 'n',
			name: 'n',
			type: 'n8n-nodes-esign.lumin',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: {},
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: pkg.nodeTypes,
		});
		const types = Object.entries(pkg.credentialTypes);
		expect(types.length).toBeGreaterThanOrEqual(1);
		for (const [name, type] of types) {
			const environment = type.properties.find((p) => p.name === 'environment');
			expect(environment).toBeDefined();
			const options = (environment!.options ?? []) as Array<{
				value: string;
				description?: string;
			}>;
			const urls: VendorEnvironments = {
				production: options.find((o) => o.value === 'production')!.description!,
				sandbox: options.find((o) => o.value === 'sandbox')?.description?.split(' ')[0],
			};
			for (const option of options) {
				const data: ICredentialDataDecryptedObject = {
					environment: option.value,
					customUrl: 'http://127.0.0.1:9/api/',
				};
				const viaTest = workflow.expression.getSimpleParameterValue(
					node,
					String(type.test!.request.baseURL),
					'internal',
					{ $credentials: data },
					undefined,
					'',
				);
				expect({ name, environment: option.value, url: viaTest }).toEqual({
					name,
					environment: option.value,
					url: resolveBaseUrl(data, urls),
				});
			}
		}
	});
});
