/**
 * An https front for a local n8n: vendors that send signers only to https addresses (SignatureAPI)
 * need n8n's resume URL to be one, so WEBHOOK_URL points here and this forwards every request to
 * n8n's own port. Its port stays the same when n8n restarts on another one (`retarget`), as a
 * real n8n keeps its public address. The certificate is self-signed (see test/harness/tls.ts).
 *
 *   const proxy = await TlsProxy.start();
 *   const server = await N8nServer.start(n8n, { WEBHOOK_URL: `${proxy.url}/` });
 *   proxy.retarget(server.port);
 */
import { request } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

import { selfSignedCertificate } from '../../../test/harness/tls';
import { onCleanup } from './cleanup';

export class TlsProxy {
	private target = 0;
	readonly stop: () => Promise<void>;

	private constructor(
		server: Server,
		readonly port: number,
	) {
		this.stop = onCleanup(async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		});
	}

	get url(): string {
		return `https://127.0.0.1:${this.port}`;
	}

	static async start(): Promise<TlsProxy> {
		let proxy: TlsProxy | undefined;
		const server = createServer(selfSignedCertificate(), (req, res) => {
			const upstream = request(
				{
					host: '127.0.0.1',
					port: proxy!.target,
					method: req.method,
					path: req.url,
					headers: { ...req.headers, 'x-forwarded-proto': 'https' },
				},
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			upstream.on('error', (error) => {
				if (!res.headersSent) res.writeHead(502).end(`n8n is not reachable: ${error.message}`);
				else res.destroy();
			});
			req.pipe(upstream);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		proxy = new TlsProxy(server, (server.address() as AddressInfo).port);
		return proxy;
	}

	/** Sends requests to n8n on `port` from now on. */
	retarget(port: number): void {
		this.target = port;
	}
}
