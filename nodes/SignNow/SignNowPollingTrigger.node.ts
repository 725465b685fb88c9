import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { POLL_SETTINGS, runPoll } from '../shared/polling';
import { ApiClient } from '../shared/transport/client';
import { searchDocuments } from './methods/listSearch';
import { SIGNNOW } from './transport';
import { rereadingProperties, pollSteps } from './trigger/polling';

export class SignNowPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'signNow Polling Trigger',
		name: 'signNowPollingTrigger',
		icon: { light: 'file:../../icons/signnow.svg', dark: 'file:../../icons/signnow.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when a signNow document or invite changes, asking signNow on a schedule',
		defaults: { name: 'signNow Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signNowApi', required: true }],
		properties: rereadingProperties,
	};

	methods = { listSearch: { searchDocuments } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await runPoll(this, pollSteps(this, new ApiClient(this, SIGNNOW, POLL_SETTINGS)));
	}
}
