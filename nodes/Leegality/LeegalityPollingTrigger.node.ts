import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { POLL_SETTINGS, runPoll } from '../shared/polling';
import { ApiClient } from '../shared/transport/client';
import { LEEGALITY } from './transport';
import { rereadingProperties, pollSteps } from './trigger/polling';

export class LeegalityPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Leegality Polling Trigger',
		name: 'leegalityPollingTrigger',
		icon: { light: 'file:../../icons/leegality.svg', dark: 'file:../../icons/leegality.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when a Leegality document is sent or completed, asking Leegality on a schedule',
		defaults: { name: 'Leegality Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leegalityApi', required: true }],
		properties: rereadingProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await runPoll(this, pollSteps(this, new ApiClient(this, LEEGALITY, POLL_SETTINGS)));
	}
}
