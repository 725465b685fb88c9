/**
 * The vendor simulators of test/simulators as a real n8n sees them: started on 127.0.0.1, with one
 * imported credential per credential type pointing at them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { DemoRunning, DemoSetup } from '../../test/simulators/demo-setup';
import type { E2eCredential } from './n8n';
import { root } from './n8n';

/** Credential IDs are fixed per type, so workflows can refer to them before import. */
export function credentialId(type: string): string {
	return `e2e${type}`.slice(0, 16);
}

export function e2eCredential(type: string, data: Record<string, unknown>): E2eCredential {
	return { id: credentialId(type), name: `${type} (simulator)`, type, data };
}

/** Every vendor's demo setup (test/simulators/*.demo.ts) started, with its credentials. */
export async function startDemoSimulators(): Promise<{ running: DemoRunning[]; credentials: E2eCredential[]; stop(): Promise<void> }> {
	const dir = join(root, 'test', 'simulators');
	const setups = readdirSync(dir)
		.filter((f) => f.endsWith('.demo.ts'))
		.sort()
		.map((f) => (require(join(dir, f)) as { demo: DemoSetup }).demo);
	const running: DemoRunning[] = [];
	const credentials: E2eCredential[] = [];
	const stop = async () => {
		for (const sim of running) await sim.stop();
	};
	try {
		for (const setup of setups) {
			const sim = await setup.start();
			running.push(sim);
			for (const [type, data] of Object.entries(sim.credentials)) credentials.push(e2eCredential(type, data as Record<string, unknown>));
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return { running, credentials, stop };
}
