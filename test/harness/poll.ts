import './env';

import { PollContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { type CredentialStore, TestCredentialsHelper } from './credentials';
import { loadPackage, PACKAGE_NAME } from './package';
import { additionalDataFor } from './run';
import { assertNoSecrets, secretsOf } from './secrets';

export interface PollSetup {
	type: string;
	parameters: INodeParameters;
	credentials: CredentialStore;
	typeVersion?: number;
}

/** The items of one run a poll started. */
export type Run = INodeExecutionData[];

const copy = (value: IDataObject): IDataObject => JSON.parse(JSON.stringify(value)) as IDataObject;

/**
 * A polling trigger as an active workflow in n8n holds it, driven through n8n-core's PollContext
 * the way n8n's ActiveWorkflows does: activate() runs the first poll inside activation, poll()
 * one scheduled poll; what the poll returns starts one run, as does every __emit call. Static data
 * is kept in memory between polls and "saved" (copied to `saved`, which stands for n8n's database)
 * only when a run starts or an activation succeeds, as n8n does; restart() throws the memory away
 * and goes on from what was saved. Every run's items and every poll error are checked for secrets.
 */
export class PollingTrigger {
	/** Every run started so far, in order. */
	readonly runs: Run[] = [];
	/** The static data as n8n's database would hold it. */
	saved: IDataObject = {};
	private workflow!: Workflow;
	private activation: WorkflowActivateMode = 'activate';

	private constructor(
		private readonly setup: PollSetup,
		private readonly pkg: Awaited<ReturnType<typeof loadPackage>>,
	) {
		this.load();
	}

	static async create(setup: PollSetup): Promise<PollingTrigger> {
		return new PollingTrigger(setup, await loadPackage());
	}

	private node(): INode {
		return {
			id: 'poll-under-test',
			name: 'Poll Under Test',
			type: `${PACKAGE_NAME}.${this.setup.type}`,
			typeVersion: this.setup.typeVersion ?? 1,
			position: [0, 0],
			parameters: this.setup.parameters,
			credentials: Object.fromEntries(
				this.setup.credentials.types().map((t) => [t, { id: `cred-${t}`, name: `${t} account` }]),
			),
		};
	}

	/** A workflow object built from the saved static data, as n8n builds one on activation. */
	private load() {
		this.workflow = new Workflow({
			id: 'polling-workflow',
			nodes: [this.node()],
			connections: {},
			nodeTypes: this.pkg.nodeTypes,
			active: true,
			settings: {},
			staticData: copy(this.saved),
		});
	}

	/** The node's static data as the running n8n holds it in memory. */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.workflow.getNode('Poll Under Test')!);
	}

	private save() {
		const data = this.workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (!data.__dataChanged) return;
		this.saved = copy(data);
		data.__dataChanged = false;
	}

	private secrets() {
		return secretsOf(this.setup.credentials, this.pkg.credentialTypes);
	}

	/** One poll: the runs it started, in order. Throws what the poll threw. */
	private async runPoll(): Promise<Run[]> {
		const started: Run[] = [];
		const emit = (data: INodeExecutionData[][]) => {
			// n8n saves static data when a poll hands it a run, before the run starts.
			this.save();
			assertNoSecrets(data, this.secrets(), 'a polling trigger’s output item');
			started.push(data[0]);
			this.runs.push(data[0]);
		};
		const node = this.workflow.getNode('Poll Under Test')!;
		const context = new PollContext(
			this.workflow,
			node,
			additionalDataFor(
				this.setup.credentials,
				new TestCredentialsHelper(this.setup.credentials, this.pkg.credentialTypes),
			),
			'trigger',
			this.activation,
			emit,
			() => {},
		);
		const nodeType = this.pkg.nodeType(this.setup.type);
		try {
			const result = await nodeType.poll!.call(context);
			if (result !== null) emit(result);
		} catch (error) {
			assertNoSecrets(error, this.secrets(), 'a poll error');
			throw error;
		}
		return started;
	}

	/** Activation: the first poll; when it succeeds, n8n saves the static data. */
	async activate(): Promise<Run[]> {
		const started = await this.runPoll();
		this.save();
		this.activation = 'activate';
		return started;
	}

	/** One scheduled poll. */
	async poll(): Promise<Run[]> {
		return await this.runPoll();
	}

	/** A poll that must fail: its error (n8n records it as a failed execution and polls on). */
	async failedPoll(): Promise<Error> {
		try {
			await this.runPoll();
		} catch (error) {
			return error as Error;
		}
		throw new Error('The poll was expected to fail, and it did not');
	}

	/** n8n restarts: what was not saved is gone; the next activate() is the restart's ('init'). */
	restart() {
		this.load();
		this.activation = 'init';
	}

	/** The JSON of every run's items, flattened, oldest run first. */
	get emitted(): IDataObject[] {
		return this.runs.flat().map((item) => item.json);
	}
}

/** Runs `poll` for a new trigger after activating it: the shape most tests start from. */
export async function activeTrigger(setup: PollSetup): Promise<PollingTrigger> {
	const trigger = await PollingTrigger.create(setup);
	const started = await trigger.activate();
	if (started.length) throw new Error(`Activation started ${started.length} run(s)`);
	return trigger;
}

/** The message of the error a new trigger's first poll fails with (a refused parameter, say). */
export async function firstPollError(setup: PollSetup): Promise<string> {
	return (await (await PollingTrigger.create(setup)).failedPoll()).message;
}
