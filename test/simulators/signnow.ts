import { createHmac, randomBytes } from 'node:crypto';

import { plainRequest, type PlainResponse } from '../harness/tls';
import { isEmail, samplePdf, Simulator, type SimRequest, type SimResponse } from './base';

/**
 * signNow REST API: OAuth2 password grant, documents with roles, field invites, embedded invites
 * and their links, and event subscriptions. Written from the embedded-invite page and the SDK
 * request shapes. signNow's numeric error codes for the embedded-invite rules are not published;
 * the codes below are the simulator's own, the messages follow the page's wording.
 */
export interface SimRole {
	unique_id: string;
	name: string;
	signing_order: string;
}

export interface SimInvite {
	id: string;
	email: string;
	role: string;
	role_id: string;
	order: number;
	status: 'pending' | 'created' | 'fulfilled' | 'declined';
	is_embedded: boolean;
	auth_method?: string;
	/** Email invites: what the signer's email said, and when the invite expires. */
	subject?: string;
	message?: string;
	expiration_days?: number;
	/** Unix seconds, as GET /document/{id} gives them for every invite. */
	created?: number;
	updated?: number;
}

/** A fillable field; text fields carry their name and any prefilled text in json_attributes. */
export interface SimField {
	id: string;
	type: string;
	role_id: string;
	role: string;
	json_attributes?: { name: string; prefilled_text?: string };
}

export interface SimDocument {
	id: string;
	document_name: string;
	owner: string;
	template: boolean;
	created: number;
	updated: number;
	roles: SimRole[];
	fields: SimField[];
	field_invites: SimInvite[];
	file: Buffer;
}

export interface SimSubscription {
	id: string;
	event: string;
	entity_id: string;
	action: string;
	json_attributes: Record<string, unknown>;
	created: number;
}

export const AUTH_METHODS = ['password', 'email', 'mfa', 'social', 'biometric', 'other', 'none'];

const errors = (status: number, code: number, message: string): SimResponse => ({
	status,
	body: { errors: [{ code, message }] },
});
const hex = (bytes = 20) => randomBytes(bytes).toString('hex');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Text tags as signNow reads them with check_fields: {{t:s;r:y;o:"Signer 1";}} marks a field of role "Signer 1". */
export function taggedPdf(roles: string[], label = 'contract'): Buffer {
	const tags = roles.map((r) => `{{t:s;r:y;o:"${r}";}}`).join('\n');
	return Buffer.concat([samplePdf(label), Buffer.from(`% ${tags}\n`, 'utf8')]);
}

/** One event of a document's history, with the fields signNow's own client reads. */
export interface SimHistoryEvent {
	unique_id: string;
	event: string;
	user_id: string;
	document_id: string;
	client_app_name: string;
	ip_address: string;
	email: string;
	created: number;
}

