#!/usr/bin/env node
/**
 * Runs the jest suite on both n8n lines: first on n8n-core 2.x (the devDependency), then on
 * n8n-core 1.x of n8n 1.123.x, installed under lines/n8n-1 on first use. Arguments are passed
 * to jest (a test path filter, for example). N8N_LINE=1 or N8N_LINE=2 runs one line only.
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const lineOne = join(root, 'lines', 'n8n-1');

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
	return result.status ?? 1;
}

/** Installs lines/n8n-1 unless node_modules already holds exactly what its lockfile says. */
function ensureLineOne() {
	const lock = createHash('sha256')
		.update(readFileSync(join(lineOne, 'package-lock.json')))
		.digest('hex');
	const marker = join(lineOne, 'node_modules', '.installed-from-lock');
	if (existsSync(marker) && readFileSync(marker, 'utf8') === lock) return;
	console.log('Installing n8n-core 1.x for the test suite (lines/n8n-1, once)…');
	const status = run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
		cwd: lineOne,
	});
	if (status !== 0) process.exit(status);
	writeFileSync(marker, lock);
}

const only = process.env.N8N_LINE;
const lines = only ? [only] : ['2', '1'];
const jest = join(root, 'node_modules', '.bin', 'jest');
const failed = [];
for (const line of lines) {
	if (line === '1') ensureLineOne();
	console.log(`\n=== Tests on the n8n ${line}.x line ===\n`);
	if (run(jest, process.argv.slice(2), { env: { ...process.env, N8N_LINE: line } }) !== 0)
		failed.push(`${line}.x`);
}
if (failed.length) {
	console.error(`\nTests failed on the n8n ${failed.join(' and ')} line.`);
	process.exit(1);
}
console.log(
	`\nTests passed on the n8n ${lines.map((l) => `${l}.x`).join(' and ')} line${lines.length > 1 ? 's' : ''}.`,
);
