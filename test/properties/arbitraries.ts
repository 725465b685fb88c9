/**
 * Invalid values a user can really produce, by kind of field, shared by every vendor. A value
 * is listed only where the vendor's documentation (the seeds, vendor-apis.md) or the field's own
 * description forbids it; values the node may sensibly accept (surrounding spaces it trims, a
 * list given as an array, a number typed as digits) are left out.
 */
import fc from 'fast-check';

const word = fc.stringMatching(/^[a-z][a-z0-9]{1,7}$/);
const idPart = fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/);
const host = fc
	.tuple(word, fc.constantFrom('com', 'io', 'de', 'in'))
	.map(([name, tld]) => `${name}.${tld}`);
const fileName = word.map((w) => `${w}.pdf`);
/** A small JSON object (fast-check may build objects without a prototype, which no item holds). */
const anObject = fc.dictionary(word, word, { minKeys: 1, maxKeys: 2, noNullPrototype: true });

/** Nothing typed, or only spaces. */
export const blank = fc.constantFrom('', ' ', '   ', '\t', '\n ');
/** The expression read a key the item does not have. */
export const missing = fc.constant(undefined);

/** What an expression yields when it maps the wrong thing into a text field. */
export const notText = fc.oneof(
	fc.integer({ min: -1000, max: 1_000_000 }),
	fc.boolean(),
	fc.constant(null),
	anObject,
	fc.array(word, { minLength: 1, maxLength: 2 }),
);

/** Like notText, without arrays: for fields that read a list of texts from an array. */
const notTextOrList = fc.oneof(fc.integer({ min: -1000, max: 1_000_000 }), fc.boolean(), anObject);

/** A non-empty text such as a name. */
export const requiredText = fc.oneof(blank, missing, notText);

/** An optional text: any string is fine, other types are not (null is read as "not set"). */
export const optionalTextWrongType = fc.oneof(
	fc.integer({ min: -1000, max: 1000 }),
	fc.boolean(),
	anObject,
);

/** Like optionalTextWrongType, for fields where the node reads any falsy value (0, false) as "not set". */
export const truthyNotText = fc.oneof(
	fc.integer({ min: 1, max: 1000 }),
	fc.constant(true),
	anObject,
);

/** `values` without blank, missing or null: for optional fields, where those mean "not set". */
export const present = (values: fc.Arbitrary<unknown>) =>
	values.filter(
		(v) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === ''),
	);

/** An ID that goes into a URL path: "/", "?", "#" or spaces would reach another endpoint. */
export const pathId = fc.oneof(
	blank,
	missing,
	notText,
	fc
		.tuple(idPart, fc.constantFrom('/', '?', '#', ' ', '/../', '?x=', '#top', '\t'), idPart)
		.map(([a, c, b]) => `${a}${c}${b}`),
);

/** An ID that must start with `prefix` (SignatureAPI's re_, del_). */
export const prefixedId = (prefix: string) =>
	fc.oneof(
		pathId,
		idPart.filter((id) => !id.startsWith(prefix)),
		idPart.map((id) => `${prefix.toUpperCase()}${id}`),
		idPart.map((id) => `${prefix.slice(0, -1)}-${id}`),
	);

export const malformedEmail = fc.oneof(
	word,
	word.map((w) => `${w}@`),
	host.map((h) => `@${h}`),
	fc.tuple(word, word).map(([l, d]) => `${l}@${d}`),
	fc.tuple(word, host).map(([l, h]) => `${l}@@${h}`),
	fc.tuple(word, word, host).map(([a, b, h]) => `${a} ${b}@${h}`),
	fc.tuple(word, word).map(([l, d]) => `${l}@${d}..com`),
	fc.tuple(word, host).map(([l, h]) => `${l}.@${h}`),
	fc.tuple(word, host).map(([l, h]) => `${l}@${h}.`),
	fc.tuple(word, host).map(([l, h]) => `${l}(at)${h}`),
	fc.tuple(word, host).map(([l, h]) => `<${l}@${h}>`),
);

/** One email address, as text: empty, malformed, or two in one. */
export const emailText = fc.oneof(
	blank,
	missing,
	malformedEmail,
	fc.tuple(word, host, word).map(([a, h, b]) => `${a}@${h}; ${b}@${h}`),
);

/** One email address. */
export const email = fc.oneof(emailText, notText);

