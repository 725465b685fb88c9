import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { VendorEnvironments } from '../environment';
import type { VendorFailure } from '../errors';

/** Everything the shared transport needs to know about one vendor. */
export interface VendorSpec {
	/** Shown at the start of every error message, e.g. "Lumin". */
	name: string;
	credentialType: string;
	environments: VendorEnvironments;
	/** Credential fields holding secrets, the hidden token included: never shown anywhere. */
	secretFields: string[];
	/**
	 * The credential's hidden expirable token field, for vendors whose credential fetches a token
	 * (preAuthentication): after a 401 the token is renewed once and the request sent again.
	 */
	tokenField?: string;
	/**
	 * A check of the credential that needs no request, made before each item of an action node:
	 * a problem stops the item with this message, and nothing is sent.
	 */
	credentialProblem?(
		credentials: ICredentialDataDecryptedObject,
	): { message: string; description: string } | undefined;
	/** Reads the vendor's error body of a non-2xx answer. */
	parseError(status: number, body: unknown): VendorFailure;
	/** For vendors that answer 2xx with a failure inside the body: the failure, or undefined. */
	failureInBody?(body: unknown): VendorFailure | undefined;
	/**
	 * Credential fields whose first non-empty value keys the tokens of the links that wake a
	 * waiting execution (see wait/wakeUp.ts): a secret that stays the same while a wait lasts.
	 */
	wakeUpKeyFields?: readonly string[];
	/** Published request rate per credential; requests of one execution are paced to it. */
	rateLimit?: { perSecond: number; burst: number };
	/**
	 * Items processed in parallel unless the user says otherwise, picked with `npm run bench`. The
	 * first item always runs alone, so a credential that fetches a token does so once, and a
	 * refused token is renewed once for all requests in flight (see connection.ts).
	 */
	defaultConcurrency: number;
}
