import { randomBytes } from 'node:crypto';

import { isEmail, Simulator, type SimRequest, type SimResponse } from './base';

/** Lumin Sign API v1, from openapi.yaml and the developers.luminpdf.com pages. */
export interface LuminRequest {
	signature_request_id: string;
	title: string;
	created_at: number;
	updated_at: number;
	expires_at: number;
	status: string;
	signing_type: 'SAME_TIME' | 'ORDER';
	signers: Array<{
		email_address: string;
		name: string;
		group?: number;
		is_approved: boolean;
		status: string;
	}>;
	viewers: Array<{ email_address: string; name: string }>;
	reminders: Record<string, number>;
	from_api: boolean;
	/** Why a signer declined (REJECTED). */
	reason?: string | null;
}

const error = (status: number, error_code: string, error_message: string): SimResponse => ({
	status,
	body: { error_code, error_message },
});

export class LuminSimulator extends Simulator {
	readonly apiKey: string;
	readonly requests_ = new Map<string, LuminRequest>();
	readonly templates = [
		{ id: 'sign_tpl_nda', name: 'Mutual NDA', roles: ['Client'] },
		{ id: 'pdf_tpl_offer', name: 'Offer Letter', roles: ['Candidate', 'Manager'] },
	];
	private counter = 0;

	/** Credential data pointing at this simulator, with the secrets it accepts. */
	credential(): Record<string, string> {
		return { apiKey: this.apiKey, environment: 'custom', customUrl: this.baseUrl };
	}

	constructor(apiKey = 'lumin_live_9f8e7d6c5b4a3f2e1d0c') {
		super('/v1');
		this.apiKey = apiKey;
		const authed = (handler: (req: SimRequest) => SimResponse) => (req: SimRequest) =>
			req.headers['x-api-key'] === this.apiKey
				? handler(req)
				: error(401, 'invalid_api_key', 'The API key is missing or invalid');

		this.route(
			'GET',
			'/user/info',
			authed(() => ({
				status: 200,
				body: { user: { id: 'usr_1', email: 'owner@example.com', name: 'Workspace Owner' } },
			})),
		);
		this.route(
			'POST',
			'/signature_request/send',
			authed((req) => this.send(req, false)),
		);
		this.route(
			'POST',
			'/signature_request/send-from-template',
			authed((req) => this.send(req, true)),
		);
		this.route(
			'GET',
			'/signature_request/:id',
			authed((req) =>
				this.withRequest(req, (r) => ({ status: 200, body: { signature_request: this.view(r) } })),
			),
		);
		this.route(
			'PUT',
			'/signature_request/cancel/:id',
			authed((req) => this.withRequest(req, (r) => this.cancel(r))),
		);
		this.route(
			'POST',
			'/signature_request/remind/:id',
			authed((req) => this.withRequest(req, (r) => this.remind(r, req))),
		);
		this.route(
			'GET',
			'/signature_request/:id/file',
			authed((req) => this.withRequest(req, (r) => this.file(r, req))),
		);
		this.route(
			'POST',
			'/signature_request/:id/signing-session',
			authed((req) => this.withRequest(req, (r) => this.session(r, req))),
		);
		this.route(
			'POST',
			'/signature_request/:id/signing-link',
			authed((req) => this.withRequest(req, (r) => this.link(r, req))),
		);
		this.route(
			'GET',
			'/templates',
			authed((req) => this.listTemplates(req)),
		);
		// The pre-signed storage URL: no API key needed (and none should be sent).
		this.route('GET', '/storage/:token', (req) =>
			this.files.has(req.params.token)
				? {
						status: 200,
						raw: this.files.get(req.params.token)!,
						headers: { 'content-type': 'application/pdf' },
					}
				: { status: 403, body: { message: 'expired link' } },
		);
	}

	readonly files = new Map<string, Buffer>();

	/** Creates a request directly, as if sent earlier through the API. */
	seed(partial: Partial<LuminRequest> = {}): LuminRequest {
		const id =
			partial.signature_request_id ?? `sr_${++this.counter}${randomBytes(3).toString('hex')}`;
		const now = Date.now();
		const request: LuminRequest = {
			signature_request_id: id,
			title: 'Seeded agreement',
			created_at: now,
			updated_at: now,
			expires_at: now + 7 * 86400_000,
			status: 'NEED_TO_SIGN',
			signing_type: 'SAME_TIME',
			signers: [
				{
					email_address: 'signer@example.com',
					name: 'Sam Signer',
					is_approved: false,
					status: 'NEED_TO_SIGN',
				},
			],
			viewers: [{ email_address: 'viewer@example.com', name: 'Vic Viewer' }],
			reminders: {},
			from_api: true,
			...partial,
		};
		this.requests_.set(id, request);
		return request;
	}

