import { runLoadOptions } from '../harness/context';
import { useSignNow } from './setup';

const PREFILL = '/v2/documents/:id/prefill-texts';
const FIELDS = '/v2/documents/:id/fields';

describe('signNow → Document → Prefill Text Fields', () => {
	const { sim, run, credentials, apiRequests } = useSignNow();
	const prefill = (documentId: string, fields: Array<Record<string, unknown>>, extra = {}) =>
		run(
			{
				resource: 'document',
				operation: 'prefillTextFields',
				documentId,
				fields: { field: fields },
			},
			extra,
		);
	const seeded = () =>
		sim.seed({ roleNames: ['Customer'], textFields: ['Customer Name', 'Price'] });
	const textOf = (doc: ReturnType<typeof seeded>, name: string) =>
		doc.fields.find((f) => f.json_attributes?.name === name)?.json_attributes?.prefilled_text;

	it('reads the fields, then writes every text in one request', async () => {
		const doc = seeded();
		const { items, error } = await prefill(doc.id, [
			{ fieldName: 'Customer Name', text: 'Ana Silva' },
			{ fieldName: 'Price', text: '1,200 EUR' },
		]);
		expect(error).toBeUndefined();
		expect(sim.received('GET', FIELDS)[0].path).toBe(`/v2/documents/${doc.id}/fields`);
		const puts = sim.received('PUT', PREFILL);
		expect(puts).toHaveLength(1);
		expect(puts[0].body).toEqual({
			fields: [
				{ field_name: 'Customer Name', prefilled_text: 'Ana Silva' },
				{ field_name: 'Price', prefilled_text: '1,200 EUR' },
			],
		});
		expect(textOf(doc, 'Customer Name')).toBe('Ana Silva');
		expect(textOf(doc, 'Price')).toBe('1,200 EUR');
		expect(items.map((i) => i.json)).toEqual([
			{
				document_id: doc.id,
				prefilled: [
					{ field_name: 'Customer Name', prefilled_text: 'Ana Silva' },
					{ field_name: 'Price', prefilled_text: '1,200 EUR' },
				],
			},
		]);
	});

	it('writes a number from an expression as its digits', async () => {
		const doc = seeded();
		const { error } = await prefill(doc.id, [{ fieldName: 'Price', text: '={{ 1200 }}' }]);
		expect(error).toBeUndefined();
		expect(sim.received('PUT', PREFILL)[0].body).toEqual({
			fields: [{ field_name: 'Price', prefilled_text: '1200' }],
		});
	});

	it('names a field the document lacks, or one that is not a text field, and writes nothing', async () => {
		const doc = seeded();
		const unknown = await prefill(doc.id, [{ fieldName: 'Discount', text: '10%' }]);
		expect(unknown.error?.message).toBe(
			'Fields → #1 → Field Name or ID: "Discount" is not allowed. The document has no field of that name. Its text fields are "Customer Name", "Price".',
		);
		const signature = await prefill(doc.id, [{ fieldName: 'signature_1', text: 'x' }]);
		expect(signature.error?.message).toBe(
			'Fields → #1 → Field Name or ID: "signature_1" is not allowed. It is a signature field; only text fields can be prefilled. Its text fields are "Customer Name", "Price".',
		);
		expect(sim.received('PUT', PREFILL)).toHaveLength(0);
	});

	it('refuses the same field twice and an empty list before any request', async () => {
		const twice = await prefill('a0b1c2', [
			{ fieldName: 'Price', text: '1' },
			{ fieldName: 'Price', text: '2' },
		]);
		expect(twice.error?.message).toBe(
			'Fields → #2 → Field Name or ID: "Price" is not allowed: it repeats Fields → #1 → Field Name or ID. Each field is prefilled once.',
		);
		const none = await prefill('a0b1c2', []);
		expect(none.error?.message).toBe('Fields: [] is not allowed. Add at least one field.');
		expect(apiRequests()).toHaveLength(0);
	});

	it('signNow’s own error reaches the item in its words', async () => {
		const doc = seeded();
		sim.inject(
			{
				kind: 'status',
				status: 400,
				body: { errors: [{ code: 65609, message: 'Field "Price" is locked' }] },
			},
			1,
			(r) => r.method === 'PUT',
		);
		const { error } = await prefill(doc.id, [{ fieldName: 'Price', text: '9' }]);
		expect(error?.message).toBe('signNow [65609]: Field "Price" is locked');
	});

	it('written, then the answer lost: one read of the fields shows the texts, so it is a success, sent once', async () => {
		const doc = seeded();
		sim.inject({ kind: 'applied', then: 504 }, 1, (r) => r.method === 'PUT');
		const { items, error } = await prefill(doc.id, [{ fieldName: 'Price', text: '700 EUR' }]);
		expect(error).toBeUndefined();
		expect(sim.received('PUT', PREFILL)).toHaveLength(1);
		expect(sim.received('GET', FIELDS)).toHaveLength(2);
		expect(items[0].json.document_id).toBe(doc.id);
	});

	it('lost before signNow wrote it: the read shows other texts, so the outcome is unknown, and running again is said to be safe', async () => {
		const doc = seeded();
		sim.inject(
			{ kind: 'status', status: 502, body: '<html>Bad gateway</html>' },
			1,
			(r) => r.method === 'PUT',
		);
		const { items } = await prefill(doc.id, [{ fieldName: 'Price', text: '700 EUR' }], {
			continueOnFail: true,
		});
		expect(sim.received('PUT', PREFILL)).toHaveLength(1);
		expect(textOf(doc, 'Price')).toBeUndefined();
		expect(items[0].json).toMatchObject({
			code: 'outcome_unknown',
			httpCode: '502',
			description: expect.stringContaining('can safely be run again'),
		});
	});

	it('the Field Name dropdown lists the picked document’s text fields, with what they hold now', async () => {
		const doc = seeded();
		doc.fields.find((f) => f.json_attributes?.name === 'Price')!.json_attributes!.prefilled_text =
			'100 EUR';
		const options = await runLoadOptions(
			'signNow',
			'getDocumentTextFields',
			{ resource: 'document', operation: 'prefillTextFields', documentId: doc.id },
			credentials(),
		);
		expect(options).toEqual([
			{ name: 'Customer Name', value: 'Customer Name' },
			{ name: 'Price', value: 'Price', description: 'Now: 100 EUR' },
		]);
		const none = await runLoadOptions(
			'signNow',
			'getDocumentTextFields',
			{ resource: 'document', operation: 'prefillTextFields', documentId: '={{ $json.id }}' },
			credentials(),
		);
		expect(none).toEqual([]);
	});
});
