/**
 * Tests run the built package (dist/) through n8n-core; `npm test` builds first.
 *
 * N8N_LINE=1 runs the same tests against n8n-core and n8n-workflow of n8n 1.123.x (installed under
 * lines/n8n-1 by scripts/test-lines.js): every import of either package, the package's own
 * dist/ included, resolves there, as it does inside a real n8n 1.x.
 */
const path = require('node:path');

const line =
	process.env.N8N_LINE === '1' ? path.join(__dirname, 'lines', 'n8n-1', 'node_modules') : undefined;

module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/harness/env.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/harness/teardown.ts'],
	testTimeout: 30000,
	reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
	...(line && {
		moduleNameMapper: {
			'^n8n-core$': `${line}/n8n-core`,
			'^n8n-core/(.*)$': `${line}/n8n-core/$1`,
			'^n8n-workflow$': `${line}/n8n-workflow`,
			'^n8n-workflow/(.*)$': `${line}/n8n-workflow/$1`,
			'^@n8n/di$': `${line}/@n8n/di`,
		},
	}),
};
