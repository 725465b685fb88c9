import { randomBytes, randomUUID } from 'node:crypto';

import { isEmail, Simulator, type SimRequest, type SimResponse } from './base';

/** IDCanopy Umbrella QES onboarding, from the createSessionLink OpenAPI and the umbrella-docs.info pages. */
export interface UmbrellaSession {
	requestId: string;
	body: Record<string, any>;
	status: 'pending' | 'completed';
	createdAt: number;
}

const unauthorized: SimResponse = { status: 401, body: { message: 'Unauthorized request' } };
const invalid: SimResponse = { status: 400, body: { message: 'Invalid request payload' } };

const E164 = /^\+?[1-9]\d{1,14}$/;

function isUri(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	try {
		new URL(value);
		return true;
	} catch {
		return false;
	}
}

export class UmbrellaSimulator extends Simulator {
	readonly apiKey = '40ab0d69-5c1e-4e7b-9f3a-7d2c8b6e1a90';
	readonly customerId = '16a6c3e7-2b8d-4f01-a5c9-3e7f90d4b2c8';
	/** Live tokens and when they expire (ms). */
	readonly tokens = new Map<string, number>();
	/** How many tokens POST /auth has issued. */
	issuedTokens = 0;
	readonly sessions = new Map<string, UmbrellaSession>();
	readonly files = new Map<string, Buffer>();
	/** The account's one webhook; a new configureWebhook replaces it. */
	webhook?: {
		id: string;
		webhookUrl: string;
		authHeader: Record<string, string>;
		createdAt: string;
	};
	/** Lifetime of the links to signed files. */
	linkLifetimeMs = 15 * 60_000;

	/** Credential data pointing at this simulator, with the secrets it accepts. */
	credential(): Record<string, string> {
		return {
			apiKey: this.apiKey,
			customerId: this.customerId,
			environment: 'custom',
			customUrl: this.baseUrl,
			accessToken: '',
		};
	}

	constructor() {
		super('/api/services');
		this.route('POST', '/auth', (req) => this.auth(req));
		this.route(
			'POST',
			'/onboarding/createSessionLink',
			this.authed((req) => this.createSessionLink(req)),
		);
		this.route(
			'GET',
			'/onboarding/getVerification/:sessionId',
			this.authed((req) => this.getVerification(req)),
		);
		this.route(
			'POST',
			'/onboarding/configureWebhook',
			this.authed((req) => this.configureWebhook(req)),
		);
		// The storage host behind signedResource.resourceUrl: pre-signed, no Umbrella token needed.
		this.route('GET', '/storage/:token', (req) =>
			this.files.has(req.params.token)
				? {
						status: 200,
						raw: this.files.get(req.params.token)!,
						headers: { 'content-type': 'application/pdf' },
					}
				: { status: 403, body: { message: 'link expired' } },
		);
	}

	/** Ends every issued token now, as if 60 minutes had passed. */
	expireTokens() {
		for (const token of this.tokens.keys()) this.tokens.set(token, Date.now() - 1);
	}

	/** Expires all tokens once `count` more authorised requests have been served. */
	expireTokensAfter(count: number) {
		this.expireAfter = count;
	}

	private expireAfter?: number;

	private authed(handler: (req: SimRequest) => SimResponse) {
		return (req: SimRequest): SimResponse => {
			const match = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
			const expires = match ? this.tokens.get(match[1]) : undefined;
			if (expires === undefined || expires <= Date.now()) return unauthorized;
			const answer = handler(req);
			if (this.expireAfter !== undefined && --this.expireAfter <= 0) {
				this.expireAfter = undefined;
				this.expireTokens();
			}
			return answer;
		};
	}

	private auth(req: SimRequest): SimResponse {
		// The error body of /auth is not documented; other endpoints answer this.
		if (req.headers['api-key'] !== this.apiKey || req.headers['customer-id'] !== this.customerId)
			return unauthorized;
		if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
			return invalid;
		const token = `eyJhbGciOiJIUzI1NiJ9.${randomBytes(18).toString('base64url')}.${++this.issuedTokens}`;
		this.tokens.set(token, Date.now() + 3600_000);
		return { status: 200, body: { access_token: token, expires_in: 3600, token_type: 'Bearer' } };
	}

