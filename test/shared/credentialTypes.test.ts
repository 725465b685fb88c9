import { LEEGALITY } from '../../nodes/Leegality/transport';
import { LUMIN } from '../../nodes/Lumin/transport';
import type { VendorSpec } from '../../nodes/shared/transport/vendor';
import { SIGNATUREAPI } from '../../nodes/SignatureApi/transport';
import { SIGNNOW } from '../../nodes/SignNow/transport';
import { UMBRELLA } from '../../nodes/Umbrella/transport';
import { loadPackage } from '../harness/package';

/**
 * A credential type name stands as a literal where n8n's lint reads it (the credential class, each
 * node's description) and once in the vendor spec, which the code uses: all must be the same name.
 */
const VENDORS: Array<[VendorSpec, string[]]> = [
	[LUMIN, ['lumin', 'luminTrigger']],
	[SIGNATUREAPI, ['signatureApi', 'signatureApiTrigger']],
	[SIGNNOW, ['signNow', 'signNowTrigger']],
	[UMBRELLA, ['umbrella', 'umbrellaTrigger']],
	[LEEGALITY, ['leegality', 'leegalityTrigger']],
];

describe('credential type names', () => {
	it.each(VENDORS.map(([spec, nodes]) => [spec.name, spec, nodes] as const))(
		'%s: the spec, the credential class and both nodes name the same credential',
		async (_vendor, spec, nodes) => {
			const pkg = await loadPackage();
			expect(pkg.credentialTypes[spec.credentialType]?.name).toBe(spec.credentialType);
			for (const name of nodes) {
				expect(pkg.nodeType(name).description.credentials?.map((c) => c.name)).toEqual([
					spec.credentialType,
				]);
			}
		},
	);

	it('covers every credential of the package', async () => {
		const pkg = await loadPackage();
		expect(Object.keys(pkg.credentialTypes).sort()).toEqual(
			VENDORS.map(([spec]) => spec.credentialType).sort(),
		);
	});
});
