import { randomBytes } from 'node:crypto';

import { isEmail, Simulator, type SimRequest, type SimResponse } from './base';

/**
 * SignatureAPI v1, from signatureapi.com/docs (API version 1.18.0) and the vendor's skills repo:
 * X-API-Key auth with key_test_/key_live_ keys, RFC 7807 problem+json errors, 10 requests per
 * second per key with a burst of 10, cursor pages through links.next.
 */
export interface SimCeremony {
	authentication: Array<Record<string, unknown>>;
	embeddable_in: string[];
	redirect_url: string | null;
	redirect_delay: number;
	url_variant: 'standard' | 'short';
	url: string | null;
	revoked?: boolean;
}

export interface SimRecipient {
	id: string;
	envelope_id: string;
	type: string;
	key: string;
	name: string;
	email: string | null;
	status: string;
	delivery_type: string;
	ceremony_creation: string;
	ceremony: SimCeremony | null;
	ceremonies: SimCeremony[];
	completed_at: string | null;
	status_updated_at: string;
	resends: number;
}

export interface SimEnvelope {
	id: string;
	title: string;
	label: string | null;
	status: string;
	mode: 'test' | 'live';
	routing: string;
	language: string;
	metadata: Record<string, string>;
	topics: string[];
	documents: Array<Record<string, unknown>>;
	recipients: string[];
	created_at: string;
	/** The deliverable made on completion: standard (with the audit trail) unless asked otherwise. */
	deliverable?: { type: 'standard' | 'simple' };
	canceled_reason?: string | null;
}

export interface SimDeliverable {
	id: string;
	envelope_id: string;
	type: 'standard' | 'simple';
	status: 'pending' | 'processing' | 'generated' | 'failed';
	included_documents: string[];
	created_at: string;
	generated_at: string | null;
}

export interface SimEvent {
	id: string;
	type: string;
	timestamp: string;
	data: Record<string, unknown>;
	/** The order SignatureAPI recorded it in (its cursors point into this sequence). */
	seq: number;
	mode: 'test' | 'live';
}

const ERRORS = 'https://signatureapi.com/docs/v1/errors';

export function problem(
	status: number,
	slug: string,
	title: string,
	detail?: string,
	errors?: string[],
): SimResponse {
	return {
		status,
		headers: { 'content-type': 'application/problem+json' },
		body: {
			type: `${ERRORS}/${slug}`,
			title,
			status,
			...(detail ? { detail } : {}),
			...(errors ? { errors } : {}),
		},
	};
}

const LANGUAGES = ['en', 'es', 'fr', 'it', 'pt', 'de', 'zh', 'hu'];
const RECIPIENT_TYPES = ['signer', 'approver', 'preparer', 'automatic_signer'];
const ORIGIN = /^(\*|'self'|https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?(\/\S*)?)$/i;

export class SignatureApiSimulator extends Simulator {
	readonly testKey = 'key_test_4Jd8sPq2LmZx7Vw1Rt6y';
	readonly liveKey = 'key_live_9Hs3kLp0QaWe5Rt2Yu7i';
	/** Live mode is off until the account is upgraded: live keys then answer 401 live-mode-disabled. */
	liveEnabled = false;
	readonly envelopes = new Map<string, SimEnvelope>();
	readonly recipients = new Map<string, SimRecipient>();
	readonly deliverables = new Map<string, SimDeliverable>();
	readonly files = new Map<string, Buffer>();
	/** Token bucket per key: 10 per second, burst 10. */
	rate = { perSecond: 10, burst: 10 };
	readonly throttled: SimRequest[] = [];
	private readonly buckets = new Map<string, { tokens: number; at: number }>();
	private seq = 0;

	/** Credential data pointing at this simulator, with the secrets it accepts. */
	credential(): Record<string, string> {
		return {
			apiKey: this.testKey,
			webhookSecret: '',
			environment: 'custom',
			customUrl: this.baseUrl,
		};
	}

