// Mirrors what `n8n-node lint` and n8n's community package scanner run (@n8n/node-cli itself does
// not install on Node 20, so the same rule sets are assembled here): typescript-eslint recommended,
// @n8n/eslint-plugin-community-nodes recommended, no-console, and eslint-plugin-n8n-nodes-base's
// community (package.json), credentials and nodes rule sets with the same few rules switched off.
import eslint from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const communityRecommended = n8nCommunityNodesPlugin.configs.recommended;

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
);
