import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { WorkflowJson } from '../harness/run';

/**
 * What a vendor contributes to `npm run demo`: a file `test/simulators/<vendor>.demo.ts` exporting
 * `demo: DemoSetup`. The demo starts the simulator, points the credential at it, lets the vendor
 * prepare data an example expects (a signature request to embed, say), and stops it afterwards.
 */
export interface DemoSetup {
	/** Credential types this setup provides; examples using them run against this simulator. */
	credentialTypes: string[];
	start(): Promise<DemoRunning>;
}

export interface DemoRunning {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Called with each example before it runs; may seed simulator state the example refers to. */
	prepare?(workflow: WorkflowJson): void | Promise<void>;
	/**
	 * Plays the signers an execution is waiting for (Wait for Signature woken by the vendor): they
	 * sign, and the simulator tells n8n as the vendor would (a callback to the resume URL, or the
	 * signer's browser sent back to it). Called once the execution waits.
	 */
	sign?(): Promise<void>;
	stop(): Promise<void>;
}
