/**
 * Browser messages the editor checks accept, each with the reason it is not this package's doing.
 * Anything else in the console, and any uncaught page error, fails the run.
 */
import type { AllowedProblem } from './browser';

const path = (url: string) => {
	try {
		return new URL(url).pathname;
	} catch {
		return url;
	}
};

export const ALLOWED_PROBLEMS: AllowedProblem[] = [
	{
		reason:
			'the sign-in page asks the server who is signed in before anyone is, and the answer is 401',
		match: (p) =>
			p.kind === 'console' && path(p.url) === '/signin' && p.text.includes('status of 401'),
	},
	{
		reason:
			"n8n 1.x's version-notification store reads a setting the signed-out settings lack (n8n's own code, on its sign-in page)",
		match: (p) =>
			p.line === '1.x' &&
			p.kind === 'pageerror' &&
			path(p.url) === '/signin' &&
			/reading 'enabled'/.test(p.text) &&
			/versions\.store/.test(p.stack ?? ''),
	},
	{
		reason:
			'the node panel looks the installed community package up on registry.npmjs.org for its npm card; this machine and CI have no route to it',
		match: (p) => p.kind === 'console' && (p.stack ?? '').startsWith('https://registry.npmjs.org/'),
	},
	{
		reason:
			"the editor asks for a node's output schema (/schemas/<node>/<version>[/<resource>/<operation>].json) to preview fields; nodes without one, n8n's own Manual Trigger included, answer 404",
		match: (p) =>
			p.kind === 'console' &&
			/^\/schemas\/[^/]+\/[\d.]+(\/[^/]+\/[^/]+)?\.json$/.test(path(p.stack ?? '')) &&
			p.text.includes('status of 404'),
	},
	{
		reason:
			"n8n's AI assistant asks for its sessions, which the community edition's licence does not include (403)",
		match: (p) =>
			p.kind === 'console' &&
			(path(p.stack ?? '') === '/rest/ai/sessions/metadata' ||
				/Failed to fetch sessions metadata: ResponseError: Plan lacks license/.test(p.text)),
	},
	{
		reason:
			'opening a workflow asks for its last successful execution, and a workflow that never ran has none (404)',
		match: (p) =>
			p.kind === 'console' &&
			/^\/rest\/workflows\/[^/]+\/executions\/last-successful$/.test(path(p.stack ?? '')) &&
			p.text.includes('status of 404'),
	},
];