	constructor() {
		super('/v1');
		const api =
			(handler: (req: SimRequest, mode: 'test' | 'live') => SimResponse) => (req: SimRequest) =>
				this.guard(req, handler);
		this.route(
			'GET',
			'/envelopes',
			api((req, mode) => this.listEnvelopes(req, mode)),
		);
		this.route(
			'POST',
			'/envelopes',
			api((req, mode) => this.createEnvelope(req, mode)),
		);
		this.route(
			'GET',
			'/envelopes/:id',
			api((req, mode) =>
				this.withEnvelope(req, mode, (e) => ({ status: 200, body: this.envelopeView(e) })),
			),
		);
		this.route(
			'POST',
			'/envelopes/:id/cancel',
			api((req, mode) => this.withEnvelope(req, mode, (e) => this.cancel(e, req))),
		);
		this.route(
			'GET',
			'/recipients/:id',
			api((req, mode) =>
				this.withRecipient(req, mode, (r) => ({ status: 200, body: this.recipientView(r) })),
			),
		);
		this.route(
			'POST',
			'/recipients/:id/ceremonies',
			api((req, mode) => this.withRecipient(req, mode, (r) => this.createCeremony(r, req))),
		);
		this.route(
			'POST',
			'/recipients/:id/replace',
			api((req, mode) => this.withRecipient(req, mode, (r) => this.replace(r, req))),
		);
		this.route(
			'POST',
			'/recipients/:id/resend',
			api((req, mode) => this.withRecipient(req, mode, (r) => this.resend(r))),
		);
		// The envelope's deliverables, one page (cursor pages as every list; a few per envelope).
		this.route(
			'GET',
			'/envelopes/:id/deliverables',
			api((req, mode) =>
				this.withEnvelope(req, mode, (e) => ({
					status: 200,
					body: {
						links: { next: null, previous: null },
						data: [...this.deliverables.values()]
							.filter((d) => d.envelope_id === e.id)
							.map((d) => this.deliverableView(d)),
					},
				})),
			),
		);
		this.route(
			'GET',
			'/deliverables/:id',
			api((req, mode) =>
				this.withDeliverable(req, mode, (d) => ({ status: 200, body: this.deliverableView(d) })),
			),
		);
		// The pre-signed vault URL: it needs no API key, and expires.
		this.route('GET', '/vault/:token', (req) =>
			this.files.has(req.params.token)
				? {
						status: 200,
						raw: this.files.get(req.params.token)!,
						headers: { 'content-type': 'application/pdf' },
					}
				: {
						status: 403,
						raw: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
						headers: { 'content-type': 'application/xml' },
					},
		);
		// The account's event list (see the events block at the end).
		this.route('GET', '/events', (req) => this.guard(req, (r, mode) => this.listEvents(r, mode)));
	}

	private id(prefix: string) {
		return `${prefix}_${(++this.seq).toString(36)}${randomBytes(6).toString('hex')}`;
	}

	private guard(
		req: SimRequest,
		handler: (req: SimRequest, mode: 'test' | 'live') => SimResponse,
	): SimResponse {
		const key = req.headers['x-api-key'];
		if (typeof key !== 'string' || (key !== this.testKey && key !== this.liveKey)) {
			return problem(
				401,
				'invalid-api-key',
				'Invalid API Key',
				'The API key provided in the X-API-Key header is missing or not valid.',
			);
		}
		const mode = key === this.testKey ? 'test' : 'live';
		if (mode === 'live' && !this.liveEnabled) {
			return problem(
				401,
				'live-mode-disabled',
				'Live Mode Disabled',
				'Live mode is not enabled for this account.',
			);
		}
		if (!this.take(key)) {
			this.throttled.push(req);
			return {
				...problem(
					429,
					'too-many-requests',
					'Too Many Requests',
					'Rate limit exceeded. Retry after the number of seconds in the Retry-After header.',
				),
				headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
			};
		}
		return handler(req, mode);
	}

	private take(key: string): boolean {
		const now = Date.now();
		const bucket = this.buckets.get(key) ?? { tokens: this.rate.burst, at: now };
		bucket.tokens = Math.min(
			this.rate.burst,
			bucket.tokens + ((now - bucket.at) / 1000) * this.rate.perSecond,
		);
		bucket.at = now;
		this.buckets.set(key, bucket);
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}

