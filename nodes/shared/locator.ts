import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';
import { z } from 'zod';

import { pathId } from './schemas';

/**
 * ID fields as resource locators: "From List" (the vendor's list, searchable), "By ID" and, where
 * the vendor has URLs for the thing, "By URL". Node version 1 keeps the plain text field it always
 * had, so workflows saved before open and run as they were; version 1.1 shows the locator.
 */

/** A URL the vendor gives the thing, and where the ID sits in it. */
export interface LocatorUrl {
	/** Hosts that serve such URLs; any other host is refused. */
	hosts: readonly string[];
	/** Matches the URL's path; the first group is the ID. */
	path: RegExp;
	/** Shown as the placeholder and in messages. */
	example: string;
}

export interface LocatorSpec {
	displayName: string;
	name: string;
	description: string;
	/** "envelope", as in "Select an envelope…". */
	what: string;
	searchListMethod: string;
	idPlaceholder?: string;
	/** Checks "By ID" in the editor, where the vendor's ID format is known. */
	idPattern?: { regex: string; errorMessage: string };
	url?: LocatorUrl;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** Only nodes of version 1 show the old text field; later versions show the locator. */
const onlyVersion1 = { show: { '@version': [1] } };
const fromVersion11 = { hide: { '@version': [1] } };

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The regex the editor checks a "By URL" value with: https, one of the hosts, the path. */
function urlRegex(url: LocatorUrl): string {
	const hosts = url.hosts.map(escapeRegex).join('|');
	const path = url.path.source.replace(/^\^/, '').replace(/\$$/, '');
	return `^https://(${hosts})${path}([?#].*)?$`;
}

function urlMode(what: string, url: LocatorUrl): INodePropertyMode {
	// A locator mode, not a parameter: modes take no default (the lint cannot tell outside `modes`).
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
	return {
		displayName: 'By URL',
		name: 'url',
		type: 'string',
		placeholder: url.example,
		validation: [
			{
				type: 'regex',
				properties: {
					regex: urlRegex(url),
					errorMessage: `Not ${article(what)} ${what} URL such as ${url.example}`,
				},
			},
		],
	};
}

/** The resource locator (version 1.1 on) and the text field of version 1, under one name. */
export function locatorFields(
	spec: LocatorSpec,
	version1Field: Omit<INodeProperties, 'displayOptions'>,
): INodeProperties[] {
	return [
		{ ...version1Field, displayOptions: onlyVersion1 } as INodeProperties,
		{
			displayName: spec.displayName,
			name: spec.name,
			type: 'resourceLocator',
			required: true,
			default: { mode: 'list', value: '' },
			description: spec.description,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: `Select ${article(spec.what)} ${spec.what}...`,
					typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: spec.idPlaceholder ?? '',
					...(spec.idPattern
						? { validation: [{ type: 'regex', properties: spec.idPattern }] }
						: {}),
				},
				...(spec.url ? [urlMode(spec.what, spec.url)] : []),
			],
			displayOptions: fromVersion11,
		},
	];
}

interface LocatorValue {
	__rl?: boolean;
	mode?: unknown;
	value?: unknown;
}

export function isLocatorValue(value: unknown): value is LocatorValue {
	return (
		typeof value === 'object' && value !== null && 'mode' in value && 'value' in (value as object)
	);
}

/** The ID inside a vendor URL, or undefined when the URL is not one of the vendor's. */
export function idFromUrl(text: string, url: LocatorUrl): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(text.trim());
	} catch {
		return undefined;
	}
	if (parsed.protocol !== 'https:' || !url.hosts.includes(parsed.hostname.toLowerCase()))
		return undefined;
	const match = url.path.exec(parsed.pathname);
	return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/**
 * The ID a field holds as the editor has it, for a dropdown that depends on it: the text of a
 * plain field or of a locator, the ID inside a vendor URL ('' for any other URL).
 */
export function locatorText(value: unknown, url?: LocatorUrl): string {
	if (!isLocatorValue(value)) return typeof value === 'string' ? value.trim() : '';
	const text = typeof value.value === 'string' ? value.value.trim() : '';
	if (value.mode !== 'url') return text;
	return (url && idFromUrl(text, url)) ?? '';
}

/**
 * The zod rule of a locator field: takes what n8n hands over (a plain ID from version 1 or an
 * expression, or a locator value of any mode) and gives the ID, checked by `id`. A URL must be
 * one of the vendor's. Error messages show the value the user typed (see validation.ts).
 */
export function locatorId(
	what: string,
	id: z.ZodType<string> = pathId(`${what} ID`),
	url?: LocatorUrl,
) {
	const urlRule = url
		? `Must be a ${what} URL such as ${url.example}.`
		: `Pick the ${what} from the list or enter its ID.`;
	return z
		.unknown()
		.transform((input, ctx) => {
			if (!isLocatorValue(input)) return input;
			if (input.mode !== 'url') return input.value;
			const found =
				url && typeof input.value === 'string' ? idFromUrl(input.value, url) : undefined;
			if (found === undefined) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: urlRule });
				return z.NEVER;
			}
			return found;
		})
		.pipe(id);
}
