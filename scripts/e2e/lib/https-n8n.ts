/**
 * `n8n start` behind an https front (see tls-proxy.ts) whose address is n8n's WEBHOOK_URL, so
 * that resume URLs are https and stay the same across a restart, as a deployed n8n's do.
 *
 *   const n8n = await N8n.create(line);
 *   const front = await HttpsN8n.start(n8n);
 *   front.server.rest(...); await front.restart();
 */
import type { N8n } from './n8n';
import { N8nServer } from './n8n-server';
import { TlsProxy } from './tls-proxy';

export class HttpsN8n {
	private constructor(
		readonly n8n: N8n,
		readonly proxy: TlsProxy,
		public server: N8nServer,
		private readonly env: Record<string, string>,
	) {}

	/** What n8n's own settings need to hand out https URLs through the front (workers need it too). */
	static webhookEnv(proxy: TlsProxy): Record<string, string> {
		return { WEBHOOK_URL: `${proxy.url}/` };
	}

	static async start(n8n: N8n, extraEnv: Record<string, string> = {}): Promise<HttpsN8n> {
		const proxy = await TlsProxy.start();
		const env = { ...extraEnv, ...HttpsN8n.webhookEnv(proxy) };
		const server = await N8nServer.start(n8n, env);
		proxy.retarget(server.port);
		return new HttpsN8n(n8n, proxy, server, env);
	}

	/** Stops n8n and starts it again on the same folder and database; the https address stays. */
	async restart(): Promise<void> {
		await this.server.stop();
		this.server = await N8nServer.start(this.n8n, this.env);
		this.proxy.retarget(this.server.port);
	}

	async stop(): Promise<void> {
		await this.server.stop();
		await this.proxy.stop();
	}
}
