/** The shapes the end-to-end runs hand to n8n and read back from it. */

/** One installed n8n line (see lines.js). */
export interface Line {
	id: '1' | '2';
	dir: string;
	n8nVersion: string;
	n8nBin: string;
	pathPrefix: string[];
	nodeDir?: string;
	env: Record<string, string>;
	native: string[];
}

/** A credential as `n8n import:credentials` takes it (plain data is encrypted on import). */
export interface E2eCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	onError?: string;
	[key: string]: unknown;
}

export interface Workflow {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** An item of a node's output in run data; binary data is described, its content stored apart. */
export interface RunItem {
	json: Record<string, any>;
	binary?: Record<string, { mimeType?: string; fileName?: string; fileSize?: string }>;
}

export interface NodeRun {
	data?: { main?: Array<Array<RunItem> | null> };
	error?: {
		message: string;
		description?: string | null;
		httpCode?: string | null;
		context?: Record<string, unknown>;
		[key: string]: unknown;
	};
}

/** An execution's run data, as `n8n execute` prints it and the REST API stores it. */
export interface RunData {
	resultData: { runData: Record<string, NodeRun[]>; error?: { message: string } };
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	finished: boolean;
	workflowId: string;
}
