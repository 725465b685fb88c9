import type { INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import type { ApiClient } from '../transport/client';
import type { IncomingFile } from '../transport/incomingFile';
import type { VendorSpec } from '../transport/vendor';
import type { Reading } from './outcome';

/** What every vendor's Wait for Signature tells the shared waiting code. */

/** The signed file of a completed request, as it arrives. */
export interface SignedFile {
	file: IncomingFile;
	fileName: string;
	mimeType?: string;
}

export interface WaitSpec {
	vendor: VendorSpec;
	/** The operation's parameters: the request field, the file options, the limits. */
	properties: INodeProperties[];
	/** The parameter naming the request of an item, and the rule that checks it and gives its ID. */
	idParameter: string;
	id: z.ZodType<string, z.ZodTypeDef, unknown>;
	/** One read of the request, in the output's terms. */
	read(api: ApiClient, id: string, itemIndex: number): Promise<Reading>;
	/**
	 * The signed file of a completed request; undefined when the vendor has not made it yet (the
	 * item then says file_pending).
	 */
	signedFile(api: ApiClient, reading: Reading, itemIndex: number): Promise<SignedFile | undefined>;
}