/** An email address inside a list typed as "a@x.com, b@y.com" (the list itself may be an array). */
export const emailInList = fc.oneof(malformedEmail, notTextOrList);

/** Text longer than `max` characters (after trimming). */
export const longerThan = (max: number) =>
	fc
		.integer({ min: max + 1, max: max + 60 })
		.chain((n) => word.map((w) => w.repeat(Math.ceil(n / w.length)).slice(0, n)));

/** A URL that must be https:// (a public file the vendor downloads, a redirect that must be secure). */
export const httpsUrl = fc.oneof(
	blank,
	missing,
	notText,
	fc.tuple(host, fileName).map(([h, f]) => `http://${h}/${f}`),
	fc.tuple(host, fileName).map(([h, f]) => `${h}/${f}`),
	fc.tuple(host, fileName).map(([h, f]) => `www.${h}/${f}`),
	fc.tuple(host, fileName).map(([h, f]) => `ftp://${h}/${f}`),
	fc.tuple(host, fileName).map(([h, f]) => `https//${h}/${f}`),
	fc.tuple(word, fileName).map(([w, f]) => `https://${w} ${w}.com/${f}`),
	// Not "https:///contract.pdf": URL parsers read it as https://contract.pdf/, and so does Umbrella's ^https:// pattern.
	fc.constantFrom('https://', 'not a url', 'file:///home/me/contract.pdf', '/contracts/offer.pdf'),
);

/** A web address where http:// and https:// are both fine (a redirect, a webhook receiver). */
export const webUrl = fc.oneof(
	blank,
	missing,
	notText,
	fc.tuple(host, word).map(([h, p]) => `${h}/${p}`),
	fc.tuple(host, word).map(([h, p]) => `ftp://${h}/${p}`),
	fc.tuple(host, word).map(([h, p]) => `https//${h}/${p}`),
	fc.tuple(word, word).map(([a, p]) => `https://${a} ${a}.com/${p}`),
	fc.constantFrom(
		'https://',
		'not a url',
		'mailto:ops@example.com',
		'javascript:alert(1)',
		'/signed',
	),
);

/** An optional URL of any scheme (signNow's redirect URIs): what is there must parse as a URL. */
export const optionalUrl = fc.oneof(
	fc.tuple(host, word).map(([h, p]) => `${h}/${p}`),
	fc.tuple(host, word).map(([h, p]) => `www.${h}/${p}`),
	fc.tuple(word, word).map(([a, p]) => `https://${a} ${a}.com/${p}`),
	fc.constantFrom('https://', 'not a url', '/signed', 'https//example.com/done'),
	optionalTextWrongType,
);

/** Origins allowed to embed a page (CSP frame-ancestors sources), typed as a comma-separated list. */
export const origins = fc.oneof(
	fc.constantFrom(
		'https://',
		'https://exa mple.com',
		'https://exa_mple.com',
		'https://app.example.com:123456',
		'**',
		'https://a.example.com https://b.example.com',
		"'none' https://app.example.com",
	),
	word.map((w) => `https://app.example.com, https://${w} ${w}.com`),
	word.map((w) => `https://app.example.com, https://*.${w}.com, https://`),
	optionalTextWrongType,
);

/** Numbers outside [min, max], and fractions inside it. */
export const numberOutside = (min: number, max = Number.MAX_SAFE_INTEGER) =>
	fc.oneof(
		fc.integer({ min: Math.max(min - 1_000_000, Number.MIN_SAFE_INTEGER), max: min - 1 }),
		...(max < Number.MAX_SAFE_INTEGER ? [fc.integer({ min: max + 1, max: max + 1_000_000 })] : []),
		fc.integer({ min, max: Math.min(max, min + 1000) - 1 }).map((n) => n + 0.5),
	);

/** Text that is no number, or an object, where a number is expected. */
export const notANumber = fc.oneof(
	fc.constantFrom('abc', 'ten', '5 minutes', '1,5', '20s', 'NaN', 'Infinity'),
	fc.dictionary(word, fc.integer(), { minKeys: 1, maxKeys: 1, noNullPrototype: true }),
);

/** A whole number within [min, max]: outside it, fractions, and what is no number at all. */
export const integerIn = (min: number, max = Number.MAX_SAFE_INTEGER) =>
	fc.oneof(numberOutside(min, max), notANumber);

