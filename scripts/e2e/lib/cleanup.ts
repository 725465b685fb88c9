/**
 * Everything an end-to-end run starts (n8n processes, simulators, a browser, databases, load) is
 * registered here when it starts and stopped at the end of the run, when the run fails, and on
 * Ctrl-C or SIGTERM, newest first, so that nothing is left running.
 *
 *   runMain('e2e', async () => {
 *     const sims = await startDemoSimulators();
 *     const stopSims = onCleanup(() => sims.stop());
 *     ...
 *     await stopSims();          // early, when the run is done with them
 *     return failures;           // exit code 1 when > 0
 *   });
 */

const registered: Array<() => Promise<void>> = [];
let stopping: string | undefined;

/**
 * Registers `stop`; returns a function that runs it once and unregisters it (calling it again,
 * or the signal handler at the same time, waits for the same stop).
 */
export function onCleanup(stop: () => Promise<void>): () => Promise<void> {
	let done: Promise<void> | undefined;
	const once = () => {
		done ??= (async () => {
			const index = registered.indexOf(once);
			if (index >= 0) registered.splice(index, 1);
			await stop().catch((error) =>
				console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`),
			);
		})();
		return done;
	};
	registered.push(once);
	return once;
}

/** Stops everything still registered, newest first. */
export async function cleanUpAll(): Promise<void> {
	while (registered.length) await registered[registered.length - 1]();
}

/** The signal that is stopping the run, if one is: loops check it to start nothing new. */
export function interrupted(): string | undefined {
	return stopping;
}

/**
 * Runs a script's `main`: stops everything on SIGINT/SIGTERM (exit 130/143), at the end, and
 * when `main` throws; exits 1 when `main` returns a failure count above 0 or throws.
 */
export function runMain(name: string, main: () => Promise<number | void>): void {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			if (stopping) return;
			stopping = signal;
			console.error(`\n${signal}: ${name} stops everything it started…`);
			void cleanUpAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
		});
	}
	void (async () => {
		let code = 0;
		try {
			code = (await main()) ? 1 : 0;
		} catch (error) {
			console.error(error);
			code = 1;
		}
		await cleanUpAll();
		// Exit even if a library left a handle open (a keep-alive socket, say).
		if (!stopping) process.exit(code);
	})();
}
