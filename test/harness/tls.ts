import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * HTTPS on 127.0.0.1 for tests and end-to-end runs: a vendor that takes only https URLs
 * (SignatureAPI's ceremony redirect) needs n8n's resume URL to be one. The certificate is
 * self-signed, made with openssl once per process; the clients here accept it.
 */

let made: { key: Buffer; cert: Buffer } | undefined;

/** A self-signed certificate for 127.0.0.1, valid for two days. */
export function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
	if (made) return made;
	const dir = mkdtempSync(join(tmpdir(), 'n8n-esign-tls-'));
	try {
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'ec',
				'-pkeyopt',
				'ec_paramgen_curve:prime256v1',
				'-nodes',
				'-keyout',
				join(dir, 'key.pem'),
				'-out',
				join(dir, 'cert.pem'),
				'-days',
				'2',
				'-subj',
				'/CN=127.0.0.1',
				'-addext',
				'subjectAltName=IP:127.0.0.1',
			],
			{ stdio: 'ignore' },
		);
		made = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
		return made;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export interface PlainResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/**
 * One HTTP(S) request that accepts the self-signed certificate and does not follow redirects
 * (a test reads where a signer's browser would be sent).
 */
export async function plainRequest(
	url: string,
	init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<PlainResponse> {
	const target = new URL(url);
	const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
	return await new Promise((resolve, reject) => {
		const req = send(
			target,
			{ method: init.method ?? 'GET', headers: init.headers, rejectUnauthorized: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(init.body);
	});
}