/**
 * A boolean or a one-element list where a whole number is expected: JavaScript turns them into
 * 1, 0 or the element, so a node that coerces with Number() accepts them.
 */
export const numberLookalike = (min: number, max: number) =>
	fc.oneof(
		fc.boolean(),
		fc.integer({ min, max }).map((n) => [n]),
	);

/**
 * One of `values` exactly: other words, another case, other types, nothing. `nullIsUnset` for
 * fields where the node reads null as "use the default" (a dropdown left as it is).
 */
export const oneOf = (values: readonly string[], { nullIsUnset = false } = {}) =>
	fc.oneof(
		word.filter((w) => !values.includes(w)),
		fc
			.constantFrom(...values)
			.map((v) => (v === v.toUpperCase() ? v.toLowerCase() : v.toUpperCase()))
			.filter((v) => !values.includes(v)),
		fc.constantFrom(...values).map((v) => `${v}s`),
		fc.integer({ min: 0, max: 9 }),
		anObject,
		blank,
		...(nullIsUnset ? [] : [fc.constant(null)]),
	);

/** A yes/no field given text or a number from an expression. */
export const notBoolean = fc.oneof(
	fc.constantFrom('true', 'false', 'yes', 'no', 'on', ''),
	fc.integer({ min: 0, max: 1 }),
	anObject,
);

/** Text that is not JSON at all. */
const malformedJson = fc.oneof(
	fc.constantFrom('{', '{"a":', "{'a': 1}", 'a=1', '{"a": 1,}', '[1, 2', 'undefined', '{a: 1}'),
	word.map((w) => `{"${w}": }`),
);

/** A JSON object field (key → value). */
export const jsonObject = fc.oneof(
	malformedJson,
	fc.constantFrom('[1, 2]', '"text"', '42', 'true', 'null', '[{"a": 1}]'),
	fc.array(word, { minLength: 1, maxLength: 2 }),
	fc.integer(),
);

/** A JSON list field whose entries are objects; `wrongEntries` adds lists of the wrong shape. */
export const jsonList = (
	wrongEntries: fc.Arbitrary<string> = fc.constantFrom('[1]', '["x"]', '[null]', '[[]]'),
) =>
	fc.oneof(
		malformedJson,
		fc.constantFrom('{}', '{"type": "signature"}', '"text"', '42', 'true'),
		wrongEntries,
		anObject,
	);

/** A date that must be in the future. */
export const futureDate = fc.oneof(
	blank,
	missing,
	fc
		.integer({ min: 1, max: 3650 })
		.map((days) => new Date(Date.now() - days * 86_400_000).toISOString()),
	fc.constantFrom(
		'tomorrow',
		'next week',
		'31/12/2030',
		'2030-13-01',
		'not a date',
		'2030-02-30T25:00:00Z',
	),
	fc.boolean(),
	anObject,
);

/** A phone number in E.164 form (+, country code, number; 2 to 15 digits). */
export const e164Phone = fc.oneof(
	blank,
	missing,
	notText,
	fc.constantFrom(
		'+43 650 1234567',
		'+43-650-1234567',
		'(0650) 1234567',
		'0650123456',
		'+0436501234567',
		'+4365012345678901',
		'+4',
		'tel:+436501234567',
		'phone',
	),
	fc.stringMatching(/^\+[1-9][0-9]{15,18}$/),
	fc.stringMatching(/^\+?[1-9][0-9]{3,8}[ a-z.-][0-9]{3,5}$/),
);

/** A mobile number Leegality can text: empty, or 10 to 15 digits with an optional + (unconfirmed rule). */
export const mobilePhone = fc.oneof(
	fc.stringMatching(/^[0-9]{1,9}$/),
	fc.stringMatching(/^\+?[0-9]{16,20}$/),
	fc.constantFrom('98765 43210', '+91-9876543210', '(987) 654-3210', 'phone', '+91 98765 43210'),
	fc.stringMatching(/^[0-9]{5}[a-z][0-9]{5}$/),
	fc.integer({ min: 1_000_000_000, max: 9_999_999_999 }),
	fc.boolean(),
);

/** The name of an output binary field. */
export const outputBinaryField = fc.oneof(blank, notText);

/** An input binary field that the item does not have. */
export const absentBinaryField = fc.constantFrom('file', 'attachment', 'document', 'data1', 'Data');
