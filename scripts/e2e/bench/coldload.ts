/**
 * Package cold-load time: a fresh process of the line's Node runs n8n's own package loader
 * (n8n-core's PackageDirectoryLoader, as n8n uses for community packages) over the installed
 * package, and reports how long loading its nodes and credentials took.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import type { N8n } from '../lib/n8n';

const SCRIPT = `
const { PackageDirectoryLoader } = require(process.env.BENCH_N8N_CORE);
(async () => {
	const started = process.hrtime.bigint();
	const loader = new PackageDirectoryLoader(process.env.BENCH_PACKAGE_DIR);
	await loader.loadAll();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const known = loader.known ?? {};
	console.log(JSON.stringify({ ms, nodes: Object.keys(known.nodes ?? loader.nodeTypes ?? {}).length, credentials: Object.keys(known.credentials ?? loader.credentialTypes ?? {}).length }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

export function coldLoad(
	n8n: N8n,
	packageName: string,
): { ms: number; nodes: number; credentials: number } {
	const modules = join(n8n.line.dir, 'node_modules');
	const n8nCore = require.resolve('n8n-core', { paths: [join(modules, 'n8n')] });
	const out = execFileSync('node', ['-e', SCRIPT], {
		encoding: 'utf8',
		env: {
			...n8n.env(),
			BENCH_N8N_CORE: n8nCore,
			BENCH_PACKAGE_DIR: join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', packageName),
			// What n8n's own process resolves the package's imports (n8n-workflow, zod) from.
			NODE_PATH: [join(modules, 'n8n', 'node_modules'), modules].join(':'),
		},
	});
	return JSON.parse(out.trim().split('\n').pop()!);
}
