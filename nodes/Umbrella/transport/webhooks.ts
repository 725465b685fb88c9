import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import { webhookAnswer } from './answers';

export interface RegisteredWebhook extends IDataObject {
	id: string;
	url: string;
	createdAt: string;
}

/**
 * POST /onboarding/configureWebhook: Umbrella calls `webhookUrl` with the headers in
 * `authHeader`. That a new call replaces the account's previous webhook is unconfirmed (no list
 * or delete endpoint is documented); both the node and the trigger rely on it.
 */
export async function registerWebhook(
	api: ApiClient,
	webhookUrl: string,
	authHeader: Record<string, string>,
	itemIndex?: number,
): Promise<RegisteredWebhook> {
	const answer = await api.requestChecked(
		{
			method: 'POST',
			path: '/onboarding/configureWebhook',
			body: { webhookUrl, metadata: { authHeader } },
			ifUnknown: {
				happened: 'the webhook was set',
				advice:
					'Set it again: Umbrella keeps one webhook per account, so setting it twice leaves the same result.',
			},
		},
		webhookAnswer,
		itemIndex,
	);
	const { id, url, createdAt } = answer.data;
	return { id, url, createdAt };
}
