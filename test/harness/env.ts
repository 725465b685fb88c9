import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes its settings file under N8N_USER_FOLDER on first use: keep it out of $HOME.
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-esign-'));
}
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-esign-test-encryption-key';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
// n8n's logger writes to a file per test process, at debug level, so tests can read every line
// n8n logged (see test/shared/logs.test.ts) and the console stays readable.
process.env.N8N_LOG_OUTPUT = 'file';
process.env.N8N_LOG_LEVEL ??= 'debug';
process.env.N8N_LOG_FILE_LOCATION = join(process.env.N8N_USER_FOLDER, 'n8n.log');

export const LOG_FILE = process.env.N8N_LOG_FILE_LOCATION;
