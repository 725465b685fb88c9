/**
 * What a scenario found wrong, and the line-independent facts it observed. A check either
 * compares what has already happened (`expect`) or waits for what it asserts (`until`): a wait
 * that runs out of time is a problem that says what it waited for, how long and what it saw.
 */
import { waitUntil, type WaitOptions, WaitTimeout } from './wait';

export class Checks {
	readonly problems: string[] = [];
	readonly facts: string[] = [];

	get ok(): boolean {
		return this.problems.length === 0;
	}

	expect(condition: boolean, problem: string): boolean {
		if (!condition) this.problems.push(problem);
		return condition;
	}

	fact(text: string): void {
		this.facts.push(text);
	}

	/**
	 * Waits until the condition holds (see waitUntil) and returns what was read. When time runs
	 * out, the timeout is recorded as a problem and the last value read is returned, so that the
	 * scenario can still report what it saw; a wait that never read a value throws.
	 */
	async until<T>(read: () => T | Promise<T>, options: WaitOptions<T>): Promise<T> {
		return await this.waited(waitUntil(read, options));
	}

	/** The same for a wait written elsewhere (N8nServer.waitForExecutions, say). */
	async waited<T>(wait: Promise<T>): Promise<T> {
		try {
			return await wait;
		} catch (error) {
			if (!(error instanceof WaitTimeout) || error.lastValue === undefined) throw error;
			this.problems.push(error.message);
			return error.lastValue as T;
		}
	}
}
