import { runListSearch } from '../harness/context';
import { useLumin } from './setup';

const V11 = { typeVersion: 1.1 };
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });
const inOneWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();

const sendFromTemplate = (templateId: unknown) => ({
	operation: 'sendFromTemplate',
	templateId,
	title: 'Offer for Ana',
	signers: { signer: [{ name: 'Ana', email: 'ana@example.com', role: 'Candidate', group: 0 }] },
	expiresAt: inOneWeek(),
	options: {},
});

describe('Lumin → Template picker (resource locator)', () => {
	const { sim, run, credentials } = useLumin();
	const search = (
		options: { filter?: string; paginationToken?: string } = {},
		store = credentials(),
	) => runListSearch('lumin', 'searchTemplates', store, options);

	beforeAll(() => {
		for (let n = 0; n < 60; n++)
			sim.templates.push({ id: `sign_tpl_${n}`, name: `Contract ${n}`, roles: ['Client'] });
	});

	it('lists templates 50 a page with the version header Lumin requires, the ID as value', async () => {
		const { results, paginationToken } = await search();
		const [received] = sim.received('GET', '/templates');
		expect(received.query).toEqual({ page: '1', limit: '50' });
		expect(received.headers['x-lumin-api-version']).toBe('1.1');
		expect(received.headers['x-api-key']).toBe(sim.apiKey);
		expect(results).toHaveLength(50);
		expect(results[0]).toEqual({ name: 'Mutual NDA', value: 'sign_tpl_nda' });
		expect(paginationToken).toBe('2');
	});

	it('gives the next page for the page token, and no token on the last page', async () => {
		const second = await search({ paginationToken: '2' });
		expect(sim.received('GET', '/templates')[0].query).toEqual({ page: '2', limit: '50' });
		expect(second.results).toHaveLength(sim.templates.length - 50);
		expect(second.paginationToken).toBeUndefined();
	});

	it('filters a page by what is typed (Lumin has no template search)', async () => {
		const { results } = await search({ filter: 'offer' });
		expect(results).toEqual([{ name: 'Offer Letter', value: 'pdf_tpl_offer' }]);
	});

	it("fails with Lumin's error for a refused key, without showing the key", async () => {
		await expect(search({}, credentials({ apiKey: 'not-the-key' }))).rejects.toThrow(/^Lumin/);
	});

	it.each([
		['From List', locator('list', 'pdf_tpl_offer')],
		['By ID', locator('id', 'pdf_tpl_offer')],
		['By ID from an expression', locator('id', '={{ "pdf_tpl_offer" }}')],
	])('Send From Template sends the template picked %s', async (_mode, templateId) => {
		const { error } = await run(sendFromTemplate(templateId), V11);
		expect(error).toBeUndefined();
		expect(sim.received('POST', '/signature_request/send-from-template')[0].body).toMatchObject({
			template_id: 'pdf_tpl_offer',
		});
	});

	it('a template ID saved by version 1 (the old dropdown) still runs', async () => {
		const { error } = await run(sendFromTemplate('pdf_tpl_offer'));
		expect(error).toBeUndefined();
		expect(sim.received('POST', '/signature_request/send-from-template')[0].body).toMatchObject({
			template_id: 'pdf_tpl_offer',
		});
	});

	it('refuses a URL and a path-breaking ID, naming the field and value, sending nothing', async () => {
		const url = await run(
			sendFromTemplate(locator('url', 'https://app.luminpdf.com/templates/pdf_tpl_offer')),
			V11,
		);
		expect(url.error?.message).toBe(
			'Template: "https://app.luminpdf.com/templates/pdf_tpl_offer" is not allowed. Pick the template from the list or enter its ID.',
		);
		const id = await run(sendFromTemplate(locator('id', '={{ "tpl/1" }}')), V11);
		expect(id.error?.message).toContain('Template: "tpl/1" is not allowed');
		expect(sim.requests).toHaveLength(0);
	});
});