	/** A signer declines: Lumin sets the request to REJECTED with the reason. */
	reject(id: string, reason = 'The amount is wrong') {
		const r = this.requests_.get(id)!;
		r.status = 'REJECTED';
		r.reason = reason;
		r.signers[0].status = 'REJECTED';
		r.updated_at = Date.now();
	}

	approve(id: string) {
		const r = this.requests_.get(id)!;
		r.status = 'APPROVED';
		r.updated_at = Date.now();
		r.signers.forEach((s) => ((s.is_approved = true), (s.status = 'APPROVED')));
	}

	private withRequest(req: SimRequest, fn: (r: LuminRequest) => SimResponse): SimResponse {
		const r = this.requests_.get(req.params.id);
		return r
			? fn(r)
			: error(404, 'signature_request_not_found', `Signature request ${req.params.id} not found`);
	}

	private view(r: LuminRequest) {
		// Processing is asynchronous: the first read after sending shows the request ready to sign.
		if (r.status === 'WAITING_FOR_PROCESSING') r.status = 'NEED_TO_SIGN';
		const { reminders: _r, from_api: _f, viewers: _v, ...visible } = r;
		return {
			...visible,
			details_url: `https://sign.luminpdf.com/auth?mode=view-contract&token=${r.signature_request_id}`,
			reason: r.reason ?? null,
		};
	}

	private send(req: SimRequest, fromTemplate: boolean): SimResponse {
		const multipart = Boolean(req.parts);
		const body = multipart ? this.unbracket(req.body) : (req.body ?? {});
		const problems: string[] = [];
		if (typeof body.title !== 'string' || body.title.length < 1 || body.title.length > 255)
			problems.push('title must be 1-255 characters');
		const expires = Number(body.expires_at);
		if (!Number.isFinite(expires) || expires <= Date.now())
			problems.push('expires_at must be a future timestamp in milliseconds');
		if (fromTemplate) {
			if (!this.templates.some((t) => t.id === body.template_id))
				return error(404, 'template_not_found', `Template ${body.template_id} not found`);
		} else {
			const files = req.parts?.filter((p) => p.filename !== undefined) ?? [];
			const sources = [body.file_url, body.file_urls, files.length ? files : undefined].filter(
				(s) => s !== undefined,
			);
			if (sources.length !== 1)
				problems.push('exactly one of file_url, file, file_urls, files is required');
			if (body.file_url !== undefined && !/^https?:\/\//.test(body.file_url))
				problems.push('file_url must be a URL');
		}
		const signers = Array.isArray(body.signers) ? body.signers : [];
		if (!signers.length) problems.push('signers is required');
		const signingType = body.signing_type ?? 'SAME_TIME';
		if (!['SAME_TIME', 'ORDER'].includes(signingType))
			problems.push('signing_type must be SAME_TIME or ORDER');
		signers.forEach((s: Record<string, unknown>, i: number) => {
			if (!isEmail(s.email_address)) problems.push(`signers[${i}].email_address is invalid`);
			if (!s.name) problems.push(`signers[${i}].name is required`);
			if (signingType === 'ORDER' && !(Number(s.group) >= 1))
				problems.push(`signers[${i}].group is required when signing_type is ORDER`);
		});
		if (problems.length) return error(400, 'invalid_request', problems.join('; '));
		const r = this.seed({
			title: body.title,
			expires_at: expires,
			status: 'WAITING_FOR_PROCESSING',
			signing_type: signingType,
			signers: signers.map((s: Record<string, unknown>) => ({
				email_address: String(s.email_address),
				name: String(s.name),
				...(s.group ? { group: Number(s.group) } : {}),
				is_approved: false,
				status: 'NEED_TO_SIGN',
			})),
			viewers: (body.viewers ?? []).map((v: Record<string, unknown>) => ({
				email_address: String(v.email_address),
				name: String(v.name),
			})),
		});
		return {
			status: 201,
			body: {
				signature_request: {
					signature_request_id: r.signature_request_id,
					created_at: r.created_at,
					status: 'WAITING_FOR_PROCESSING',
				},
			},
		};
	}

	/** Multipart fields arrive as signers[0][email_address]=...; rebuild the JSON shape. */
	private unbracket(fields: Record<string, string>) {
		const out: Record<string, any> = {};
		for (const [key, value] of Object.entries(fields)) {
			const path = key.replace(/\]/g, '').split('[');
			let cur = out;
			path.forEach((seg, i) => {
				if (i === path.length - 1) cur[seg] = value;
				else cur = cur[seg] ??= /^\d+$/.test(path[i + 1]) ? [] : {};
			});
		}
		return out;
	}

