/**
 * The vendor simulators of test/simulators as a real n8n sees them: started on 127.0.0.1 and
 * stopped at the end of the run (or on Ctrl-C), with credentials pointing at them.
 *
 *   const sims = await startSimulators({ lumin: () => new LuminSimulator(), signNow: () => new SignNowSimulator() });
 *   sims.lumin.seed(...);
 *   await sims.stop();
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Simulator } from '../../../test/simulators/base';
import type { DemoRunning, DemoSetup } from '../../../test/simulators/demo-setup';
import { onCleanup } from './cleanup';
import { root } from './installs';
import type { E2eCredential } from './types';

/** Credential IDs are fixed per type, so workflows can refer to them before import. */
export function credentialId(type: string): string {
	return `e2e${type}`.slice(0, 16);
}

export function e2eCredential(type: string, data: Record<string, unknown>): E2eCredential {
	return { id: credentialId(type), name: `${type} (simulator)`, type, data };
}

export type Started<T> = T & {
	/** Every simulator started, in start order. */
	all: Simulator[];
	stop(): Promise<void>;
};

/** Starts one simulator per entry; if one fails to start, those already started are stopped. */
export async function startSimulators<T extends Record<string, Simulator>>(make: {
	[K in keyof T]: () => T[K];
}): Promise<Started<T>> {
	const sims: Partial<T> = {};
	const all: Simulator[] = [];
	const stop = onCleanup(async () => {
		for (const sim of all) await sim.stop();
	});
	try {
		for (const key of Object.keys(make) as Array<keyof T>) {
			const sim = await make[key]().start();
			sims[key] = sim as T[keyof T];
			all.push(sim);
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return { ...(sims as T), all, stop };
}

/** Every vendor's demo setup (test/simulators/*.demo.ts) started, with its credentials. */
export async function startDemoSimulators(): Promise<{
	running: DemoRunning[];
	credentials: E2eCredential[];
	stop(): Promise<void>;
}> {
	const dir = join(root, 'test', 'simulators');
	const setups = readdirSync(dir)
		.filter((f) => f.endsWith('.demo.ts'))
		.sort()
		.map((f) => (require(join(dir, f)) as { demo: DemoSetup }).demo);
	const running: DemoRunning[] = [];
	const credentials: E2eCredential[] = [];
	const stop = onCleanup(async () => {
		for (const sim of running) await sim.stop();
	});
	try {
		for (const setup of setups) {
			const sim = await setup.start();
			running.push(sim);
			for (const [type, data] of Object.entries(sim.credentials))
				credentials.push(e2eCredential(type, data as Record<string, unknown>));
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return { running, credentials, stop };
}

/** Lets every demo simulator seed what `workflow` expects (a signature request to embed, say). */
export async function prepareDemo(running: DemoRunning[], workflow: unknown): Promise<void> {
	for (const sim of running) await sim.prepare?.(workflow as never);
}
