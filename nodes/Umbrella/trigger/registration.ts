import { randomBytes } from 'crypto';
import type { IHookFunctions } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import { registerWebhook } from '../transport/webhooks';
import { PROOF_HEADER_NAME } from './signature';

/** Kept in the workflow's static data (per node): what the last activation registered. */
interface Registration {
	webhookUrl?: string;
	secret?: string;
	umbrellaWebhookId?: string;
}

export function registration(ctx: Pick<IHookFunctions, 'getWorkflowStaticData'>): Registration {
	return ctx.getWorkflowStaticData('node') as Registration;
}

/** checkExists(): this activation's URL is registered, with a secret n8n still knows. */
export function isRegistered(ctx: IHookFunctions): boolean {
	const stored = registration(ctx);
	return Boolean(stored.secret) && stored.webhookUrl === ctx.getNodeWebhookUrl('default');
}

/** create(): registers this trigger's URL with a new random secret header. */
export async function register(ctx: IHookFunctions, api: ApiClient): Promise<void> {
	const webhookUrl = ctx.getNodeWebhookUrl('default') as string;
	const secret = randomBytes(32).toString('hex');
	const registered = await registerWebhook(api, webhookUrl, { [PROOF_HEADER_NAME]: secret });
	// Stored only after Umbrella accepted it, so a failed activation leaves the previous state.
	const stored = registration(ctx);
	stored.webhookUrl = webhookUrl;
	stored.secret = secret;
	stored.umbrellaWebhookId = registered.id;
}

/** delete(): Umbrella has no delete endpoint; forgetting the secret makes n8n refuse any late call. */
export function unregister(ctx: IHookFunctions): void {
	const stored = registration(ctx);
	delete stored.webhookUrl;
	delete stored.secret;
	delete stored.umbrellaWebhookId;
}
