import { randomBytes, randomUUID } from 'node:crypto';

import { isEmail, samplePdf, Simulator, type SimRequest, type SimResponse } from './base';

/**
 * Leegality's v3 Document Execution API, from knowledge.leegality.com: every answer is HTTP 200
 * with {status: 1 | 0, data, messages: [{code, message}]}, messages included on success.
 */
export const DOCSIGNER_CONSENT =
	'By using this authenticated API and the ProfileID associated with this Document Signer Certificate, I agree that the Document Signer Certificate saved in this Account will be used to eSign documents for me. I also understand that recipients of such electronic documents will be able to see my signing details.';

export interface Invitation {
	name: string;
	email: string;
	phone?: string;
	signUrl: string;
	signed: boolean;
	expired: boolean;
	/** How details show a rejection is not published: `rejected` is this simulator's guess (unconfirmed). */
	rejected?: boolean;
	expiryDate: string;
}

export interface LeegalityDocument {
	documentId: string;
	name: string;
	irn?: string;
	status: 'DRAFT' | 'SENT' | 'COMPLETED';
	profileId: string;
	file: Buffer;
	invitations: Invitation[];
	createdOn: string;
	/** Reference attachments the sender added, fetched by `index` (first is 0, unconfirmed). */
	attachments?: SimFile[];
	/** Files invitees uploaded while signing, fetched by their `supportDocumentUrl`. */
	supportingDocuments?: Array<SimFile & { url: string }>;
}

/** A file Leegality keeps with a document besides the document itself. */
export interface SimFile {
	fileName: string;
	mimeType: string;
	data: Buffer;
}

interface Account {
	email: string;
	/** DocSigner profiles saved in this account's dashboard. */
	docSignerProfiles: string[];
}

const ok = (data: unknown, code: string, message: string): SimResponse => ({
	status: 200,
	body: { status: 1, data, messages: [{ code, message }] },
});

const fail = (code: string, message: string): SimResponse => ({
	status: 200,
	body: { status: 0, data: {}, messages: [{ code, message }] },
});

