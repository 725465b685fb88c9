import { samplePdf } from '../simulators/base';
import { useLumin } from './setup';

const inOneWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();
const signer = { name: 'Ana Signer', email: 'ana@example.com', group: 0 };

describe('Lumin → Signature Request → Send', () => {
	const { sim, run } = useLumin();

	it('sends one public URL as file_url with signers, viewers, due date in ms and signing order', async () => {
		const expiresAt = inOneWeek();
		const { items, error } = await run({
			operation: 'send',
			title: 'Service agreement',
			documentSource: 'url',
			fileUrls: 'https://files.example.com/contract.pdf',
			signers: { signer: [signer] },
			viewers: { viewer: [{ name: 'Vic Viewer', email: 'vic@example.com' }] },
			expiresAt,
			options: { useTextTags: true, customEmail: { subject_name: 'Please sign' } },
		});
		expect(error).toBeUndefined();
		const [received] = sim.received('POST', '/signature_request/send');
		expect(received.headers['x-api-key']).toBe(sim.apiKey);
		expect(received.body).toEqual({
			title: 'Service agreement',
			file_url: 'https://files.example.com/contract.pdf',
			signers: [{ email_address: 'ana@example.com', name: 'Ana Signer' }],
			viewers: [{ email_address: 'vic@example.com', name: 'Vic Viewer' }],
			expires_at: Date.parse(expiresAt),
			signing_type: 'SAME_TIME',
			use_text_tags: true,
			custom_email: { subject_name: 'Please sign' },
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ status: 'WAITING_FOR_PROCESSING' });
		expect(items[0].json.signature_request_id).toMatch(/^sr_/);
	});

	it('sends several URLs as file_urls and in-order signing with groups', async () => {
		const { error } = await run({
			operation: 'send',
			title: 'Two files',
			documentSource: 'url',
			fileUrls: 'https://files.example.com/a.pdf, https://files.example.com/b.pdf',
			signers: {
				signer: [
					{ ...signer, group: 1 },
					{ name: 'Ben', email: 'ben@example.com', group: 2 },
				],
			},
			expiresAt: inOneWeek(),
			signingType: 'ORDER',
		});
		expect(error).toBeUndefined();
		const body = sim.received('POST', '/signature_request/send')[0].body;
		expect(body.file_urls).toEqual([
			'https://files.example.com/a.pdf',
			'https://files.example.com/b.pdf',
		]);
		expect(body.file_url).toBeUndefined();
		expect(body.signers).toEqual([
			{ email_address: 'ana@example.com', name: 'Ana Signer', group: 1 },
			{ email_address: 'ben@example.com', name: 'Ben', group: 2 },
		]);
		expect(body.signing_type).toBe('ORDER');
	});

	it('uploads a binary file from the input item as multipart', async () => {
		const pdf = samplePdf('upload');
		const { items, error } = await run(
			{
				operation: 'send',
				title: 'Uploaded',
				documentSource: 'binary',
				binaryPropertyNames: 'data',
				signers: { signer: [signer] },
				expiresAt: inOneWeek(),
			},
			{
				input: [
					{
						json: {},
						binary: {
							data: {
								data: pdf.toString('base64'),
								mimeType: 'application/pdf',
								fileName: 'nda.pdf',
							},
						},
					},
				],
			},
		);
		expect(error).toBeUndefined();
		const [received] = sim.received('POST', '/signature_request/send');
		expect(received.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		const file = received.parts!.find((p) => p.name === 'file')!;
		expect(file.filename).toBe('nda.pdf');
		expect(file.data.equals(pdf)).toBe(true);
		expect(received.body['signers[0][email_address]']).toBe('ana@example.com');
		expect(items[0].json.signature_request_id).toMatch(/^sr_/);
	});

	it('names the missing binary field and sends nothing', async () => {
		const { error } = await run({
			operation: 'send',
			title: 'Uploaded',
			documentSource: 'binary',
			binaryPropertyNames: 'contract',
			signers: { signer: [signer] },
			expiresAt: inOneWeek(),
		});
		expect(error?.message).toBe(
			'Input Binary Fields: "contract" is not a binary field of this item',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it.each([
		[
			'a due date in the past',
			{ expiresAt: '2020-01-01T00:00:00Z' },
			'Expires At: "2020-01-01T00:00:00Z" is not allowed. Must be in the future.',
		],
		['a title over 255 characters', { title: 'x'.repeat(256) }, 'Title: '],
		[
			'an http:// file URL',
			{ fileUrls: 'http://files.example.com/a.pdf' },
			'File URLs → #1: "http://files.example.com/a.pdf" is not allowed. Only https:// URLs are accepted.',
		],
		['no signer', { signers: {} }, 'Signers: [] is not allowed. Add at least one signer.'],
		[
			'a signer without a valid email',
			{ signers: { signer: [{ name: 'X', email: 'x@', group: 0 }] } },
			'Signers → #1 → Email: "x@" is not allowed',
		],
		[
			'in-order signing without groups',
			{ signingType: 'ORDER' },
			'every signer needs a Signing Group of 1 or more; missing for ana@example.com',
		],
	])('rejects %s before any request', async (_name, override, message) => {
		const { error } = await run({
			operation: 'send',
			title: 'Contract',
			documentSource: 'url',
			fileUrls: 'https://files.example.com/a.pdf',
			signers: { signer: [signer] },
			expiresAt: inOneWeek(),
			...override,
		});
		expect(error?.message).toContain(message);
		expect(sim.requests).toHaveLength(0);
	});

	const RULE =
		'Each signer and viewer needs an email address of their own; upper and lower case count as the same.';

	it.each([
		[
			'two signers whose emails differ only in case',
			{ signers: { signer: [signer, { name: 'Ana Again', email: 'ANA@Example.com', group: 0 }] } },
			`Signers → #2 → Email: "ANA@Example.com" is not allowed: it repeats Signers → #1 → Email. ${RULE}`,
		],
		[
			'a viewer with a signer’s email',
			{
				viewers: {
					viewer: [
						{ name: 'Vic', email: 'vic@example.com' },
						{ name: 'Ana as viewer', email: 'Ana@example.com' },
					],
				},
			},
			`Viewers → #2 → Email: "Ana@example.com" is not allowed: it repeats Signers → #1 → Email. ${RULE}`,
		],
		[
			'two viewers with one email',
			{
				viewers: {
					viewer: [
						{ name: 'Vic', email: 'vic@example.com' },
						{ name: 'Vic 2', email: ' vic@example.com' },
					],
				},
			},
			`Viewers → #2 → Email: "vic@example.com" is not allowed: it repeats Viewers → #1 → Email. ${RULE}`,
		],
	])(
		'rejects %s before any request, naming the field, the value and the rule',
		async (_name, override, message) => {
			const { error } = await run({
				operation: 'send',
				title: 'Contract',
				documentSource: 'url',
				fileUrls: 'https://files.example.com/a.pdf',
				signers: { signer: [signer] },
				expiresAt: inOneWeek(),
				...override,
			});
			expect(error?.message).toBe(message);
			expect(sim.requests).toHaveLength(0);
		},
	);

	it('lists every repeated email, one line each', async () => {
		const { error } = await run({
			operation: 'send',
			title: 'Contract',
			documentSource: 'url',
			fileUrls: 'https://files.example.com/a.pdf',
			signers: {
				signer: [
					signer,
					{ name: 'B', email: 'b@example.com', group: 0 },
					{ name: 'A2', email: 'ana@example.com', group: 0 },
				],
			},
			viewers: { viewer: [{ name: 'B2', email: 'B@example.com' }] },
			expiresAt: inOneWeek(),
		});
		expect((error as any).description).toBe(
			[
				`Signers → #3 → Email: "ana@example.com" is not allowed: it repeats Signers → #1 → Email. ${RULE}`,
				`Viewers → #1 → Email: "B@example.com" is not allowed: it repeats Signers → #2 → Email. ${RULE}`,
			].join('\n'),
		);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Lumin → Signature Request → Send From Template', () => {
	const { sim, run } = useLumin();

	it('sends the template ID, signer roles and JSON field values', async () => {
		const { items, error } = await run({
			operation: 'sendFromTemplate',
			templateId: 'pdf_tpl_offer',
			title: 'Offer for Ana',
			signers: { signer: [{ name: 'Ana', email: 'ana@example.com', role: 'Candidate', group: 0 }] },
			expiresAt: inOneWeek(),
			options: { variables: '{"salary": "90000"}' },
		});
		expect(error).toBeUndefined();
		const body = sim.received('POST', '/signature_request/send-from-template')[0].body;
		expect(body).toMatchObject({
			template_id: 'pdf_tpl_offer',
			title: 'Offer for Ana',
			signers: [{ email_address: 'ana@example.com', name: 'Ana', signer_role: 'Candidate' }],
			variables: { salary: '90000' },
		});
		expect(body.fields).toBeUndefined();
		expect(items[0].json.status).toBe('WAITING_FOR_PROCESSING');
	});

	it('rejects variables that are not a JSON object before any request', async () => {
		const { error } = await run({
			operation: 'sendFromTemplate',
			templateId: 'pdf_tpl_offer',
			title: 'Offer',
			signers: { signer: [{ name: 'Ana', email: 'ana@example.com', role: '', group: 0 }] },
			expiresAt: inOneWeek(),
			options: { variables: '[1, 2]' },
		});
		expect(error?.message).toContain(
			'Variables (JSON): "[1, 2]" is not allowed. Must be a JSON object',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('rejects a signer email used twice before any request', async () => {
		const { error } = await run({
			operation: 'sendFromTemplate',
			templateId: 'pdf_tpl_offer',
			title: 'Offer',
			signers: {
				signer: [
					{ name: 'Ana', email: 'ana@example.com', role: 'Candidate', group: 0 },
					{ name: 'Ana', email: 'Ana@Example.COM', role: 'Manager', group: 0 },
				],
			},
			expiresAt: inOneWeek(),
		});
		expect(error?.message).toBe(
			'Signers → #2 → Email: "Ana@Example.COM" is not allowed: it repeats Signers → #1 → Email. Each signer and viewer needs an email address of their own; upper and lower case count as the same.',
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('passes on Lumin’s 404 for an unknown template', async () => {
		const { error } = await run({
			operation: 'sendFromTemplate',
			templateId: 'sign_missing',
			title: 'Offer',
			signers: { signer: [{ name: 'Ana', email: 'ana@example.com', role: '', group: 0 }] },
			expiresAt: inOneWeek(),
		});
		expect(error?.message).toBe('Lumin [template_not_found]: Template sign_missing not found');
		expect((error as any).httpCode).toBe('404');
	});
});