	private cancel(r: LuminRequest): SimResponse {
		if (!['NEED_TO_SIGN', 'WAITING_FOR_OTHERS', 'WAITING_FOR_PROCESSING'].includes(r.status)) {
			return error(
				400,
				'invalid_status',
				`Signature request is ${r.status} and cannot be cancelled`,
			);
		}
		r.status = 'CANCELLED';
		return {
			status: 200,
			body: { signature_request_id: r.signature_request_id, status: 'CANCELLED' },
		};
	}

	private remind(r: LuminRequest, req: SimRequest): SimResponse {
		const emails = req.body?.emails;
		if (!Array.isArray(emails) || !emails.length)
			return error(400, 'invalid_request', 'emails is required');
		const reminders = emails.map((email: string) => {
			const signer = r.signers.find((s) => s.email_address === email);
			if (!signer) return { email, signer_status: null, email_status: 'BOUNCE' };
			r.reminders[email] = (r.reminders[email] ?? 0) + 1;
			return {
				email,
				signer_status: signer.status,
				email_status: r.reminders[email] > 10 ? 'EXCEED_DAILY_LIMIT' : 'SENT',
			};
		});
		return { status: 200, body: { signature_request: this.view(r), reminders } };
	}

	private file(r: LuminRequest, req: SimRequest): SimResponse {
		const type = req.query.type ?? 'agreement';
		if (!['agreement', 'coc', 'merged'].includes(type))
			return error(400, 'invalid_request', 'type must be agreement, coc or merged');
		if (type !== 'agreement' && r.status !== 'APPROVED')
			return error(400, 'invalid_status', `${type} is only available once the request is APPROVED`);
		const token = randomBytes(12).toString('hex');
		this.files.set(token, this.servedFile(`${r.signature_request_id}-${type}`));
		return {
			status: 200,
			body: {
				signed_url: `${this.originUrl}/v1/storage/${token}`,
				expires_at: Math.floor(Date.now() / 1000) + 1800,
			},
		};
	}

	private recipientStatus(r: LuminRequest, email: string): string | undefined {
		const signer = r.signers.find((s) => s.email_address === email);
		if (signer) return signer.status;
		return r.viewers.some((v) => v.email_address === email) ? 'WAITING_FOR_OTHERS' : undefined;
	}

	private session(r: LuminRequest, req: SimRequest): SimResponse {
		const { signer_email, expiry = 900000 } = req.body ?? {};
		if (typeof signer_email !== 'string' || !signer_email)
			return error(400, 'invalid_request', 'signer_email is required');
		if (!Number.isInteger(expiry) || expiry < 300000 || expiry > 3600000) {
			return error(400, 'invalid_request', 'expiry must be an integer between 300000 and 3600000');
		}
		if (!r.from_api)
			return error(
				403,
				'not_embeddable',
				'Only signature requests created through the public API can be embedded',
			);
		const status = this.recipientStatus(r, signer_email);
		if (!status)
			return error(
				400,
				'recipient_not_found',
				`${signer_email} is not a recipient of this signature request`,
			);
		if (!['NEED_TO_SIGN', 'WAITING_FOR_OTHERS'].includes(r.status)) {
			return error(400, 'invalid_status', `Signature request is ${r.status}`);
		}
		return {
			status: 200,
			body: {
				sign_url: `https://sign.luminpdf.com/embed?session=${randomBytes(16).toString('hex')}`,
				signer_email,
				expires_at: Date.now() + expiry,
				status: status === 'APPROVED' ? 'WAITING_FOR_OTHERS' : status,
			},
		};
	}

	private link(r: LuminRequest, req: SimRequest): SimResponse {
		const email = req.body?.signer_email;
		const status = typeof email === 'string' ? this.recipientStatus(r, email) : undefined;
		if (!status)
			return error(
				400,
				'recipient_not_found',
				`${email} is not a signer of this signature request`,
			);
		return {
			status: 200,
			body: {
				view_url: `https://sign.luminpdf.com/sign/${randomBytes(8).toString('hex')}`,
				signer_email: email,
				status,
			},
		};
	}

	private listTemplates(req: SimRequest): SimResponse {
		if (req.headers['x-lumin-api-version'] !== '1.1')
			return error(400, 'unsupported_version', 'X-Lumin-API-Version: 1.1 is required');
		const page = Number(req.query.page ?? 1);
		const limit = Number(req.query.limit ?? 10);
		if (![10, 25, 50].includes(limit))
			return error(400, 'invalid_request', 'limit must be 10, 25 or 50');
		if (!Number.isInteger(page) || page < 1)
			return error(400, 'invalid_request', 'page must be a whole number of 1 or more');
		const data = this.templates
			.slice((page - 1) * limit, page * limit)
			.map(({ id, name }) => ({ id, name }));
		return { status: 200, body: { page, limit, total_count: this.templates.length, data } };
	}
}