	/** Uses up a key's burst, as another workflow sharing the key would, and keeps it used up for `forMs` more. */
	drain(key: string, forMs = 0) {
		this.buckets.set(key, { tokens: -(forMs / 1000) * this.rate.perSecond, at: Date.now() });
	}

	/** Forgets the rate limiter's state (a fresh second for every key). */
	resetRate() {
		this.buckets.clear();
		this.throttled.length = 0;
	}

	// ---------- seeding, for tests and the demo ----------

	/** An in-progress envelope with one signer, as if created earlier through the API. */
	seedEnvelope(
		partial: Partial<SimEnvelope> = {},
		recipient: Partial<SimRecipient> = {},
	): { envelope: SimEnvelope; recipient: SimRecipient } {
		const envelope: SimEnvelope = {
			id: partial.id ?? this.id('env'),
			title: 'Service Agreement',
			label: null,
			status: 'in_progress',
			mode: 'test',
			routing: 'sequential',
			language: 'en',
			metadata: {},
			topics: [],
			documents: [
				{
					id: this.id('doc'),
					key: 'main',
					title: 'Service Agreement',
					format: 'pdf',
					url: 'https://example.com/agreement.pdf',
					places: [],
				},
			],
			recipients: [],
			created_at: new Date(Date.now() - this.seq * 1000).toISOString(),
			...partial,
		};
		this.envelopes.set(envelope.id, envelope);
		const r = this.addRecipient(envelope, {
			type: 'signer',
			key: 'client',
			name: 'Ana Client',
			email: 'ana@example.com',
			status: 'sent',
			...recipient,
		});
		return { envelope, recipient: r };
	}

	private addRecipient(envelope: SimEnvelope, partial: Partial<SimRecipient>): SimRecipient {
		const r: SimRecipient = {
			id: partial.id ?? this.id('re'),
			envelope_id: envelope.id,
			type: 'signer',
			key: 'signer',
			name: '',
			email: null,
			status: 'pending',
			delivery_type: 'email',
			ceremony_creation: 'automatic',
			ceremony: null,
			ceremonies: [],
			completed_at: null,
			status_updated_at: new Date().toISOString(),
			resends: 0,
			...partial,
		};
		this.recipients.set(r.id, r);
		envelope.recipients.push(r.id);
		return r;
	}

	/**
	 * The recipient ends their ceremony: signs (and the envelope completes when they were the last
	 * signer) or rejects it (the envelope stays in progress). Returns the URL SignatureAPI sends
	 * the signer's browser to: the ceremony's redirect_url with ceremony_result, envelope_id and
	 * recipient_id added. With `completesLater`, the envelope completes that many ms after the
	 * redirect, as it may when SignatureAPI is still finishing it.
	 */
	finishCeremony(
		recipientId: string,
		result: 'completed' | 'rejected' = 'completed',
		completesLater = 0,
	): string {
		const r = this.recipients.get(recipientId)!;
		const envelope = this.envelopes.get(r.envelope_id)!;
		const redirect = r.ceremony?.redirect_url;
		if (!redirect) throw new Error(`recipient ${recipientId} has no ceremony with a redirect_url`);
		r.status = result;
		r.status_updated_at = new Date().toISOString();
		if (result === 'completed') {
			r.completed_at = r.status_updated_at;
			const done = () =>
				envelope.recipients.every((id) => this.recipients.get(id)!.status === 'completed') &&
				this.complete(envelope.id);
			if (completesLater) setTimeout(done, completesLater).unref();
			else done();
		}
		const url = new URL(redirect);
		url.searchParams.set('ceremony_result', result);
		url.searchParams.set('envelope_id', envelope.id);
		url.searchParams.set('recipient_id', recipientId);
		return url.toString();
	}

