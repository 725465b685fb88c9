import type { INodeListSearchItems } from 'n8n-workflow';

/**
 * Whether an entry matches what was typed in a list's search box, for vendors whose list endpoint
 * has no search of its own: every word must appear in one of `texts`, ignoring case.
 */
export function matchesFilter(filter: string | undefined, ...texts: unknown[]): boolean {
	const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	if (!words.length) return true;
	const haystack = texts
		.filter((t) => typeof t === 'string' || typeof t === 'number')
		.join(' ')
		.toLowerCase();
	return words.every((word) => haystack.includes(word));
}

/** "name · detail · detail", leaving out empty parts. */
export function entryName(...parts: unknown[]): string {
	return parts
		.filter((p) => (typeof p === 'string' && p.trim()) || typeof p === 'number')
		.map(String)
		.join(' · ');
}

export type ListEntries = INodeListSearchItems[];