	private createSessionLink(req: SimRequest): SimResponse {
		const b = req.body;
		if (typeof b !== 'object' || b === null || Array.isArray(b)) return invalid;
		if (!isEmail(b.email)) return invalid;
		if (typeof b.phoneNumber !== 'string' || !E164.test(b.phoneNumber)) return invalid;
		if (!isUri(b.redirectUrl)) return invalid;
		if (!isUri(b.docUrl) || !/^https:\/\//.test(b.docUrl)) return invalid;
		const pairs = (list: unknown, keys: string[]) =>
			list === undefined ||
			(Array.isArray(list) &&
				list.every(
					(f) => typeof f === 'object' && f !== null && keys.every((k) => typeof f[k] === 'string'),
				));
		if (!pairs(b.signForms, ['fieldId', 'actorId']) || !pairs(b.fillForm, ['fieldId', 'value']))
			return invalid;
		const requestId = randomUUID();
		this.sessions.set(requestId, { requestId, body: b, status: 'pending', createdAt: Date.now() });
		return {
			status: 200,
			body: {
				status: true,
				data: {
					requestId,
					url: `https://sandbox.idcanopy.example/api/v2/actorTrip/urlback?t=${randomBytes(12).toString('hex')}`,
					expiresAfter: new Date(Date.now() + 24 * 3600_000).toISOString(),
				},
			},
		};
	}

	/** Creates a session directly, as if created earlier through the API. */
	seed(requestId: string = randomUUID(), body: Record<string, any> = {}): UmbrellaSession {
		const session: UmbrellaSession = {
			requestId,
			body: { email: 'signer@example.com', phoneNumber: '+436501234567', ...body },
			status: 'pending',
			createdAt: Date.now(),
		};
		this.sessions.set(requestId, session);
		return session;
	}

	/**
	 * The signer finishes identification and signing, and Umbrella sends their browser to the
	 * session's redirectUrl, which is returned. What Umbrella adds to it is not documented, so
	 * nothing is added. With `completesLater`, the session completes that many ms afterwards.
	 */
	finishSession(requestId: string, completesLater = 0): string {
		const session = this.sessions.get(requestId)!;
		if (completesLater) setTimeout(() => this.complete(requestId), completesLater).unref();
		else this.complete(requestId);
		return String(session.body.redirectUrl);
	}

	/** The signer finished identification and signing. */
	complete(requestId: string) {
		this.sessions.get(requestId)!.status = 'completed';
	}

	private getVerification(req: SimRequest): SimResponse {
		const session = this.sessions.get(req.params.sessionId);
		// Undocumented: how an unknown session is answered. The {status:false, message} wrapper is assumed.
		if (!session)
			return {
				status: 200,
				body: { status: false, message: `Session ${req.params.sessionId} not found` },
			};
		if (session.status !== 'completed') {
			return {
				status: 200,
				body: {
					status: true,
					data: {
						isVerified: false,
						status: 'pending',
						message: 'Waiting for the user',
						requestId: session.requestId,
						signature: { content: [] },
					},
				},
			};
		}
		const token = randomBytes(12).toString('hex');
		this.files.set(token, this.servedFile(`umbrella-${session.requestId}`));
		const validBefore = new Date(Date.now() + this.linkLifetimeMs).toISOString();
		const signedAt = new Date().toISOString();
		return {
			status: 200,
			body: {
				status: true,
				data: {
					isVerified: true,
					status: 'completed',
					message: 'Identification and signature completed',
					requestId: session.requestId,
					signature: {
						content: [
							{
								id: randomUUID(),
								method: 'RemoteSignatureLongLivedDisposableCertificate',
								status: 'COMPLETED',
								pageMode: 'ALL_PAGES',
								signedAt,
								plainResource: {
									id: randomUUID(),
									family: 'PLAIN_DOCUMENT',
									resourceUrl: `${this.originUrl}/api/services/storage/plain-${token}`,
									urlValidBefore: validBefore,
								},
								signedResource: {
									id: randomUUID(),
									family: 'SIGNED_DOCUMENT',
									filename: 'contract-signed.pdf',
									mimeType: 'application/pdf',
									sizeBytes: this.files.get(token)!.length,
									resourceUrl: `${this.originUrl}/api/services/storage/${token}`,
									urlValidBefore: validBefore,
								},
							},
						],
					},
					identification: {
						id: randomUUID(),
						actor: 'userToIdentify',
						source: 'ID-SELF',
						firstName: 'Anna',
						lastName: 'Muster',
						email: session.body.email,
						idSelf: { documentCheck: { documentType: 'PASSPORT', result: 'PASS' } },
					},
				},
			},
		};
	}

	private configureWebhook(req: SimRequest): SimResponse {
		const b = req.body ?? {};
		if (!isUri(b.webhookUrl)) return invalid;
		const authHeader = b.metadata?.authHeader ?? {};
		if (
			typeof authHeader !== 'object' ||
			Object.values(authHeader).some((v) => typeof v !== 'string')
		)
			return invalid;
		const createdAt = new Date().toISOString();
		this.webhook = { id: randomUUID(), webhookUrl: b.webhookUrl, authHeader, createdAt };
		return {
			status: 200,
			body: { status: true, data: { id: this.webhook.id, url: b.webhookUrl, createdAt } },
		};
	}
}
