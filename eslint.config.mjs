// Mirrors what `n8n-node lint` and n8n's community package scanner run (@n8n/node-cli itself does
// not install on Node 20, so the same rule sets are assembled here): typescript-eslint recommended,
// @n8n/eslint-plugin-community-nodes recommended, no-console, and eslint-plugin-n8n-nodes-base's
// community (package.json), credentials and nodes rule sets with the same few rules switched off.
import eslint from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const communityRecommended = n8nCommunityNodesPlugin.configs.recommended;

/** What sends a request: the shared client's methods and n8n's request helpers. */
const REQUEST_METHODS = [
	'request',
	'requestFull',
	'requestChecked',
	'requestUnlessNotFound',
	'checkAnswer',
	'downloadSigned',
	'httpRequest',
	'httpRequestWithAuthentication',
	'requestWithAuthentication',
];

/**
 * The package's own addition to the rule sets above: files in `files` may not import from the
 * vendor folders named in `forbidden` (see the layers below), nor a node file.
 */
function layer(files, forbidden, who) {
	return {
		files: [files],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: `(^|/)(${forbidden.join('|')})(/|$)`,
							message: `${who} may not import from ${forbidden.join(', ')}: imports run from the node files through actions, methods and trigger to transport and nodes/shared.`,
						},
						{
							regex: '\\.node$',
							message: 'Only n8n loads the node files; import what they use instead.',
						},
					],
				},
			],
		},
	};
}

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'test/**',
			'scripts/**',
			'examples/**',
			'*.js',
			'*.mjs',
		],
	},
	{
		files: ['**/*.ts'],
		extends: [eslint.configs.recommended, tseslint.configs.recommended],
		rules: { 'no-console': 'error' },
	},
	{
		files: ['**/*.ts', 'package.json'],
		languageOptions: { parser: tseslint.parser },
		plugins: communityRecommended.plugins,
		rules: communityRecommended.rules,
	},
	{
		files: ['package.json'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	// One direction only: a credential uses its vendor's transport (URLs, error reading, token
	// reading) and the shared helpers; no node file imports a credential.
	{
		files: ['nodes/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/credentials/**'],
							message:
								'Nodes do not import credentials; put what both need in the vendor transport.',
						},
					],
				},
			],
		},
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'**/nodes/*/actions/**',
								'**/nodes/*/trigger/**',
								'**/nodes/*/methods/**',
								'**/nodes/*/*.node',
							],
							message: 'A credential imports only its vendor transport and nodes/shared.',
						},
					],
				},
			],
		},
	},
	// Each vendor folder has layers, and imports run one way only: the node files assemble
	// actions/, methods/ (dropdowns and lists) and trigger/; those three use transport/ (every call
	// to the vendor's API, with its answer checks) and descriptions/ (fields more than one of them
	// shows); transport/ uses nodes/shared, which knows no vendor. So actions, methods and trigger
	// never import each other, and nothing below them imports them.
	layer('nodes/*/actions/**/*.ts', ['methods', 'trigger'], 'Actions'),
	layer('nodes/*/methods/**/*.ts', ['actions', 'trigger'], 'Methods'),
	layer('nodes/*/trigger/**/*.ts', ['actions', 'methods'], 'A trigger'),
	layer('nodes/*/descriptions/**/*.ts', ['actions', 'methods', 'trigger'], 'A shared description'),
	layer(
		'nodes/*/transport/**/*.ts',
		['actions', 'methods', 'trigger', 'descriptions'],
		'Transport',
	),
	{
		files: ['nodes/shared/**/*.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(\\.\\./)+[A-Z]',
							caseSensitive: true,
							message: 'nodes/shared serves every vendor and imports none of them.',
						},
					],
				},
			],
		},
	},
	// Requests are made in transport/ only, so that each vendor call is written once.
	{
		files: [
			'nodes/*/*.node.ts',
			'nodes/*/actions/**/*.ts',
			'nodes/*/methods/**/*.ts',
			'nodes/*/trigger/**/*.ts',
			'nodes/*/descriptions/**/*.ts',
		],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: `CallExpression > MemberExpression.callee[property.name=/^(${REQUEST_METHODS.join('|')})$/]`,
					message:
						"Calls to the vendor's API belong in its transport/ folder: add a function there and call it.",
				},
			],
		},
	},
);