	/** Completes an envelope and generates its deliverable, as SignatureAPI does after the last signature. */
	complete(envelopeId: string): SimDeliverable {
		const envelope = this.envelopes.get(envelopeId)!;
		envelope.status = 'completed';
		for (const id of envelope.recipients) {
			const r = this.recipients.get(id)!;
			r.status = 'completed';
			r.completed_at = new Date().toISOString();
		}
		const deliverable: SimDeliverable = {
			id: this.id('del'),
			envelope_id: envelopeId,
			type: envelope.deliverable?.type ?? 'standard',
			status: 'generated',
			included_documents: envelope.documents.map((d) => String(d.id)),
			created_at: new Date().toISOString(),
			generated_at: new Date().toISOString(),
		};
		this.deliverables.set(deliverable.id, deliverable);
		return deliverable;
	}

	// ---------- views ----------

	private ceremonyView(c: SimCeremony | null) {
		if (!c) return null;
		const { revoked: _revoked, ...visible } = c;
		return visible;
	}

	recipientView(r: SimRecipient) {
		const { ceremonies: _c, resends: _r, ...visible } = r;
		return { ...visible, ceremony: this.ceremonyView(r.ceremony) };
	}

	envelopeView(e: SimEnvelope) {
		// Processing finishes on the first read after creation.
		if (e.status === 'processing') e.status = 'in_progress';
		return {
			...e,
			recipients: e.recipients.map((id) => this.recipientView(this.recipients.get(id)!)),
		};
	}

	deliverableView(d: SimDeliverable) {
		let url: string | null = null;
		if (d.status === 'generated') {
			// A fresh pre-signed URL on every read; each expires (here: when the next one is issued).
			const token = randomBytes(16).toString('hex');
			for (const [t, file] of this.files)
				if (file.toString('utf8').includes(d.id)) this.files.delete(t);
			this.files.set(token, this.servedFile(`deliverable ${d.id}`));
			url = `${this.originUrl}/v1/vault/${token}?X-Amz-Expires=3600`;
		}
		return { ...d, url };
	}

	// ---------- lookups (test and live are separate namespaces) ----------

	private withEnvelope(
		req: SimRequest,
		mode: string,
		fn: (e: SimEnvelope) => SimResponse,
	): SimResponse {
		const e = this.envelopes.get(req.params.id);
		return e && e.mode === mode
			? fn(e)
			: problem(404, 'not-found', 'Not Found', `Envelope ${req.params.id} was not found.`);
	}

	private withRecipient(
		req: SimRequest,
		mode: string,
		fn: (r: SimRecipient) => SimResponse,
	): SimResponse {
		const r = this.recipients.get(req.params.id);
		const e = r && this.envelopes.get(r.envelope_id);
		return r && e?.mode === mode
			? fn(r)
			: problem(404, 'not-found', 'Not Found', `Recipient ${req.params.id} was not found.`);
	}

	private withDeliverable(
		req: SimRequest,
		mode: string,
		fn: (d: SimDeliverable) => SimResponse,
	): SimResponse {
		const d = this.deliverables.get(req.params.id);
		const e = d && this.envelopes.get(d.envelope_id);
		return d && e?.mode === mode
			? fn(d)
			: problem(404, 'not-found', 'Not Found', `Deliverable ${req.params.id} was not found.`);
	}

	// ---------- ceremonies ----------