/** DD-MM-YYYY HH:MM:SS, the format Leegality uses (in IST; UTC here). */
function leegalityDate(ms: number): string {
	const d = new Date(ms);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${p(d.getUTCDate())}-${p(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export class LeegalitySimulator extends Simulator {
	/** The sender's account: creates and manages sign requests. */
	readonly authToken = 'lgl_sender_5b1f0c9e2d7a48f3b6e1';
	readonly privateSalt = 'salt_7c2e9a41d0b84f6e';
	/** Published workflows of the sender's account (Workflow ID → name). */
	readonly workflows = new Map<string, string>([['wf_docsigner_01', 'DocSigner workflow']]);
	readonly accounts = new Map<string, Account>();
	readonly documents = new Map<string, LeegalityDocument>();

	/** Credential data pointing at this simulator, with the secrets it accepts. */
	credential(): Record<string, string> {
		return {
			authToken: this.authToken,
			privateSaltSecret: this.privateSalt,
			environment: 'custom',
			customUrl: this.baseUrl,
		};
	}

	constructor() {
		super('/api');
		this.accounts.set(this.authToken, { email: 'sender@example.com', docSignerProfiles: [] });
		const authed =
			(handler: (req: SimRequest, account: Account) => SimResponse) => (req: SimRequest) => {
				// Leegality reads X-Auth-Token only; an Authorization header as well makes the call fail.
				if (req.headers.authorization !== undefined)
					return fail('auth.header.invalid', 'Do not send an Authorization header');
				const account = this.accounts.get(String(req.headers['x-auth-token'] ?? ''));
				// The code for a wrong token is not published; this one stands in for it (unconfirmed).
				return account ? handler(req, account) : fail('auth.token.invalid', 'Invalid auth token');
			};
		this.route(
			'GET',
			'/v3.0/sign/request/list',
			authed((req) => this.list(req)),
		);
		this.route(
			'POST',
			'/v3.0/sign/request',
			authed((req) => this.create(req)),
		);
		this.route(
			'DELETE',
			'/v3.0/sign/request',
			authed((req) => this.deleteDocument(req)),
		);
		this.route(
			'DELETE',
			'/v3.0/sign/request/invitation',
			authed((req) => this.deleteInvitation(req)),
		);
		this.route(
			'GET',
			'/v3.3/document/details',
			authed((req) => this.details(req)),
		);
		this.route(
			'GET',
			'/v3.1/document/fetchDocument',
			authed((req) => this.fetchDocument(req)),
		);
		this.route(
			'POST',
			'/v3.0/sign/docSigner/invitation',
			authed((req, account) => this.docSign(req, account)),
		);
	}

	/** An invitee's own Leegality account, with the DocSigner profiles saved in it; returns its token. */
	addInviteeAccount(email: string, docSignerProfiles: string[]): string {
		const token = `lgl_invitee_${randomBytes(8).toString('hex')}`;
		this.accounts.set(token, { email, docSignerProfiles });
		return token;
	}

	/**
	 * A DocSigner invitation for the account of `token` (the organisation signing its own documents),
	 * with `profileId` saved in that account.
	 */
	seedDocSignerInvitation(options: {
		token: string;
		signUrl: string;
		profileId: string;
		irn?: string;
	}): LeegalityDocument {
		const account = this.accounts.get(options.token)!;
		if (!account.docSignerProfiles.includes(options.profileId))
			account.docSignerProfiles.push(options.profileId);
		const doc = this.seed({
			name: 'Purchase order',
			irn: options.irn,
			invitees: [{ name: 'Company signatory', email: account.email }],
		});
		doc.invitations[0].signUrl = options.signUrl;
		return doc;
	}

	/** A sign request as if created earlier. */
	seed(
		partial: Partial<LeegalityDocument> & {
			invitees?: Array<{ name: string; email: string }>;
		} = {},
	): LeegalityDocument {
		const { invitees, ...rest } = partial;
		const doc: LeegalityDocument = {
			documentId: `Doc${randomBytes(5).toString('hex')}`,
			name: 'Seeded agreement',
			status: 'SENT',
			profileId: 'wf_docsigner_01',
			file: samplePdf('uploaded'),
			invitations: (invitees ?? [{ name: 'Isha Invitee', email: 'invitee@example.com' }]).map((i) =>
				this.invitation(i),
			),
			createdOn: leegalityDate(Date.now()),
			...rest,
		};
		this.documents.set(doc.documentId, doc);
		return doc;
	}

	/** Every invitee signs on their sign URL; the document completes. */
	signAll(documentId: string) {
		const doc = this.documents.get(documentId)!;
		doc.invitations.forEach((i) => (i.signed = true));
		doc.status = 'COMPLETED';
	}

	/** The first unsigned invitee rejects; the document stays SENT. */
	reject(documentId: string) {
		const invitation = this.documents.get(documentId)!.invitations.find((i) => !i.signed)!;
		invitation.rejected = true;
	}

	/**
	 * The body Leegality posts to a webhook URL, without its `mac`: tests add the mac they compute
	 * themselves, so the trigger's check is compared with an independent computation.
	 */
	webhookBody(documentId: string, webhookType: 'Success' | 'Error'): Record<string, unknown> {
		const doc = this.documents.get(documentId);
		return {
			webhookType,
			documentId,
			documentStatus: doc?.status === 'COMPLETED' ? 'Completed' : 'Sent',
			irn: doc?.irn ?? '',
			request: {
				invitationUrl: doc?.invitations[0]?.signUrl,
				email: doc?.invitations[0]?.email,
				action: webhookType === 'Success' ? 'Signed' : 'Rejected',
			},
		};
	}

	private invitation(i: { name: string; email: string; phone?: string }): Invitation {
		return {
			name: i.name,
			email: i.email,
			...(i.phone ? { phone: i.phone } : {}),
			signUrl: `https://sandbox.leegality.com/sign/${randomUUID()}`,
			signed: false,
			expired: false,
			expiryDate: leegalityDate(Date.now() + 10 * 86400_000),
		};
	}

	private view(doc: LeegalityDocument) {
		return {
			documentId: doc.documentId,
			name: doc.name,
			irn: doc.irn ?? null,
			status: doc.status,
			createdOn: doc.createdOn,
		};
	}

	private list(req: SimRequest): SimResponse {
		this.beforeListPage?.(req);
		let max = req.query.max === undefined ? 20 : Number(req.query.max);
		// Documented: a max above 40 is silently reset to 20.
		if (!Number.isInteger(max) || max < 1 || max > 40) max = 20;
		const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
		// The code for a bad offset is not published; this one stands in for it (unconfirmed).
		if (!Number.isInteger(offset) || offset < 0)
			return fail('offset.invalid', 'offset must be a whole number of 0 or more');
		const q = req.query.q?.toLowerCase();
		const docs = [...this.documents.values()].filter(
			(d) =>
				(!q || [d.name, d.documentId, d.irn ?? ''].some((v) => v.toLowerCase() === q)) &&
				(!req.query.status || d.status === req.query.status),
		);
		return ok(
			{ documents: docs.slice(offset, offset + max).map((d) => this.view(d)) },
			'document.list.success',
			'Documents fetched.',
		);
	}

	private create(req: SimRequest): SimResponse {
		const body = req.body ?? {};
		if (typeof body.profileId !== 'string' || !body.profileId)
			return fail('profileId.required', 'profileId is required');
		if (!this.workflows.has(body.profileId))
			return fail('workflow.not.exists', 'Workflow does not exist or is not published');
		const file = body.file ?? {};
		if (typeof file.name !== 'string' || !file.name)
			return fail('file.name.required', 'file.name is required');
		const pdf = typeof file.file === 'string' ? Buffer.from(file.file, 'base64') : Buffer.alloc(0);
		if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-')))
			return fail('file.invalid', 'file.file must be a base64 PDF');
		const invitees = Array.isArray(body.invitees) ? body.invitees : [];
		if (!invitees.length) return fail('invitees.required', 'At least one invitee is required');
		for (const invitee of invitees) {
			if (!invitee?.name) return fail('invitee.name.required', 'Invitee name is required');
			if (!isEmail(invitee.email))
				return fail('invitee.email.invalid', `Invalid email ${invitee.email}`);
			if (invitee.phone !== undefined && !/^\+?\d{10,15}$/.test(String(invitee.phone))) {
				return fail('invitee.phone.invalid', `Invalid phone ${invitee.phone}`);
			}
		}
		const doc = this.seed({
			name: file.name,
			irn: typeof body.irn === 'string' && body.irn ? body.irn : undefined,
			profileId: body.profileId,
			file: pdf,
			invitations: invitees.map((i: { name: string; email: string; phone?: string }) =>
				this.invitation(i),
			),
		});
		return ok(
			{
				documentId: doc.documentId,
				irn: doc.irn ?? null,
				invitees: doc.invitations.map(({ name, email, phone, signUrl, expiryDate }) => ({
					name,
					email,
					phone: phone ?? null,
					signUrl,
					expiryDate,
				})),
			},
			'simpleWorkFlow.success',
			'Invitations sent successfully.',
		);
	}

	private findInvitation(
		ref: string,
	): { doc: LeegalityDocument; invitation: Invitation } | undefined {
		const uuid = ref.split('/').pop();
		for (const doc of this.documents.values()) {
			const invitation = doc.invitations.find(
				(i) => i.signUrl === ref || i.signUrl.endsWith(`/${uuid}`),
			);
			if (invitation) return { doc, invitation };
		}
		return undefined;
	}

	private docSign(req: SimRequest, account: Account): SimResponse {
		const { signUrl, profileId, consent } = req.body ?? {};
		const found =
			typeof signUrl === 'string' && signUrl.startsWith('https://')
				? this.findInvitation(signUrl)
				: undefined;
		// Wrong URL, already signed, expired, completed document, or a token of another account: one code.
		if (
			!found ||
			found.invitation.signed ||
			found.invitation.expired ||
			found.doc.status === 'COMPLETED' ||
			found.invitation.email !== account.email
		) {
			return fail('invitation.not.exists', 'Invitation does not exist.');
		}
		if (consent !== DOCSIGNER_CONSENT) return fail('invalid.consent', 'Invalid consent.');
		if (typeof profileId !== 'string' || !account.docSignerProfiles.includes(profileId)) {
			return fail('profile.not.exists', 'DocSigner profile does not exist.');
		}
		found.invitation.signed = true;
		if (found.doc.invitations.every((i) => i.signed)) found.doc.status = 'COMPLETED';
		return ok({}, 'signing.success', 'Document signed successfully.');
	}

	private details(req: SimRequest): SimResponse {
		const doc = this.documents.get(req.query.documentId ?? '');
		if (!doc) return fail('no.document.found', 'No document found.');
		return ok(
			{
				document: this.view(doc),
				invitations: doc.invitations.map(
					({ name, email, signUrl, signed, expired, rejected, expiryDate }) => ({
						name,
						email,
						signUrl,
						signed,
						expired,
						...(rejected ? { rejected } : {}),
						expiryDate,
					}),
				),
			},
			'document.details.success',
			'Document details fetched.',
		);
	}

	private fetchDocument(req: SimRequest): SimResponse {
		const doc = this.documents.get(req.query.documentId ?? '');
		const type = req.query.documentDownloadType;
		if (!['DOCUMENT', 'AUDIT_TRAIL', 'ATTACHMENT', 'SUPPORTING_DOCUMENT'].includes(type ?? '')) {
			return fail('document.download.type', 'Invalid documentDownloadType');
		}
		if (!doc) return fail('no.document.found', 'No document found.');
		if (type === 'AUDIT_TRAIL' && doc.status !== 'COMPLETED')
			return fail('no.document.found', 'No document found.');
		if (type === 'ATTACHMENT' || type === 'SUPPORTING_DOCUMENT') return this.otherFile(doc, req);
		const pdf = type === 'AUDIT_TRAIL' ? samplePdf(`${doc.documentId}-audit-trail`) : doc.file;
		return { status: 200, raw: pdf, headers: { 'content-type': 'application/pdf' } };
	}

	/**
	 * A sender's attachment (by `index`) or an invitee's supporting document (by
	 * `supportDocumentUrl`), as uploaded: any type. Codes for a missing one are the simulator's own.
	 */
	private otherFile(doc: LeegalityDocument, req: SimRequest): SimResponse {
		let file: SimFile | undefined;
		if (req.query.documentDownloadType === 'ATTACHMENT') {
			if (!/^\d+$/.test(req.query.index ?? ''))
				return fail('attachment.index.invalid', 'Invalid attachment index.');
			file = doc.attachments?.[Number(req.query.index)];
		} else {
			if (!req.query.supportDocumentUrl)
				return fail('support.document.url.required', 'supportDocumentUrl is required.');
			file = doc.supportingDocuments?.find((f) => f.url === req.query.supportDocumentUrl);
		}
		if (!file) return fail('no.document.found', 'No document found.');
		return {
			status: 200,
			raw: file.data,
			headers: {
				'content-type': file.mimeType,
				'content-disposition': `attachment; filename="${file.fileName}"`,
			},
		};
	}

	private deleteDocument(req: SimRequest): SimResponse {
		const id = req.query.documentId ?? '';
		if (!this.documents.delete(id)) return fail('no.document.found', 'No document found.');
		return ok({}, 'document.delete.success', 'Document deleted successfully.');
	}

	private deleteInvitation(req: SimRequest): SimResponse {
		const found = this.findInvitation(req.query.signUrl ?? '');
		if (!found || found.invitation.signed)
			return fail('invitation.not.exists', 'Invitation does not exist.');
		found.doc.invitations = found.doc.invitations.filter((i) => i !== found.invitation);
		return ok({}, 'invitation.deleted.success', 'Invitation deleted successfully.');
	}

	// ---------- what the polling trigger reads: documents changing status ----------

	/** Runs before each page of the document list is answered: a test changes the list while it is read. */
	beforeListPage?: (req: SimRequest) => void;

	/** Every invitee of the document signs: the document is completed. */
	completeDocument(documentId: string): LeegalityDocument {
		const doc = this.documents.get(documentId)!;
		for (const invitation of doc.invitations) invitation.signed = true;
		doc.status = 'COMPLETED';
		return doc;
	}
}
