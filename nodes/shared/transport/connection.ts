import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	NodeApiError,
} from 'n8n-workflow';

import { resolveBaseUrl } from '../environment';
import { vendorError, type VendorFailure } from '../errors';
import { secretValues } from '../redact';
import { type Failure, thrownFailure } from './failure';
import {
	DEFAULT_SETTINGS,
	type RawResponse,
	type RequestContext,
	type RequestSettings,
} from './request';
import type { Attempts } from './retry';
import type { VendorSpec } from './vendor';
import { describeFailure } from './wording';

/**
 * One vendor credential as one node execution uses it: its data, read once; single attempts sent
 * with it through n8n, which applies the credential's authentication; a refused token renewed
 * once however many requests were refused it; and errors in the vendor's name with every secret
 * removed. The client (client.ts) builds its requests, retries and answer checks on top.
 */
export class Connection {
	/**
	 * The credential, read and decrypted once per client (one node execution) and handed to n8n
	 * with every request, instead of n8n reading it from its database for each one. n8n still
	 * applies the credential's authenticate (and preAuthentication, which writes a fetched token
	 * into this object); a token renewal replaces it (see sendRenewingToken).
	 */
	private credentials?: Promise<ICredentialDataDecryptedObject>;

	private base?: Promise<string>;

	/** Bumped by each token renewal this client makes, so parallel 401s renew the token once. */
	private tokenGeneration = 0;

	/** Set while a renewal is under way; settles when the renewing request has its answer. */
	private renewal?: Promise<void>;

	constructor(
		protected readonly ctx: RequestContext,
		readonly vendor: VendorSpec,
		protected readonly settings: RequestSettings = DEFAULT_SETTINGS,
	) {}

	/** The credential's data as this client uses it (see `credentials`). */
	async credential(): Promise<ICredentialDataDecryptedObject> {
		this.credentials ??= this.ctx.getCredentials(this.vendor.credentialType);
		return await this.credentials;
	}

	async baseUrl(): Promise<string> {
		this.base ??= this.credential().then((data) => resolveBaseUrl(data, this.vendor.environments));
		return await this.base;
	}

	/** Current secret values, read fresh so that a token renewed during the run is included. */
	async secrets(): Promise<string[]> {
		const fresh = await this.ctx.getCredentials(this.vendor.credentialType);
		return secretValues(this.vendor.secretFields.map((field) => fresh[field]));
	}

	/**
	 * The vendor's failure as the node's error, with every secret removed: for what a vendor
	 * transport finds wrong in an answer the vendor called a success.
	 */
	async error(
		failure: VendorFailure,
		about: { httpCode?: number; body?: unknown; itemIndex?: number } = {},
	): Promise<NodeApiError> {
		return vendorError(this.ctx.getNode(), {
			vendor: this.vendor.name,
			failure,
			...about,
			secrets: await this.secrets(),
		});
	}

	/** The node's error for a failed attempt (see wording.ts describeFailure). */
	protected async toError(
		failure: Failure,
		itemIndex: number | undefined,
		tried?: Attempts,
		prefix?: string,
	): Promise<NodeApiError> {
		const { failure: said, ...about } = describeFailure(failure, this.vendor, this.settings, {
			tried,
			prefix,
		});
		return await this.error(said, { ...about, itemIndex });
	}

	/** Which token the next attempt is sent with; see renewalAfter. */
	protected tokenInUse(): number {
		return this.tokenGeneration;
	}

	/**
	 * After the vendor refused the token an attempt was sent with (`generation`): when no other
	 * request renewed it meanwhile, either waits for the renewal under way or returns the `done`
	 * callback that makes the caller's next attempt the renewing one (see attempt).
	 */
	protected async renewalAfter(generation: number): Promise<(() => void) | undefined> {
		if (generation !== this.tokenGeneration) return undefined;
		if (this.renewal) {
			await this.renewal;
			return undefined;
		}
		let done: (() => void) | undefined;
		this.renewal = new Promise<void>((resolve) => (done = resolve));
		return done;
	}

	/** One attempt, renewing the token first when `renewing` is given (see renewalAfter). */
	protected async attempt(
		options: IHttpRequestOptions,
		renewing?: () => void,
	): Promise<RawResponse | { failure: Failure }> {
		return renewing ? await this.sendRenewingToken(options, renewing) : await this.send(options);
	}

	/** One attempt: the response (any status), or why no response came back. */
	private async send(
		options: IHttpRequestOptions,
		credentialData?: ICredentialDataDecryptedObject,
	): Promise<RawResponse | { failure: Failure }> {
		const type = this.vendor.credentialType;
		try {
			const data = credentialData ?? (await this.credential());
			return (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx,
				type,
				{ ...options },
				{ credentialsDecrypted: { id: '', name: type, type, data } },
			)) as RawResponse;
		} catch (error) {
			return { failure: thrownFailure(error) };
		}
	}

	/**
	 * Sends the request with the credential's token emptied, which makes n8n fetch a new one
	 * (preAuthentication), store it in the credential as usual and write it into the data sent
	 * along, which then becomes this client's credential for the following requests. n8n does this
	 * by itself only after a 401 it sees, and it sees none here because every status comes back as
	 * a response. When the stored credential already holds another token than the refused one
	 * (another execution renewed it), that token is used instead of fetching one more. Requests of
	 * this execution refused the same token meanwhile wait for this one renewal.
	 */
	private async sendRenewingToken(
		options: IHttpRequestOptions,
		done: () => void,
	): Promise<RawResponse | { failure: Failure }> {
		const field = this.vendor.tokenField!;
		try {
			const refused = (await this.credential())[field];
			const current = await this.ctx.getCredentials(this.vendor.credentialType);
			const data =
				current[field] && current[field] !== refused ? { ...current } : { ...current, [field]: '' };
			const outcome = await this.send(options, data);
			if (data[field]) this.credentials = Promise.resolve(data);
			return outcome;
		} finally {
			this.tokenGeneration++;
			this.renewal = undefined;
			done();
		}
	}
}