	ceremonyProblems(body: any, at = ''): string[] {
		const problems: string[] = [];
		const auth = body?.authentication;
		if (!Array.isArray(auth) || auth.length === 0)
			problems.push(`${at}authentication is required and must be a non-empty array`);
		(Array.isArray(auth) ? auth : []).forEach((a: any, i: number) => {
			if (!['email_link', 'email_code', 'custom'].includes(a?.type))
				problems.push(
					`${at}authentication[${i}].type must be one of email_link, email_code, custom`,
				);
			if (a?.type === 'custom' && (typeof a.provider !== 'string' || !a.provider))
				problems.push(`${at}authentication[${i}].provider is required`);
			if (
				a?.type === 'custom' &&
				a.data !== undefined &&
				(typeof a.data !== 'object' || Array.isArray(a.data))
			)
				problems.push(`${at}authentication[${i}].data must be an object`);
		});
		if (body?.redirect_url !== undefined && body.redirect_url !== null) {
			if (typeof body.redirect_url !== 'string' || !body.redirect_url.startsWith('https://'))
				problems.push(`${at}redirect_url protocol must be HTTPS`);
		}
		if (
			body?.redirect_delay !== undefined &&
			!(
				Number.isInteger(body.redirect_delay) &&
				body.redirect_delay >= 0 &&
				body.redirect_delay <= 20
			)
		) {
			problems.push(`${at}redirect_delay must be an integer between 0 and 20`);
		}
		if (body?.url_variant !== undefined && !['standard', 'short'].includes(body.url_variant))
			problems.push(`${at}url_variant must be one of standard, short`);
		if (body?.embeddable_in !== undefined) {
			if (!Array.isArray(body.embeddable_in)) problems.push(`${at}embeddable_in must be an array`);
			else
				body.embeddable_in.forEach((o: unknown, i: number) => {
					if (typeof o !== 'string' || !ORIGIN.test(o))
						problems.push(`${at}embeddable_in[${i}] must be a valid origin`);
				});
		}
		return problems;
	}

	private buildCeremony(body: any): SimCeremony {
		const first = body.authentication[0]?.type;
		const variant = body.url_variant ?? 'standard';
		const token = randomBytes(12).toString('hex');
		return {
			authentication: body.authentication,
			embeddable_in: body.embeddable_in ?? [],
			redirect_url: body.redirect_url ?? null,
			redirect_delay: body.redirect_delay ?? 3,
			url_variant: variant,
			// The link is emailed when the first method is email_link, so no URL is returned.
			url:
				first === 'email_link'
					? null
					: variant === 'short'
						? `https://sign.signatureapi.com/s/${token.slice(0, 8)}`
						: `https://sign.signatureapi.com/en/start?token=${token}`,
		};
	}

	private createCeremony(r: SimRecipient, req: SimRequest): SimResponse {
		const problems = this.ceremonyProblems(req.body);
		if (problems.length)
			return problem(
				422,
				'validation-error',
				'Validation Error',
				'The request body has invalid fields.',
				problems,
			);
		const envelope = this.envelopes.get(r.envelope_id)!;
		// Whether a ceremony can be created while the envelope is still processing is not documented; allowed here.
		if (
			!['processing', 'in_progress'].includes(envelope.status) ||
			['completed', 'rejected', 'replaced'].includes(r.status)
		) {
			return problem(
				409,
				'cannot-create-ceremony',
				'Cannot Create Ceremony',
				`Recipient ${r.id} is ${r.status} in an envelope that is ${envelope.status}.`,
			);
		}
		for (const c of r.ceremonies) c.revoked = true;
		const ceremony = this.buildCeremony(req.body);
		r.ceremonies.push(ceremony);
		r.ceremony = ceremony;
		return { status: 201, body: this.ceremonyView(ceremony) };
	}

	// ---------- envelopes ----------

