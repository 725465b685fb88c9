import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { POLL_SETTINGS, runPoll } from '../shared/polling';
import { ApiClient } from '../shared/transport/client';
import { SIGNATUREAPI } from './transport';
import { rereadingProperties, pollSteps } from './trigger/polling';

export class SignatureApiPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignatureAPI Polling Trigger',
		name: 'signatureApiPollingTrigger',
		icon: {
			light: 'file:../../icons/signatureapi.svg',
			dark: 'file:../../icons/signatureapi.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when SignatureAPI lists a new envelope, recipient or deliverable event, asking on a schedule',
		defaults: { name: 'SignatureAPI Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signatureApiApi', required: true }],
		properties: rereadingProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await runPoll(this, pollSteps(this, new ApiClient(this, SIGNATUREAPI, POLL_SETTINGS)));
	}
}
