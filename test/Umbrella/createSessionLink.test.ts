import { seedParameters, useUmbrella } from './setup';

describe('Umbrella QES → QES Onboarding → Create Session Link', () => {
	const { sim, run } = useUmbrella();

	it('sends the seed request with a Bearer token and outputs requestId, url and expiresAfter', async () => {
		const { items, error } = await run(seedParameters);

		expect(error).toBeUndefined();
		const [auth] = sim.received('POST', '/auth');
		expect(auth.headers['api-key']).toBe(sim.apiKey);
		expect(auth.headers['customer-id']).toBe(sim.customerId);
		expect(auth.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(auth.rawBody.length).toBe(0);

		const calls = sim.received('POST', '/onboarding/createSessionLink');
		expect(calls).toHaveLength(1);
		const [received] = calls;
		expect(received.headers.authorization).toMatch(/^Bearer eyJ/);
		expect(sim.tokens.has(String(received.headers.authorization).slice('Bearer '.length))).toBe(
			true,
		);
		expect(received.headers['content-type']).toContain('application/json');
		expect(received.body).toEqual({
			email: 'support@idcanopy.com',
			phoneNumber: '+436508021530',
			redirectUrl: 'https://example.com/onboarding/success',
			docUrl: 'https://cdn.idcanopy.com/pdf/onb-t3.pdf',
			signForms: [
				{ fieldId: 'Signature1', actorId: 'userToIdentify' },
				{ fieldId: 'Signature2', actorId: 'userToIdentify' },
			],
			fillForm: [
				{ fieldId: 'name', value: '${identification.firstName}' },
				{ fieldId: 'surname', value: '${identification.lastName}' },
			],
		});

		expect(items).toHaveLength(1);
		const out = items[0].json;
		expect(Object.keys(out).sort()).toEqual(['expiresAfter', 'requestId', 'url']);
		expect(sim.sessions.has(out.requestId as string)).toBe(true);
		expect(out.url).toMatch(/^https:\/\/.+actorTrip\/urlback\?t=/);
		expect(Date.parse(out.expiresAfter as string)).toBeGreaterThan(Date.now());
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('leaves out signature and fill-form fields that were not added, and uses userToIdentify as the default actor', async () => {
		const { error } = await run({
			...seedParameters,
			signForms: { field: [{ fieldId: 'Sig' }] },
			fillForm: {},
		});
		expect(error).toBeUndefined();
		const [received] = sim.received('POST', '/onboarding/createSessionLink');
		expect(received.body.signForms).toEqual([{ fieldId: 'Sig', actorId: 'userToIdentify' }]);
		expect(received.body).not.toHaveProperty('fillForm');
	});

	it.each([
		['typed as a fixed value', '${identification.firstName}', '${identification.firstName}'],
		[
			'inside an expression',
			'={{ "Dr. " }}${identification.firstName} ${identification.documentDetails.number}',
			'Dr. ${identification.firstName} ${identification.documentDetails.number}',
		],
		['with surrounding spaces', '  ${identification.lastName} ', '  ${identification.lastName} '],
	])('passes the placeholder %s to Umbrella byte for byte', async (_how, value, expected) => {
		const { error } = await run({
			...seedParameters,
			fillForm: { field: [{ fieldId: 'name', value }] },
		});
		expect(error).toBeUndefined();
		const [received] = sim.received('POST', '/onboarding/createSessionLink');
		expect(received.rawBody.toString('utf8')).toContain(JSON.stringify(expected));
		expect(received.body.fillForm).toEqual([{ fieldId: 'name', value: expected }]);
	});

	it.each([
		['email', 'not-an-email', 'Email: "not-an-email" is not allowed', /email address/],
		['email', '={{ "" }}', 'Email: "" is not allowed', /email address/],
		['phoneNumber', '+43 650 8021530', 'Phone Number: "+43 650 8021530" is not allowed', /E\.164/],
		['phoneNumber', '+0436508021530', 'Phone Number: "+0436508021530" is not allowed', /E\.164/],
		[
			'phoneNumber',
			'+1234567890123456',
			'Phone Number: "+1234567890123456" is not allowed',
			/2 to 15 digits/,
		],
		['phoneNumber', '={{ "" }}', 'Phone Number: "" is not allowed', /E\.164/],
		[
			'redirectUrl',
			'example.com/done',
			'Redirect URL: "example.com/done" is not allowed',
			/full URL/,
		],
		[
			'redirectUrl',
			'javascript:alert(1)',
			'Redirect URL: "javascript:alert(1)" is not allowed',
			/http:\/\/ and https:\/\//,
		],
		[
			'docUrl',
			'http://cdn.idcanopy.com/pdf/onb-t3.pdf',
			'Document URL: "http://cdn.idcanopy.com/pdf/onb-t3.pdf" is not allowed',
			/https:\/\//,
		],
		['docUrl', 'onb-t3.pdf', 'Document URL: "onb-t3.pdf" is not allowed', /https:\/\//],
		[
			'docUrl',
			'https://user:pw@cdn.example.com/a.pdf',
			'Document URL: "https://user:pw@cdn.example.com/a.pdf" is not allowed',
			/without logging in/,
		],
	])(
		'rejects %s = %p before any request, naming the field, the value and what is allowed',
		async (field, value, start, allowed) => {
			const { items, error } = await run({ ...seedParameters, [field]: value });
			expect(items).toHaveLength(0);
			expect(error?.message).toContain(start);
			expect(error?.message).toMatch(allowed);
			expect(sim.requests).toHaveLength(0);
		},
	);

	it.each([
		['a number expression', { phoneNumber: '={{ 436501234567 }}' }, [{ json: {} }]],
		[
			'a number from the input item',
			{ phoneNumber: '={{ $json.phone }}' },
			[{ json: { phone: 436501234567 } }],
		],
	])(
		'reads a phone number that arrives as %s as the digits of an international number',
		async (_how, override, input) => {
			const { items, error } = await run({ ...seedParameters, ...override }, { input });
			expect(error).toBeUndefined();
			const calls = sim.received('POST', '/onboarding/createSessionLink');
			expect(calls).toHaveLength(1);
			expect(calls[0].body.phoneNumber).toBe('+436501234567');
			expect(items[0].json.requestId).toBeDefined();
		},
	);

	it.each([
		['={{ 1234567890123456 }}', 'Phone Number: 1234567890123456 is not allowed', /2 to 15 digits/],
		['={{ 4365.5 }}', 'Phone Number: 4365.5 is not allowed', /E\.164/],
		['={{ 0 }}', 'Phone Number: 0 is not allowed', /E\.164/],
		['={{ -436501234567 }}', 'Phone Number: -436501234567 is not allowed', /E\.164/],
	])(
		'rejects the number %s that is still not E.164, naming the field, the value and the form',
		async (phoneNumber, start, allowed) => {
			const { items, error } = await run({ ...seedParameters, phoneNumber });
			expect(items).toHaveLength(0);
			expect(error?.message).toContain(start);
			expect(error?.message).toMatch(allowed);
			expect(error?.message).toContain('(e.g. +436501234567)');
			expect(sim.requests).toHaveLength(0);
		},
	);

	it('rejects signature and fill-form rows without a field ID, or an empty actor, before any request', async () => {
		const noField = await run({
			...seedParameters,
			signForms: { field: [{ fieldId: ' ', actorId: 'userToIdentify' }] },
		});
		expect(noField.error?.message).toContain(
			'Signature Fields → #1 → Field ID: " " is not allowed. The field ID is required.',
		);
		const noActor = await run({
			...seedParameters,
			signForms: { field: [{ fieldId: 'Sig', actorId: '' }] },
		});
		expect(noActor.error?.message).toContain(
			'Signature Fields → #1 → Actor ID: "" is not allowed. The actor ID is required.',
		);
		const noFill = await run({
			...seedParameters,
			fillForm: {
				field: [
					{ fieldId: 'ok', value: 'x' },
					{ fieldId: '', value: 'y' },
				],
			},
		});
		expect(noFill.error?.message).toContain('Fill Form Fields → #2 → Field ID: "" is not allowed');
		expect(sim.requests).toHaveLength(0);
	});

	it('rejects a PDF field listed twice before any request, comparing field IDs exactly', async () => {
		const sig = await run({
			...seedParameters,
			signForms: {
				field: [
					{ fieldId: 'Sig', actorId: 'a' },
					{ fieldId: 'Sig', actorId: 'b' },
				],
			},
		});
		expect(sig.error?.message).toBe(
			'Signature Fields → #2 → Field ID: "Sig" is not allowed: it repeats Signature Fields → #1 → Field ID. Each PDF field can be signed once.',
		);
		const fill = await run({
			...seedParameters,
			fillForm: {
				field: [
					{ fieldId: 'name', value: 'a' },
					{ fieldId: 'x', value: 'b' },
					{ fieldId: 'name', value: 'c' },
				],
			},
		});
		expect(fill.error?.message).toBe(
			'Fill Form Fields → #3 → Field ID: "name" is not allowed: it repeats Fill Form Fields → #1 → Field ID. Give each PDF field one value.',
		);
		expect(sim.requests).toHaveLength(0);
		// PDF field names are case-sensitive: "Sig" and "sig" are two fields.
		const cased = await run({
			...seedParameters,
			signForms: {
				field: [
					{ fieldId: 'Sig', actorId: 'a' },
					{ fieldId: 'sig', actorId: 'b' },
				],
			},
		});
		expect(cased.error).toBeUndefined();
		expect(sim.received('POST', '/onboarding/createSessionLink')).toHaveLength(1);
	});

	it('fails the item with Umbrella’s message when the answer is HTTP 200 with status false', async () => {
		sim.inject(
			{
				kind: 'status',
				status: 200,
				body: { status: false, message: 'Document could not be downloaded' },
			},
			1,
			(r) => r.path === '/onboarding/createSessionLink',
		);
		const { items, error } = await run(seedParameters);
		expect(items).toHaveLength(0);
		expect(error?.message).toBe('Umbrella [status_false]: Document could not be downloaded');
		expect((error as any).httpCode).toBe('200');
		expect((error as any).context.itemIndex).toBe(0);
		expect(sim.received('POST', '/onboarding/createSessionLink')).toHaveLength(1);
	});

	it('reports Umbrella’s 400 {message} with a hint about the payload', async () => {
		// Umbrella can refuse what the node cannot check beforehand, such as a PDF it cannot read.
		sim.inject(
			{ kind: 'status', status: 400, body: { message: 'Invalid request payload' } },
			1,
			(r) => r.path === '/onboarding/createSessionLink',
		);
		const { error } = await run(seedParameters);
		expect(error?.message).toBe('Umbrella: Invalid request payload');
		expect((error as any).httpCode).toBe('400');
		expect((error as any).description).toContain('E.164');
	});

	it('keeps going with Continue On Fail: one error item and one session, each paired with its input', async () => {
		const { items, error } = await run(
			{ ...seedParameters, phoneNumber: '={{ $json.phone }}' },
			{
				input: [{ json: { phone: '0650 123' } }, { json: { phone: '+436501234567' } }],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toContain('Phone Number: "0650 123" is not allowed');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.requestId).toBeDefined();
		expect(items[1].pairedItem).toEqual({ item: 1 });
		const calls = sim.received('POST', '/onboarding/createSessionLink');
		expect(calls).toHaveLength(1);
		expect(calls[0].body.phoneNumber).toBe('+436501234567');
	});
});
