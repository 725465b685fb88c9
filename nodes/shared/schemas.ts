import { z } from 'zod';

/** Reusable zod pieces for node parameters; messages say what is allowed. */

export const email = z
	.string()
	.trim()
	.email('Must be an email address such as name@example.com.');

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

export const httpUrl = z.string().trim().url('Must be a full URL such as https://example.com/page.');

/** A date in the future, returned as Unix milliseconds. */
export const futureDate = z
	.string()
	.trim()
	.min(1, 'A date is required.')
	.transform((v, ctx) => {
		const ms = Date.parse(v);
		if (Number.isNaN(ms)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Must be a date such as 2026-12-31T17:00:00Z.' });
			return z.NEVER;
		}
		if (ms <= Date.now()) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Must be in the future.' });
			return z.NEVER;
		}
		return ms;
	});

/** An integer within [min, max]; the message states the range with an optional unit note. */
export const intInRange = (min: number, max: number, note = '') =>
	z.coerce
		.number({ invalid_type_error: `Must be a whole number from ${min} to ${max}${note}.` })
		.int(`Must be a whole number from ${min} to ${max}${note}.`)
		.min(min, `Must be from ${min} to ${max}${note}.`)
		.max(max, `Must be from ${min} to ${max}${note}.`);

/** A comma- or newline-separated list typed into one field. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).map((v) => v.trim()).filter(Boolean);
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
	z.preprocess(parseJsonText([]), z.array(item, { invalid_type_error: `Must be a JSON list such as ${example}.` }));
