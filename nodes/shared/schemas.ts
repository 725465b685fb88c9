import type { INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

/** Reusable zod pieces for node parameters; messages say what is allowed. */

const EMAIL_RULE = 'Must be an email address such as name@example.com.';

export const email = z
	.string({ invalid_type_error: EMAIL_RULE, required_error: EMAIL_RULE })
	.trim()
	.email(EMAIL_RULE);

/** An email address or nothing (''), for fields that may stay empty. */
export const optionalEmail = z
	.string({ invalid_type_error: `${EMAIL_RULE} Leave it empty for none.` })
	.trim()
	.refine((v) => v === '' || email.safeParse(v).success, `${EMAIL_RULE} Leave it empty for none.`);

/** An ID placed in a URL path: non-empty and without "/", "?" or "#" so it cannot reach another endpoint. */
export const pathId = (what: string) =>
	z
		.string()
		.trim()
		.min(1, `The ${what} is required.`)
		.regex(/^[^/?#\s]+$/, `The ${what} must not contain "/", "?", "#" or spaces.`);

export const httpsUrl = z
	.string()
	.trim()
	.url('Must be a full URL starting with https://.')
	.refine((v) => v.startsWith('https://'), 'Only https:// URLs are accepted.');

export const httpUrl = z
	.string()
	.trim()
	.url('Must be a full URL such as https://example.com/page.');

/** A date in the future, returned as Unix milliseconds. */
export const futureDate = z
	.string()
	.trim()
	.min(1, 'A date is required.')
	.transform((v, ctx) => {
		const ms = Date.parse(v);
		if (Number.isNaN(ms)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: 'Must be a date such as 2026-12-31T17:00:00Z.',
			});
			return z.NEVER;
		}
		if (ms <= Date.now()) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Must be in the future.' });
			return z.NEVER;
		}
		return ms;
	});

/**
 * A number as a number field or an expression gives it: a number, or text that is one. A list,
 * true/false or an object is refused rather than turned into a number (z.coerce would read [14]
 * as 14 and true as 1).
 */
export const numberInput = (message: string) =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v),
		z.number({ invalid_type_error: message, required_error: message }).finite(message),
	);

/** A whole number within [min, max]; the message states the range with an optional unit note. */
export const intInRange = (min: number, max: number, note = '') => {
	const message = `Must be a whole number from ${min} to ${max}${note}.`;
	const range = `Must be from ${min} to ${max}${note}.`;
	return numberInput(message).pipe(z.number().int(message).min(min, range).max(max, range));
};

/** A whole number of at least `min`; `rule` says what it is for when it is smaller. */
export const intAtLeast = (min: number, rule = `Must be a whole number of ${min} or more.`) =>
	numberInput(rule).pipe(z.number().int(rule).min(min, rule));

/** A comma- or newline-separated list typed into one field. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value))
		return value
			.map(String)
			.map((v) => v.trim())
			.filter(Boolean);
	return String(value ?? '')
		.split(/[\n,]/)
		.map((v) => v.trim())
		.filter(Boolean);
}

/** JSON typed into a json parameter: n8n may hand over a string or the parsed value. */
const parseJsonText = (empty: unknown) => (v: unknown) => {
	if (typeof v !== 'string') return v;
	if (v.trim() === '') return empty;
	try {
		return JSON.parse(v);
	} catch {
		return v;
	}
};

export const jsonObject = z.preprocess(
	parseJsonText({}),
	z.record(z.unknown(), { invalid_type_error: 'Must be a JSON object such as {"key": "value"}.' }),
);

/** A JSON list of `item`s; `example` shows the expected form in the error message. */
export const jsonArray = <T extends z.ZodTypeAny>(item: T, example: string) =>
	z.preprocess(
		parseJsonText([]),
		z.array(item, { invalid_type_error: `Must be a JSON list such as ${example}.` }),
	);

/** "a, b or c", for messages that list what is allowed. */
function listOr(values: readonly string[]): string {
	return values.length > 1
		? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`
		: values.join('');
}

/**
 * Options in alphabetical order, the order n8n lists them in, for a list kept in another order
 * (the vendor's) because its messages name the values in that order.
 */
export function alphabetical(options: readonly INodePropertyOptions[]): INodePropertyOptions[] {
	return [...options].sort((a, b) => a.name.localeCompare(b.name));
}

/** The values of a dropdown's options, as z.enum takes them. */
function optionValues(options: readonly INodePropertyOptions[]): [string, ...string[]] {
	return options.map((option) => String(option.value)) as [string, ...string[]];
}

/**
 * One of the values a dropdown offers, so the list is written once, in the options; the message
 * lists them ("Must be a, b or c.") unless `rule` words it otherwise.
 */
export function oneOf(
	options: readonly INodePropertyOptions[],
	rule: (values: string[]) => string = (values) => `Must be ${listOr(values)}.`,
) {
	const values = optionValues(options);
	return z.enum(values, { errorMap: () => ({ message: rule(values) }) });
}
