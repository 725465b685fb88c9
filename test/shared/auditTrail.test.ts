import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { loadPackage } from '../harness/package';

/** Every choice whose name says "Audit Trail", with the parameter it belongs to. */
function auditTrailChoices(properties: INodeProperties[], found: string[] = []): string[] {
	for (const property of properties) {
		for (const option of (property.options ?? []) as Array<
			INodePropertyOptions | INodeProperties
		>) {
			if ('value' in option && /Audit Trail/.test(option.name))
				found.push(`${property.name}=${String(option.value)}`);
			if ('type' in option) auditTrailChoices([option], found);
		}
	}
	return found;
}

/**
 * The audit trail (certificate of completion, history report, audit log) is found under one name,
 * "Audit Trail", in every node whose vendor makes one: the choice in Download's File, or, where
 * the vendor puts it inside the signed PDF it makes itself, the choice of that PDF.
 */
describe('the audit trail has one name in every node', () => {
	it.each([
		['lumin', ['fileType=coc', 'fileType=merged']],
		['signatureApi', ['deliverableType=standard']],
		['signNow', ['fileType=withHistory']],
		['leegality', ['fileType=AUDIT_TRAIL']],
		// Umbrella's API returns the signed PDF only.
		['umbrella', []],
	])('%s', async (node, expected) => {
		const pkg = await loadPackage();
		expect(auditTrailChoices(pkg.nodeType(node).description.properties)).toEqual(expected);
	});
});