	private createEnvelope(req: SimRequest, mode: 'test' | 'live'): SimResponse {
		const b = req.body ?? {};
		const problems: string[] = [];
		if (typeof b.title !== 'string' || b.title.length < 1 || b.title.length > 500)
			problems.push('title must be between 1 and 500 characters');
		const docs = Array.isArray(b.documents) ? b.documents : [];
		if (docs.length < 1 || docs.length > 10)
			problems.push('documents must contain between 1 and 10 items');
		const recipients = Array.isArray(b.recipients) ? b.recipients : [];
		if (!recipients.length) problems.push('recipients must contain at least 1 item');
		const keys = new Set<string>();
		recipients.forEach((r: any, i: number) => {
			if (!RECIPIENT_TYPES.includes(r?.type))
				problems.push(`recipients[${i}].type must be one of ${RECIPIENT_TYPES.join(', ')}`);
			if (typeof r?.key !== 'string' || !r.key) problems.push(`recipients[${i}].key is required`);
			else if (keys.has(r.key)) problems.push(`recipients[${i}].key must be unique`);
			else keys.add(r.key);
			if (typeof r?.name !== 'string' || !r.name)
				problems.push(`recipients[${i}].name is required`);
			if (r?.type !== 'automatic_signer' && !isEmail(r?.email))
				problems.push(`recipients[${i}].email must be a valid email address`);
			if (r?.ceremony !== undefined)
				problems.push(...this.ceremonyProblems(r.ceremony, `recipients[${i}].ceremony.`));
			if (r?.delivery_type !== undefined && !['email', 'none'].includes(r.delivery_type))
				problems.push(`recipients[${i}].delivery_type must be one of email, none`);
			if (
				r?.ceremony_creation !== undefined &&
				!['automatic', 'manual'].includes(r.ceremony_creation)
			)
				problems.push(`recipients[${i}].ceremony_creation must be one of automatic, manual`);
		});
		docs.forEach((d: any, i: number) => {
			if (typeof d?.url !== 'string' || !d.url.startsWith('https://'))
				problems.push(`documents[${i}].url protocol must be HTTPS`);
			if (d?.format !== undefined && !['pdf', 'docx'].includes(d.format))
				problems.push(`documents[${i}].format must be one of pdf, docx`);
			(Array.isArray(d?.places) ? d.places : []).forEach((p: any, j: number) => {
				if (!keys.has(p?.recipient_key))
					problems.push(`documents[${i}].places[${j}].recipient_key must match a recipient key`);
			});
		});
		if (b.routing !== undefined && !['sequential', 'parallel'].includes(b.routing))
			problems.push('routing must be one of sequential, parallel');
		if (b.language !== undefined && !LANGUAGES.includes(b.language))
			problems.push(`language must be one of ${LANGUAGES.join(', ')}`);
		const metadata = b.metadata ?? {};
		if (Object.keys(metadata).length > 10) problems.push('metadata must have at most 10 keys');
		for (const [k, v] of Object.entries(metadata)) {
			if (k.length > 32) problems.push(`metadata key ${k} must be at most 32 characters`);
			if (typeof v !== 'string' || v.length > 1000)
				problems.push(`metadata.${k} must be a string of at most 1000 characters`);
		}
		if (b.topics !== undefined && (!Array.isArray(b.topics) || b.topics.length > 10))
			problems.push('topics must contain at most 10 items');
		if (b.deliverable !== undefined && !['standard', 'simple'].includes(b.deliverable?.type))
			problems.push('deliverable.type must be one of standard, simple');
		if (problems.length)
			return problem(
				422,
				'validation-error',
				'Validation Error',
				'The request body has invalid fields.',
				problems,
			);
		const blocked = recipients.find((r: any) => r.email === 'bounced@example.com');
		if (blocked)
			return problem(
				422,
				'blocked-email',
				'Blocked Email',
				`Emails to ${blocked.email} hard-bounced before and are blocked.`,
			);

		const { envelope } = this.seedEnvelope(
			{
				title: b.title,
				label: b.label ?? null,
				status: 'processing',
				mode,
				routing: b.routing ?? 'sequential',
				language: b.language ?? 'en',
				metadata,
				topics: b.topics ?? [],
				...(b.deliverable ? { deliverable: { type: b.deliverable.type } } : {}),
				documents: docs.map((d: any) => ({
					id: this.id('doc'),
					key: d.key ?? null,
					title: d.title ?? null,
					format: d.format ?? 'pdf',
					url: d.url,
					places: d.places ?? [],
				})),
				recipients: [],
			},
			{ id: '__none__' },
		);
		this.recipients.delete('__none__');
		envelope.recipients = [];
		recipients.forEach((r: any, i: number) => {
			const manual = r.ceremony_creation === 'manual';
			const ceremony =
				!manual && r.type !== 'automatic_signer'
					? this.buildCeremony(r.ceremony ?? { authentication: [{ type: 'email_link' }] })
					: null;
			this.addRecipient(envelope, {
				type: r.type,
				key: r.key,
				name: r.name,
				email: r.email ?? null,
				status: b.routing === 'parallel' || i === 0 ? 'awaiting' : 'pending',
				delivery_type: r.delivery_type ?? 'email',
				ceremony_creation: r.ceremony_creation ?? 'automatic',
				ceremony,
				ceremonies: ceremony ? [ceremony] : [],
			});
		});
		const view = {
			...envelope,
			recipients: envelope.recipients.map((id) => this.recipientView(this.recipients.get(id)!)),
		};
		return { status: 201, body: view };
	}

