/** The installed n8n lines of lines.js (plain JavaScript for `npm run e2e:install`), typed. */
import type { Line } from './types';

const lines = require('./lines') as {
	root: string;
	selectedLines(value?: string): Line[];
	isInstalled(line: Line): boolean;
	lineEnv(line: Line, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
};

/** The repository's root folder. */
export const root = lines.root;

/** The lines to run: E2E_LINES=1 or 2 (or "1,2"); both by default, 1.x first. */
export const selectedLines = (value?: string): Line[] => lines.selectedLines(value);

export const isInstalled = (line: Line): boolean => lines.isInstalled(line);

/** The environment a line's processes run in: its Node first on PATH. */
export const lineEnv = (line: Line, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
	lines.lineEnv(line, base);