/** A Content-Disposition for a file name with any characters (HTTP headers take ASCII only). */
function attachment(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** CRC-32 as ZIP needs it. */
function crc32(data: Buffer): number {
	let crc = ~0;
	for (const byte of data) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

/** A ZIP archive holding one file, stored uncompressed. */
export function zipOf(name: string, data: Buffer): Buffer {
	const fileName = Buffer.from(name, 'utf8');
	const crc = crc32(data);
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(20, 4);
	local.writeUInt32LE(crc, 14);
	local.writeUInt32LE(data.length, 18);
	local.writeUInt32LE(data.length, 22);
	local.writeUInt16LE(fileName.length, 26);
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(20, 4);
	central.writeUInt16LE(20, 6);
	central.writeUInt32LE(crc, 16);
	central.writeUInt32LE(data.length, 20);
	central.writeUInt32LE(data.length, 24);
	central.writeUInt16LE(fileName.length, 28);
	const centralAt = local.length + fileName.length + data.length;
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(central.length + fileName.length, 12);
	end.writeUInt32LE(centralAt, 16);
	return Buffer.concat([local, fileName, data, central, fileName, end]);
}

export class SignNowSimulator extends Simulator {
	readonly clientId = 'sn_client_7f3a9c2e41';
	readonly clientSecret = 'sn_secret_c0ffee5e7d1b4a9f';
	readonly username = 'owner@example.com';
	readonly password = 'owner-pass-Zq81!x';
	readonly userId = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
	readonly documents = new Map<string, SimDocument>();
	readonly subscriptions = new Map<string, SimSubscription>();
	/** Access tokens issued and still valid. */
	readonly tokens = new Set<string>();

	/** Credential data pointing at this simulator, with the secrets it accepts. */
	credential(): Record<string, string> {
		return {
			authentication: 'passwordGrant',
			clientId: this.clientId,
			clientSecret: this.clientSecret,
			username: this.username,
			password: this.password,
			pastedToken: '',
			webhookSecret: '',
			environment: 'custom',
			customUrl: this.baseUrl,
			accessToken: '',
		};
	}

	constructor() {
		super('');
		this.route('POST', '/oauth2/token', (req) => this.token(req));
		this.route(
			'GET',
			'/oauth2/token',
			this.authed((_req, token) => ({
				status: 200,
				body: { access_token: token, scope: '*', expires_in: '2591000', token_type: 'bearer' },
			})),
		);
		this.route(
			'GET',
			'/user',
			this.authed(() => ({
				status: 200,
				body: {
					id: this.userId,
					first_name: 'Olivia',
					last_name: 'Owner',
					active: '1',
					emails: [this.username],
					primary_email: this.username,
				},
			})),
		);
		// The user's documents, as a bare list (signNow documents no paging for it).
		this.route(
			'GET',
			'/user/documentsv2',
			this.authed(() => ({
				status: 200,
				body: [...this.documents.values()].map((d) => this.view(d)),
			})),
		);
		this.route(
			'POST',
			'/document',
			this.authed((req) => this.upload(req)),
		);
		this.route(
			'POST',
			'/v2/documents/url',
			this.authed((req) => this.uploadFromUrl(req)),
		);
		this.route(
			'GET',
			'/document/:id',
			this.authed((req) => this.withDocument(req, (d) => ({ status: 200, body: this.view(d) }))),
		);
		this.route(
			'GET',
			'/document/:id/download',
			this.authed((req) => this.withDocument(req, (d) => this.download(d, req))),
		);
		this.route(
			'DELETE',
			'/document/:id',
			this.authed((req) => this.withDocument(req, (d) => this.deleteDocument(d))),
		);
		this.route(
			'POST',
			'/v2/documents/:id/embedded-invites',
			this.authed((req) => this.withDocument(req, (d) => this.createInvites(d, req))),
		);
		this.route(
			'POST',
			'/v2/documents/:id/embedded-invites/:inviteId/link',
			this.authed((req) => this.withDocument(req, (d) => this.link(d, req))),
		);
		this.route(
			'DELETE',
			'/v2/documents/:id/embedded-invites',
			this.authed((req) => this.withDocument(req, (d) => this.deleteInvites(d))),
		);
		this.route(
			'POST',
			'/api/v2/events',
			this.authed((req) => this.subscribe(req)),
		);
		this.route(
			'GET',
			'/v2/event-subscriptions',
			this.authed(() => ({ status: 200, body: { data: [...this.subscriptions.values()] } })),
		);
		this.route(
			'GET',
			'/v2/event-subscriptions/:id',
			this.authed((req) => this.withSubscription(req, (s) => ({ status: 200, body: { data: s } }))),
		);
		this.route(
			'DELETE',
			'/v2/event-subscriptions/:id',
			this.authed((req) =>
				this.withSubscription(req, (s) => {
					this.subscriptions.delete(s.id);
					return { status: 204 };
				}),
			),
		);
		this.templateAndInviteRoutes();
	}

	/** The Basic token signNow shows in its API Dashboard: base64(client_id:client_secret). */
	get basicToken(): string {
		return Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64');
	}

	/** Every token issued so far stops working, as after expiry. */
	expireTokens() {
		this.tokens.clear();
	}

	private expiry?: (req: SimRequest) => boolean;

	/** The tokens expire just as the next request matching `match` arrives (it is refused with 401). */
	expireTokensAt(match: (req: SimRequest) => boolean) {
		this.expiry = match;
	}

	/** A subscription registered earlier by someone else (another workflow, say). */
	seedSubscription(input: {
		event: string;
		entityId: string;
		callbackUrl: string;
	}): SimSubscription {
		const subscription: SimSubscription = {
			id: hex(),
			event: input.event,
			entity_id: input.entityId,
			action: 'callback',
			json_attributes: {
				use_tls_12: false,
				docid_queryparam: false,
				delete_access_token: true,
				callback_url: input.callbackUrl,
			},
			created: Math.floor(Date.now() / 1000),
		};
		this.subscriptions.set(subscription.id, subscription);
		return subscription;
	}

	/** Subscriptions of the account that call `callbackUrl`. */
	subscriptionsCalling(callbackUrl: string): SimSubscription[] {
		return [...this.subscriptions.values()].filter(
			(s) => s.json_attributes.callback_url === callbackUrl,
		);
	}

	/** One event as signNow delivers it: a callback for every subscription to that event and entity. */
	deliver(event: string, entityId: string, content: Record<string, unknown>) {
		return [...this.subscriptions.values()]
			.filter((s) => s.event === event && s.entity_id === entityId)
			.map((s) => ({ subscriptionId: s.id, ...this.callback(s.id, content) }));
	}

	/** A token issued outside n8n, for the pasted-token mode. */
	issueToken(): string {
		const token = hex(32);
		this.tokens.add(token);
		return token;
	}

	/** A document as if uploaded earlier with text tags for `roles`. */
	seed(
		partial: Partial<SimDocument> & { roleNames?: string[]; textFields?: string[] } = {},
	): SimDocument {
		const { roleNames = ['Signer 1', 'Signer 2'], textFields = [], ...rest } = partial;
		const roles = roleNames.map((name, i) => ({
			unique_id: hex(),
			name,
			signing_order: String(i + 1),
		}));
		const now = Math.floor(Date.now() / 1000);
		const doc: SimDocument = {
			id: hex(),
			document_name: 'Service agreement',
			owner: this.username,
			template: false,
			created: now,
			updated: now,
			roles,
			fields: [
				...roles.map((r) => ({
					id: hex(),
					type: 'signature',
					role_id: r.unique_id,
					role: r.name,
				})),
				// Text fields belong to the first role, as a form a signer fills in.
				...textFields.map((name) => ({
					id: hex(),
					type: 'text',
					role_id: roles[0]?.unique_id ?? '',
					role: roles[0]?.name ?? '',
					json_attributes: { name },
				})),
			],
			field_invites: [],
			file: taggedPdf(roleNames),
			...rest,
		};
		this.documents.set(doc.id, doc);
		this.record(doc.id, doc.template ? 'created_template' : 'created_document');
		return doc;
	}

	/** The signer of `inviteId` signs; the document completes when every invite is fulfilled. */
	sign(documentId: string, inviteId: string) {
		const doc = this.documents.get(documentId)!;
		const invite = doc.field_invites.find((i) => i.id === inviteId)!;
		invite.status = 'fulfilled';
		this.record(documentId, 'signed', invite.email);
		const next = doc.field_invites.filter((i) => i.status === 'created').map((i) => i.order);
		const step = next.length ? Math.min(...next) : undefined;
		doc.field_invites.forEach((i) => {
			if (
				i.status === 'created' &&
				i.order === step &&
				doc.field_invites.every((j) => j.order >= step || j.status === 'fulfilled')
			)
				i.status = 'pending';
		});
	}

	/**
	 * Posts `event` for `documentId` to every subscription to it, as signNow does, and returns
	 * what each callback URL answered.
	 */
	async notify(event: string, documentId: string): Promise<Array<PlainResponse & { url: string }>> {
		const doc = this.documents.get(documentId);
		const content = {
			document_id: documentId,
			document_name: doc?.document_name,
			user_id: this.userId,
		};
		const answers = [];
		for (const delivery of this.deliver(event, documentId, content)) {
			const url = String(
				this.subscriptions.get(delivery.subscriptionId)?.json_attributes.callback_url,
			);
			const answer = await plainRequest(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...delivery.headers },
				body: delivery.body,
			});
			answers.push({ ...answer, url });
		}
		return answers;
	}

	/** Every signer of the document signs, in order; signNow then reports document.complete. */
	async signAll(documentId: string) {
		const doc = this.documents.get(documentId)!;
		for (const invite of [...doc.field_invites].sort((a, b) => a.order - b.order))
			this.sign(documentId, invite.id);
		doc.updated = Math.floor(Date.now() / 1000);
		return await this.notify('document.complete', documentId);
	}

	/** The signer of the first invite still open declines; signNow reports document.fieldinvite.decline. */
	async decline(documentId: string) {
		const doc = this.documents.get(documentId)!;
		const invite = doc.field_invites.find((i) => i.status !== 'fulfilled')!;
		invite.status = 'declined';
		doc.updated = Math.floor(Date.now() / 1000);
		return await this.notify('document.fieldinvite.decline', documentId);
	}

	/** A document with one embedded invite per role, sent and waiting for its signers. */
	seedSent(partial: Partial<SimDocument> & { roleNames?: string[] } = {}): SimDocument {
		const doc = this.seed(partial);
		doc.field_invites = doc.roles.map((role, n) => ({
			id: hex(),
			email: `signer${n + 1}@example.com`,
			role: role.name,
			role_id: role.unique_id,
			order: n + 1,
			status: n === 0 ? 'pending' : 'created',
			is_embedded: true,
			auth_method: 'none',
		}));
		return doc;
	}

	/** A callback as signNow posts it for subscription `id`, with its signature when a secret was registered. */
	callback(
		id: string,
		content: Record<string, unknown>,
	): { body: string; headers: Record<string, string> } {
		const s = this.subscriptions.get(id)!;
		const attributes = s.json_attributes;
		const meta: Record<string, unknown> = {
			timestamp: Math.floor(Date.now() / 1000),
			event: s.event,
			environment: this.baseUrl,
			callback_url: attributes.callback_url,
			initiator_id: this.userId,
			// signNow puts a token in every callback (delete_access_token is not honoured here on purpose).
			access_token: hex(32),
		};
		const body = JSON.stringify({ meta, content });
		const headers: Record<string, string> = {};
		if (typeof attributes.secret_key === 'string') {
			headers['X-SignNow-Signature'] = createHmac('sha256', attributes.secret_key)
				.update(body)
				.digest('base64');
		}
		return { body, headers };
	}

	private authed(handler: (req: SimRequest, token: string) => SimResponse) {
		return (req: SimRequest): SimResponse => {
			if (this.expiry?.(req)) {
				this.expiry = undefined;
				this.expireTokens();
			}
			const match = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
			if (!match || !this.tokens.has(match[1])) return errors(401, 1537, 'Invalid token');
			return handler(req, match[1]);
		};
	}

	private token(req: SimRequest): SimResponse {
		if (req.headers.authorization !== `Basic ${this.basicToken}`) {
			return {
				status: 401,
				body: { error: 'invalid_client', error_description: 'Client authentication failed' },
			};
		}
		if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
			return {
				status: 400,
				body: { error: 'invalid_request', error_description: 'Expected a form body' },
			};
		}
		const body = (req.body ?? {}) as Record<string, string>;
		if (body.grant_type !== 'password')
			return {
				status: 400,
				body: {
					error: 'unsupported_grant_type',
					error_description: 'Only the password grant is simulated',
				},
			};
		if (body.scope !== '*')
			return {
				status: 400,
				body: { error: 'invalid_scope', error_description: 'The requested scope is invalid' },
			};
		if (body.username !== this.username || body.password !== this.password)
			return errors(400, 65536, 'Invalid credentials.');
		const token = this.issueToken();
		return {
			status: 200,
			body: {
				expires_in: 2592000,
				token_type: 'bearer',
				access_token: token,
				refresh_token: hex(32),
				scope: '*',
				last_login: 1,
			},
		};
	}

	private withDocument(req: SimRequest, fn: (d: SimDocument) => SimResponse): SimResponse {
		const doc = this.documents.get(req.params.id);
		return doc ? fn(doc) : errors(404, 65582, 'Document not found');
	}

	private withSubscription(req: SimRequest, fn: (s: SimSubscription) => SimResponse): SimResponse {
		const s = this.subscriptions.get(req.params.id);
		return s ? fn(s) : errors(404, 404, 'Event subscription not found');
	}

	private view(d: SimDocument) {
		const { file: _file, ...visible } = d;
		return { ...visible, user_id: this.userId, signatures: [], requests: [] };
	}

	private createDocument(name: string, file: Buffer, checkFields: boolean): SimDocument {
		const text = file.toString('latin1');
		const roleNames = checkFields
			? [...new Set([...text.matchAll(/\{\{t:s;[^}]*o:"([^"]+)";[^}]*\}\}/g)].map((m) => m[1]))]
			: [];
		return this.seed({ document_name: name, roleNames, file });
	}

	private upload(req: SimRequest): SimResponse {
		const file = req.parts?.find((p) => p.name === 'file' && p.filename !== undefined);
		if (!file) return errors(400, 65579, 'Must upload one file');
		if (!file.data.subarray(0, 5).equals(Buffer.from('%PDF-')))
			return errors(400, 65580, 'Invalid file type');
		const doc = this.createDocument(
			file.filename!.replace(/\.pdf$/i, ''),
			file.data,
			req.body?.check_fields === 'true',
		);
		return { status: 200, body: { id: doc.id } };
	}

	private uploadFromUrl(req: SimRequest): SimResponse {
		const url = req.body?.url;
		if (typeof url !== 'string' || !/^https?:\/\//.test(url))
			return errors(400, 65579, 'url is required');
		const name = decodeURIComponent(url.split('/').pop() ?? 'document').replace(/\.pdf$/i, '');
		const doc = this.createDocument(name, taggedPdf(['Signer 1']), req.body?.check_fields === true);
		return { status: 200, body: { id: doc.id } };
	}

	private download(d: SimDocument, req: SimRequest): SimResponse {
		if (req.query.type && !['collapsed', 'zip', 'email'].includes(req.query.type))
			return errors(400, 65579, 'Invalid download type');
		if (req.query.with_history !== undefined && !['0', '1'].includes(req.query.with_history))
			return errors(400, 65579, 'with_history must be 0 or 1');
		if (req.query.type === 'zip') return this.zipDownload(d);
		return {
			status: 200,
			raw: this.fileBytes
				? this.servedFile(d.document_name)
				: req.query.with_history === '1'
					? this.withHistoryPages(d)
					: d.file,
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': attachment(`${d.document_name}.pdf`),
			},
		};
	}

	private deleteDocument(d: SimDocument): SimResponse {
		if (d.owner !== this.username)
			return errors(403, 65600, 'Current user is not the document owner');
		this.documents.delete(d.id);
		return { status: 200, body: { status: 'success' } };
	}

	/** The rules of the embedded-invite page, in its order. */
	private createInvites(d: SimDocument, req: SimRequest): SimResponse {
		const invites = req.body?.invites;
		if (!Array.isArray(invites) || !invites.length)
			return errors(400, 65579, 'invites is required');
		const problems: string[] = [];
		invites.forEach((inv: Record<string, unknown>, i: number) => {
			if (!isEmail(inv.email)) problems.push(`invites.${i}.email must be a valid email`);
			else if (String(inv.email).length > 150)
				problems.push(`invites.${i}.email may not be greater than 150 characters`);
			if (typeof inv.role_id !== 'string' && typeof inv.role !== 'string')
				problems.push(`invites.${i}.role_id is required`);
			if (!Number.isInteger(inv.order) || (inv.order as number) < 1)
				problems.push(`invites.${i}.order must be an integer of at least 1`);
			if (!AUTH_METHODS.includes(String(inv.auth_method)))
				problems.push(`invites.${i}.auth_method is invalid`);
		});
		const emails = invites.map((inv: Record<string, unknown>) => String(inv.email).toLowerCase());
		if (new Set(emails).size !== emails.length) problems.push('Signer emails must be unique');
		if (problems.length)
			return {
				status: 400,
				body: { errors: problems.map((message) => ({ code: 65579, message })) },
			};

		const checked = this.invitable(d, invites, (i) => i.status !== 'declined');
		if ('refused' in checked) return checked.refused;
		const { roles } = checked;
		if (emails.includes(d.owner.toLowerCase()))
			return errors(400, 65606, 'Document owner’s email was used as signer’s email');

		d.field_invites = this.newInvites(invites, roles, (inv) => ({
			is_embedded: true,
			auth_method: String(inv.auth_method),
		}));
		d.updated = Math.floor(Date.now() / 1000);
		return {
			status: 200,
			body: {
				data: d.field_invites.map(({ id, email, role_id, order, status }) => ({
					id,
					email,
					role_id,
					order,
					status,
				})),
			},
		};
	}

	private link(d: SimDocument, req: SimRequest): SimResponse {
		const invite = d.field_invites.find((i) => i.id === req.params.inviteId && i.is_embedded);
		if (!invite) return errors(400, 65607, 'Invalid field invite id');
		const body = req.body ?? {};
		if (!AUTH_METHODS.includes(String(body.auth_method)))
			return errors(400, 65579, 'auth_method is invalid');
		if (!('link_expiration' in body)) return errors(400, 65579, 'link_expiration is required');
		const exp = body.link_expiration;
		if (exp !== null && (!Number.isInteger(exp) || exp < 15 || exp > 45))
			return errors(400, 65579, 'link_expiration must be between 15 and 45');
		if (this.signOnLink) this.sign(d.id, invite.id);
		return {
			status: 200,
			body: {
				data: {
					link: `https://app.signnow.com/webapp/document/${d.id}?access_token=${hex(32)}&route=fieldinvite`,
				},
			},
		};
	}

	private deleteInvites(d: SimDocument): SimResponse {
		if (d.owner !== this.username)
			return errors(403, 65600, 'Current user is not the document owner');
		if (!d.field_invites.some((i) => i.is_embedded))
			return errors(400, 65608, 'The document has no active embedded invites');
		d.field_invites = d.field_invites.filter((i) => !i.is_embedded);
		return { status: 200, body: { status: 'success' } };
	}

	private subscribe(req: SimRequest): SimResponse {
		const body = req.body ?? {};
		const attributes = (body.attributes ?? {}) as Record<string, unknown>;
		if (body.action !== 'callback') return errors(400, 65579, 'action must be callback');
		if (typeof attributes.callback !== 'string' || !/^https?:\/\//.test(attributes.callback))
			return errors(400, 65579, 'attributes.callback must be a URL');
		const event = String(body.event ?? '');
		if (
			!/^(user\.)?(document(\.fieldinvite)?\.[a-z_.]+|invite\.expired|document_group\.[a-z_.]+)$/.test(
				event,
			)
		)
			return errors(400, 65579, `Unknown event ${event}`);
		if (
			event.startsWith('user.')
				? body.entity_id !== this.userId
				: !this.documents.has(body.entity_id)
		) {
			return errors(400, 65579, 'entity_id does not match the event');
		}
		const id = hex();
		const { callback, ...rest } = attributes;
		this.subscriptions.set(id, {
			id,
			event,
			entity_id: body.entity_id,
			action: 'callback',
			json_attributes: {
				use_tls_12: false,
				docid_queryparam: false,
				...rest,
				callback_url: callback,
			},
			created: Math.floor(Date.now() / 1000),
		});
		return { status: 201 };
	}

	// Templates, prefilled text fields, email invites, the history and its downloads.

	/**
	 * Set by the demo, which plays the signer: an embedded invite is signed as soon as its link is
	 * generated, so an example can go on to the signed document.
	 */
	signOnLink = false;

	/** Each document's history, oldest first, as /historyfull lists it. */
	readonly history = new Map<string, SimHistoryEvent[]>();

	/** The invitation emails signNow sent for role-based invites (to the signers of the first step). */
	readonly sentEmails: Array<{ documentId: string; to: string; from: string; subject?: string }> =
		[];

	/** Adds an event to a document's history (event names are the simulator's own). */
	record(documentId: string, event: string, email = this.username) {
		const events = this.history.get(documentId) ?? [];
		events.push({
			unique_id: hex(),
			event,
			user_id: this.userId,
			document_id: documentId,
			client_app_name: 'n8n-nodes-esign',
			ip_address: '127.0.0.1',
			email,
			created: Math.floor(Date.now() / 1000),
		});
		this.history.set(documentId, events);
	}

	/** A template made earlier in signNow: a document marked as template, with a role and text fields. */
	seedTemplate(partial: Parameters<SignNowSimulator['seed']>[0] = {}): SimDocument {
		return this.seed({
			document_name: 'Service agreement template',
			template: true,
			roleNames: ['Customer'],
			textFields: ['Customer Name', 'Price'],
			...partial,
		});
	}

	/** A route on one document, answering signNow's 404 when the document does not exist. */
	private onDocument(
		method: string,
		path: string,
		handler: (d: SimDocument, req: SimRequest) => SimResponse,
	) {
		this.route(
			method,
			path,
			this.authed((req) => this.withDocument(req, (d) => handler(d, req))),
		);
	}

	private templateAndInviteRoutes() {
		this.onDocument('POST', '/template/:id/copy', (t, req) => this.copyTemplate(t, req));
		this.onDocument('GET', '/v2/documents/:id/fields', (d) => ({
			status: 200,
			body: { data: this.fieldList(d) },
		}));
		this.onDocument('PUT', '/v2/documents/:id/prefill-texts', (d, req) => this.prefill(d, req));
		this.onDocument('POST', '/document/:id/invite', (d, req) => this.emailInvite(d, req));
		this.onDocument('PUT', '/document/:id/fieldinvitecancel', (d, req) =>
			this.cancelInvites(d, req),
		);
		// The shape signNow's own MCP client reads; other clients read a bare list (unconfirmed).
		this.onDocument('GET', '/document/:id/historyfull', (d) => ({
			status: 200,
			body: { document_history: this.history.get(d.id) ?? [], email_history_events: [] },
		}));
	}

	/**
	 * The rules a document must meet before invites are created on it, embedded or by email, in
	 * the embedded-invite page's order: the roles of `entries`, or the refusal.
	 */
	private invitable(
		d: SimDocument,
		entries: Array<Record<string, unknown>>,
		active: (invite: SimInvite) => boolean,
	): { roles: SimRole[] } | { refused: SimResponse } {
		const refuse = (status: number, code: number, message: string) => ({
			refused: errors(status, code, message),
		});
		if (d.owner !== this.username)
			return refuse(403, 65600, 'Current user is not the document owner');
		if (d.template) return refuse(400, 65601, 'Invites cannot be created for a template');
		if (!d.fields.length) return refuse(400, 65602, 'Document has no active fields');
		if (d.field_invites.some(active)) return refuse(400, 65603, 'Document has active invites');
		const roles = entries.map((inv) =>
			d.roles.find(
				(r) =>
					(inv.role_id === undefined || r.unique_id === inv.role_id) &&
					(inv.role === undefined || r.name === inv.role),
			),
		);
		if (roles.some((r) => !r)) return refuse(400, 65604, 'The role doesn’t exist in the document');
		if (d.roles.some((r) => !roles.includes(r)))
			return refuse(400, 65605, 'Not all of the document roles were used');
		return { roles: roles as SimRole[] };
	}

	/** Invites as signNow creates them: the first step pending, later steps held until it is signed. */
	private newInvites(
		entries: Array<Record<string, unknown>>,
		roles: SimRole[],
		kind: (entry: Record<string, unknown>) => Pick<SimInvite, 'is_embedded'> & Partial<SimInvite>,
	): SimInvite[] {
		const first = Math.min(...entries.map((inv) => inv.order as number));
		return entries.map((inv, i) => ({
			id: hex(),
			email: String(inv.email),
			role: roles[i].name,
			role_id: roles[i].unique_id,
			order: inv.order as number,
			status: inv.order === first ? 'pending' : 'created',
			created: nowSeconds(),
			updated: nowSeconds(),
			...kind(inv),
		}));
	}

	/** POST /template/{id}/copy: a new document with the template's roles and fields; answers {id, name}. */
	private copyTemplate(template: SimDocument, req: SimRequest): SimResponse {
		if (!template.template) return errors(400, 65586, 'Document is not a template');
		const name = req.body?.document_name;
		if (name !== undefined && (typeof name !== 'string' || name.length > 255))
			return errors(400, 65579, 'document_name must be a string of at most 255 characters');
		const doc = this.seed({
			document_name: name || template.document_name,
			roleNames: template.roles.map((r) => r.name),
			file: template.file,
		});
		const roleId = new Map(doc.roles.map((r) => [r.name, r.unique_id]));
		doc.fields = template.fields.map((f) => ({
			...f,
			id: hex(),
			role_id: roleId.get(f.role) ?? '',
			json_attributes: f.json_attributes && { name: f.json_attributes.name },
		}));
		return { status: 200, body: { id: doc.id, name: doc.document_name } };
	}

	/** GET /v2/documents/{id}/fields: every field with its name, type and value. */
	private fieldList(d: SimDocument) {
		return d.fields.map((f, n) => ({
			id: f.id,
			name: f.json_attributes?.name ?? `${f.type}_${n + 1}`,
			type: f.type,
			value: f.json_attributes?.prefilled_text ?? null,
		}));
	}

	/** PUT /v2/documents/{id}/prefill-texts: all named text fields get their text, or none does. */
	private prefill(d: SimDocument, req: SimRequest): SimResponse {
		const fields = req.body?.fields;
		if (!Array.isArray(fields) || !fields.length) return errors(400, 65579, 'fields is required');
		const problems: string[] = [];
		const targets = fields.map((f: Record<string, unknown>, i: number) => {
			if (typeof f?.field_name !== 'string' || !f.field_name)
				problems.push(`fields.${i}.field_name is required`);
			if (typeof f?.prefilled_text !== 'string')
				problems.push(`fields.${i}.prefilled_text must be a string`);
			const field = d.fields.find((x) => x.json_attributes?.name === f?.field_name);
			if (typeof f?.field_name === 'string' && f.field_name && !field)
				problems.push(`Field "${f.field_name}" not found in the document`);
			else if (field && field.type !== 'text')
				problems.push(`Field "${String(f.field_name)}" is not a text field`);
			return field;
		});
		if (problems.length)
			return {
				status: 400,
				body: { errors: problems.map((message) => ({ code: 65609, message })) },
			};
		targets.forEach((field: SimField | undefined, i: number) => {
			field!.json_attributes = {
				...field!.json_attributes!,
				prefilled_text: fields[i].prefilled_text,
			};
		});
		d.updated = Math.floor(Date.now() / 1000);
		this.record(d.id, 'prefilled_text_fields');
		return { status: 204 };
	}

	/** POST /document/{id}/invite, role-based: one email invite per role, sent by the account's own address. */
	private emailInvite(d: SimDocument, req: SimRequest): SimResponse {
		const body = req.body ?? {};
		const to = body.to;
		if (!Array.isArray(to) || !to.length)
			return errors(
				400,
				65579,
				'to must list the recipients (free-form invites are not simulated)',
			);
		const problems: string[] = [];
		if (typeof body.from !== 'string' || body.from.toLowerCase() !== this.username)
			problems.push('from must be the email address of your signNow account');
		if (body.cc !== undefined && (!Array.isArray(body.cc) || !body.cc.every(isEmail)))
			problems.push('cc must be a list of email addresses');
		to.forEach((inv: Record<string, unknown>, i: number) => {
			if (!isEmail(inv.email)) problems.push(`to.${i}.email must be a valid email`);
			if (typeof inv.role_id !== 'string' && typeof inv.role !== 'string')
				problems.push(`to.${i}.role_id is required`);
			if (!Number.isInteger(inv.order) || (inv.order as number) < 1)
				problems.push(`to.${i}.order must be an integer of at least 1`);
			const days = inv.expiration_days;
			if (
				days !== undefined &&
				(!Number.isInteger(days) || (days as number) < 3 || (days as number) > 180)
			)
				problems.push(`to.${i}.expiration_days must be between 3 and 180`);
		});
		if (problems.length)
			return {
				status: 400,
				body: { errors: problems.map((message) => ({ code: 65579, message })) },
			};
		const checked = this.invitable(d, to, (i) => i.status === 'pending' || i.status === 'created');
		if ('refused' in checked) return checked.refused;
		const { roles } = checked;
		const invites = this.newInvites(to, roles, (inv) => ({
			is_embedded: false,
			subject: (inv.subject as string | undefined) ?? body.subject,
			message: (inv.message as string | undefined) ?? body.message,
			expiration_days: (inv.expiration_days as number | undefined) ?? 30,
		}));
		d.field_invites = [...d.field_invites, ...invites];
		d.updated = Math.floor(Date.now() / 1000);
		for (const invite of invites.filter((i) => i.status === 'pending')) {
			this.sentEmails.push({
				documentId: d.id,
				to: invite.email,
				from: body.from,
				subject: invite.subject,
			});
			this.record(d.id, 'sent_invite', invite.email);
		}
		return { status: 200, body: { status: 'success' } };
	}

	/** PUT /document/{id}/fieldinvitecancel: the email invites still waiting are cancelled. */
	private cancelInvites(d: SimDocument, req: SimRequest): SimResponse {
		const reason = req.body?.reason;
		if (reason !== undefined && typeof reason !== 'string')
			return errors(400, 65579, 'reason must be a string');
		if (d.owner !== this.username)
			return errors(403, 65600, 'Current user is not the document owner');
		const waiting = (i: SimInvite) =>
			!i.is_embedded && (i.status === 'pending' || i.status === 'created');
		if (!d.field_invites.some(waiting)) return errors(404, 404, 'Invite not found');
		d.field_invites = d.field_invites.filter((i) => !waiting(i));
		d.updated = Math.floor(Date.now() / 1000);
		this.record(d.id, 'cancelled_invite');
		return { status: 200, body: { status: 'cancelled' } };
	}

	/** The document with its history appended, as with_history=1 gives it: still one PDF. */
	private withHistoryPages(d: SimDocument): Buffer {
		const events = (this.history.get(d.id) ?? []).map((e) => `${e.event} by ${e.email}`);
		return Buffer.concat([d.file, Buffer.from(`% history: ${events.join('; ')}\n`, 'latin1')]);
	}

	/** type=zip: the document's PDF in a ZIP archive (what else signNow packs is unconfirmed). */
	private zipDownload(d: SimDocument): SimResponse {
		return {
			status: 200,
			raw: zipOf(`${d.document_name}.pdf`, d.file),
			headers: {
				'content-type': 'application/zip',
				'content-disposition': attachment(`${d.document_name}.zip`),
			},
		};
	}

	// ---------- changes as signNow records them (what the polling trigger reads) ----------

	/** Embedded invites for `emails`, in signing order, created at `at` (Unix seconds, default now). */
	addInvites(documentId: string, emails: string[], at = nowSeconds()): SimInvite[] {
		const doc = this.documents.get(documentId)!;
		const invites = emails.map((email, i) => ({
			id: hex(),
			email,
			role: doc.roles[i]?.name ?? `Signer ${i + 1}`,
			role_id: doc.roles[i]?.unique_id ?? hex(),
			order: i + 1,
			status: i === 0 ? ('pending' as const) : ('created' as const),
			is_embedded: true,
			created: at,
			updated: at,
		}));
		doc.field_invites.push(...invites);
		doc.updated = at;
		return invites;
	}

	/** The signer of `inviteId` signs at `at`; every invite it changes, and the document, show that time. */
	signAt(documentId: string, inviteId: string, at = nowSeconds()) {
		const doc = this.documents.get(documentId)!;
		const before = new Map(doc.field_invites.map((i) => [i.id, i.status]));
		this.sign(documentId, inviteId);
		for (const invite of doc.field_invites)
			if (before.get(invite.id) !== invite.status) invite.updated = at;
		doc.updated = at;
	}

	/** The signer of `inviteId` declines at `at`. */
	declineAt(documentId: string, inviteId: string, at = nowSeconds()) {
		const doc = this.documents.get(documentId)!;
		const invite = doc.field_invites.find((i) => i.id === inviteId)!;
		invite.status = 'declined';
		invite.updated = at;
		doc.updated = at;
	}

	/** Any other change to the document (a field filled, a rename) at `at`. */
	touch(documentId: string, at = nowSeconds()) {
		this.documents.get(documentId)!.updated = at;
	}
}