	private listEnvelopes(req: SimRequest, mode: string): SimResponse {
		const all = [...this.envelopes.values()]
			.filter((e) => e.mode === mode)
			.filter((e) => !req.query.status || e.status === req.query.status)
			.filter((e) => !req.query.topic || e.topics.includes(req.query.topic))
			.sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
		return this.cursorPage(req, all, {
			path: '/envelopes',
			cursorOf: (e) => `seq_${e.id}`,
			keep: ['status', 'topic'],
			view: (e) => this.envelopeView(e),
		});
	}

	/**
	 * One page of a list sorted newest first, as SignatureAPI pages: `limit` items (1 to 20, 20 by
	 * default) from the one the cursor names, with links.next and links.previous carrying the
	 * filters in `keep` along. A cursor names an item, so a page read again later holds the same
	 * items however many newer ones were added.
	 */
	private cursorPage<T>(
		req: SimRequest,
		all: T[],
		options: {
			path: string;
			cursorOf: (item: T) => string;
			keep: string[];
			view: (item: T) => unknown;
		},
	): SimResponse {
		const limit = req.query.limit === undefined ? 20 : Number(req.query.limit);
		const invalid = (rule: string) =>
			problem(422, 'validation-error', 'Validation Error', 'The query has invalid parameters.', [
				rule,
			]);
		if (!Number.isInteger(limit) || limit < 1 || limit > 20)
			return invalid('limit must be an integer between 1 and 20');
		const start = req.query.cursor
			? all.findIndex((item) => options.cursorOf(item) === req.query.cursor)
			: 0;
		if (start === -1) return invalid('cursor is invalid');
		const link = (item: T | undefined) => {
			if (item === undefined) return null;
			const q = new URLSearchParams({ cursor: options.cursorOf(item), limit: String(limit) });
			for (const name of options.keep) if (req.query[name]) q.set(name, req.query[name]);
			return `${this.baseUrl}${options.path}?${q.toString()}`;
		};
		return {
			status: 200,
			body: {
				links: {
					next: link(all[start + limit]),
					previous: start > 0 ? link(all[Math.max(0, start - limit)]) : null,
				},
				data: all.slice(start, start + limit).map(options.view),
			},
		};
	}

	private cancel(e: SimEnvelope, req: SimRequest): SimResponse {
		if (e.status !== 'in_progress') {
			return problem(
				409,
				'envelope-not-in-progress',
				'Conflict',
				`Envelope ${e.id} is ${e.status}; only envelopes in progress can be canceled.`,
			);
		}
		if (req.body?.reason !== undefined && typeof req.body.reason !== 'string') {
			return problem(
				422,
				'validation-error',
				'Validation Error',
				'The request body has invalid fields.',
				['reason must be a string'],
			);
		}
		e.status = 'canceled';
		e.canceled_reason = req.body?.reason ?? null;
		return { status: 200, body: this.envelopeView(e) };
	}

	// ---------- recipients ----------

	private replace(r: SimRecipient, req: SimRequest): SimResponse {
		const { name, email } = req.body ?? {};
		const problems: string[] = [];
		if (typeof name !== 'string' || !name) problems.push('name is required');
		if (!isEmail(email)) problems.push('email must be a valid email address');
		if (problems.length)
			return problem(
				422,
				'validation-error',
				'Validation Error',
				'The request body has invalid fields.',
				problems,
			);
		const envelope = this.envelopes.get(r.envelope_id)!;
		if (
			['completed', 'replaced'].includes(r.status) ||
			!['processing', 'in_progress'].includes(envelope.status)
		) {
			return problem(
				409,
				'cannot-replace',
				'Cannot Replace Recipient',
				`Recipient ${r.id} is ${r.status} and the envelope is ${envelope.status}.`,
			);
		}
		r.status = 'replaced';
		const replacement = this.addRecipient(envelope, {
			type: r.type,
			key: r.key,
			name,
			email,
			status: 'awaiting',
			delivery_type: r.delivery_type,
			ceremony_creation: 'manual',
		});
		return { status: 201, body: this.recipientView(replacement) };
	}

