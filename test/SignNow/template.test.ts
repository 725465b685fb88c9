import { runListSearch } from '../harness/context';
import { useSignNow } from './setup';

const V11 = { typeVersion: 1.1 };
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });
const COPY = '/template/:id/copy';

describe('signNow → Template → Create Document', () => {
	const { sim, run, credentials, apiRequests } = useSignNow();
	const create = (templateId: unknown, options: Record<string, unknown> = {}, extra = {}) =>
		run({ resource: 'template', operation: 'createDocument', templateId, options }, extra);

	it('copies the template with the name given: the new document has its roles and text fields', async () => {
		const template = sim.seedTemplate();
		const { items, error } = await create(template.id, { documentName: 'Offer for Ana Silva' });
		expect(error).toBeUndefined();
		const [post] = sim.received('POST', COPY);
		expect(post.path).toBe(`/template/${template.id}/copy`);
		expect(post.headers.authorization).toMatch(/^Bearer /);
		expect(post.body).toEqual({ document_name: 'Offer for Ana Silva' });

		const id = items[0].json.id as string;
		expect(items[0].json).toEqual({
			id,
			document_name: 'Offer for Ana Silva',
			template_id: template.id,
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const copy = sim.documents.get(id)!;
		expect(copy.template).toBe(false);
		expect(copy.roles.map((r) => r.name)).toEqual(['Customer']);
		expect(copy.fields.map((f) => f.json_attributes?.name).filter(Boolean)).toEqual([
			'Customer Name',
			'Price',
		]);
	});

	it('without a name, sends none and the document takes the template’s name', async () => {
		const template = sim.seedTemplate({ document_name: 'Lease template' });
		const { items, error } = await create(template.id);
		expect(error).toBeUndefined();
		expect(sim.received('POST', COPY)[0].body).toBeUndefined();
		expect(items[0].json.document_name).toBe('Lease template');
	});

	it('takes the template from the picker, by ID or by its signNow URL (version 1.1)', async () => {
		const template = sim.seedTemplate();
		for (const value of [
			locator('list', template.id),
			locator('id', template.id),
			locator('url', `https://app.signnow.com/webapp/document/${template.id}`),
		]) {
			sim.clearLog();
			const { error } = await create(value, {}, V11);
			expect(error).toBeUndefined();
			expect(sim.received('POST', COPY)[0].path).toBe(`/template/${template.id}/copy`);
		}
	});

	it('fails with signNow’s own error for a document that is not a template', async () => {
		const doc = sim.seed();
		const { error } = await create(doc.id);
		expect(error?.message).toBe('signNow [65586]: Document is not a template');
		expect((error as any).httpCode).toBe('400');
	});

	it.each([
		['an empty template ID', '={{ "" }}', {}, 'Template ID: "" is not allowed.'],
		[
			'a template ID that would reach another endpoint',
			'={{ "abc/../user" }}',
			{},
			'Template ID: "abc/../user" is not allowed.',
		],
		[
			'a name over 255 characters',
			'a0b1c2',
			{ documentName: 'x'.repeat(256) },
			'Document Name: "xxxx',
		],
	])('refuses %s before any request', async (_what, templateId, options, start) => {
		const { error } = await create(templateId, options);
		expect(error?.message).toContain(start);
		expect(apiRequests()).toHaveLength(0);
	});

	it('copied, then the answer lost: sent once, reported as unknown with where to look', async () => {
		const template = sim.seedTemplate();
		const before = sim.documents.size;
		sim.inject({ kind: 'applied', then: 'drop' }, 1, (r) => r.path.endsWith('/copy'));
		const { items, error } = await create(template.id, {}, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(sim.received('POST', COPY)).toHaveLength(1);
		expect(sim.documents.size).toBe(before + 1);
		expect(items[0].json).toMatchObject({
			code: 'outcome_unknown',
			error:
				'signNow [outcome_unknown]: the connection closed before the answer arrived, so it is not known whether a document was created from the template',
			description: expect.stringContaining('Documents, newest first'),
		});
	});

	it('an answer without the new document’s ID is no success', async () => {
		const template = sim.seedTemplate();
		sim.inject({ kind: 'status', status: 200, body: { name: 'copy' } }, 1, (r) =>
			r.path.endsWith('/copy'),
		);
		const { error } = await create(template.id);
		expect(error?.message).toBe(
			'signNow [incomplete_answer]: answered without what this operation needs (id is missing)',
		);
	});

	describe('Template picker', () => {
		it('lists the account’s templates only, last changed first, searchable by name', async () => {
			sim.seed({ document_name: 'Signed lease' });
			const older = sim.seedTemplate({ document_name: 'NDA template', updated: 1_700_000_000 });
			const newer = sim.seedTemplate({ document_name: 'Offer template', updated: 1_800_000_000 });
			const all = await runListSearch('signNow', 'searchDocumentTemplates', credentials());
			expect(sim.received('GET', '/user/documentsv2')).toHaveLength(1);
			const ids = all.results.map((r) => r.value);
			expect(ids).toContain(older.id);
			expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
			expect(all.results.every((r) => sim.documents.get(String(r.value))!.template)).toBe(true);
			const found = await runListSearch('signNow', 'searchDocumentTemplates', credentials(), {
				filter: 'nda',
			});
			expect(found.results).toEqual([{ name: 'NDA template', value: older.id }]);
		});
	});
});