	private resend(r: SimRecipient): SimResponse {
		const envelope = this.envelopes.get(r.envelope_id)!;
		if (!['sent', 'soft_bounced'].includes(r.status) || envelope.status !== 'in_progress') {
			return problem(
				409,
				'cannot-resend',
				'Cannot Resend',
				`Recipient ${r.id} is ${r.status}; only sent or soft-bounced recipients can be resent.`,
			);
		}
		if (r.resends >= 3)
			return problem(
				422,
				'resend-limit-reached',
				'Resend Limit Reached',
				'This recipient was resent the maximum number of times.',
			);
		r.resends += 1;
		return {
			status: 200,
			body: { can_resend_at: new Date(Date.now() + 15 * 60_000).toISOString() },
		};
	}

	// ---------- events (GET /v1/events: the account's events, newest first) ----------

	/** Every event the account has, as SignatureAPI records them. */
	readonly events: SimEvent[] = [];
	private eventSeq = 0;
	/** Runs before each page of events is answered: a test adds events while the list is read. */
	beforeEventsPage?: (req: SimRequest) => void;

	/** Records an event; `timestamp` (ISO) defaults to now. */
	addEvent(
		type: string,
		data: Record<string, unknown>,
		options: { timestamp?: string; mode?: 'test' | 'live' } = {},
	): SimEvent {
		const event: SimEvent = {
			id: `evt_${(++this.eventSeq).toString(36).padStart(6, '0')}${randomBytes(4).toString('hex')}`,
			type,
			timestamp: options.timestamp ?? new Date().toISOString(),
			data,
			seq: this.eventSeq,
			mode: options.mode ?? 'test',
		};
		this.events.push(event);
		return event;
	}

	/**
	 * An envelope's signers all sign: the envelope completes and its deliverable is generated, with
	 * the events SignatureAPI records for that, in that order, all at `timestamp`.
	 */
	completeWithEvents(envelopeId: string, timestamp?: string): SimEvent[] {
		const envelope = this.envelopes.get(envelopeId)!;
		const deliverable = this.complete(envelopeId);
		const base = { envelope_id: envelopeId, envelope_metadata: envelope.metadata };
		const at = { timestamp, mode: envelope.mode };
		return [
			...envelope.recipients.map((id) =>
				this.addEvent(
					'recipient.completed',
					{ ...base, object_id: id, object_type: 'recipient', recipient_type: 'signer' },
					at,
				),
			),
			this.addEvent(
				'envelope.completed',
				{ ...base, object_id: envelopeId, object_type: 'envelope' },
				at,
			),
			this.addEvent(
				'deliverable.generated',
				{
					...base,
					object_id: deliverable.id,
					object_type: 'deliverable',
					deliverable_type: deliverable.type,
					included_documents: deliverable.included_documents,
				},
				at,
			),
		];
	}

	/**
	 * Newest first (by timestamp, then by the order recorded), `limit` (at most 20) to a page,
	 * filtered by `type`. A cursor marks an event (the first of its page): pages are cut from a
	 * place in the sequence, so a page read later holds the same events however many were added.
	 */
	private listEvents(req: SimRequest, mode: string): SimResponse {
		this.beforeEventsPage?.(req);
		const all = this.events
			.filter((e) => e.mode === mode && (!req.query.type || e.type === req.query.type))
			.sort((a, b) => b.timestamp.localeCompare(a.timestamp) || b.seq - a.seq);
		return this.cursorPage(req, all, {
			path: '/events',
			cursorOf: (e) => `seq_${e.seq}`,
			keep: ['type'],
			view: ({ seq: _seq, mode: _mode, ...event }) => event,
		});
	}
}
