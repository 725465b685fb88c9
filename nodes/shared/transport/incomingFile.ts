import type {
	IBinaryData,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
} from 'n8n-workflow';

/** How many bytes of a download are read ahead to check what it is. */
const HEAD_BYTES = 1024;

/**
 * A response body as n8n's request helper gives it with `encoding: 'stream'` (a Node Readable;
 * described here because community nodes may not import node:stream).
 */
interface BodyStream extends AsyncIterable<unknown> {
	pipe: unknown;
	read(): unknown;
	unshift(chunk: Buffer): void;
	destroy(): void;
	on(event: string, listener: (...args: never[]) => void): unknown;
	once(event: string, listener: (...args: never[]) => void): unknown;
	off(event: string, listener: (...args: never[]) => void): unknown;
}

type BinaryInput = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

/** A context that can store files: a node's execution, or its webhook call resuming a wait. */
export interface BinaryContext {
	helpers: Pick<IExecuteFunctions['helpers'], 'prepareBinaryData' | 'getBinaryMetadata'>;
}

export function isStream(body: unknown): body is BodyStream {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as BodyStream).pipe === 'function' &&
		typeof (body as BodyStream).read === 'function'
	);
}

/** The whole of a stream, for answers that are small (an error, a JSON envelope). */
export async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
	return Buffer.concat(chunks);
}

/** Reads up to `bytes` from a paused stream, leaving it paused with nothing attached. */
async function readHead(
	stream: BodyStream,
	bytes: number,
): Promise<{ head: Buffer; ended: boolean }> {
	return await new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let length = 0;
		const finish = (ended: boolean) => {
			stream.off('readable', onReadable);
			stream.off('end', onEnd);
			stream.off('error', onError);
			resolve({ head: Buffer.concat(chunks), ended });
		};
		const onReadable = () => {
			let chunk: Buffer | null;
			while (length < bytes && (chunk = stream.read() as Buffer | null) !== null) {
				chunks.push(Buffer.from(chunk));
				length += chunk.length;
			}
			if (length >= bytes) finish(false);
		};
		const onEnd = () => finish(true);
		const onError = (error: Error) => {
			stream.off('readable', onReadable);
			stream.off('end', onEnd);
			reject(error);
		};
		stream.on('readable', onReadable);
		stream.once('end', onEnd);
		stream.once('error', onError);
	});
}

/**
 * A downloaded file as it arrives: its first bytes are read ahead, so that the operation can
 * check it is the file (a PDF, say) before storing it, and the whole then streams into n8n's
 * binary data store without being held in memory. An answer that is not the file is small, and
 * is read whole (`whole()`) to describe it.
 */
export class IncomingFile {
	private size = 0;

	private constructor(
		/** The first bytes (all of them when the file is shorter). */
		readonly head: Buffer,
		/** The rest, still to come; undefined when the head is the whole file. */
		private rest?: BodyStream,
	) {
		this.size = head.length;
	}

	/** Reads the head of `body` (a stream, or bytes already in memory). */
	static async from(body: unknown): Promise<IncomingFile> {
		if (!isStream(body)) return new IncomingFile(Buffer.from(body as Uint8Array));
		const { head, ended } = await readHead(body, HEAD_BYTES);
		return new IncomingFile(head, ended ? undefined : body);
	}

	/** The whole file in memory; only for answers that are not the expected file. */
	async whole(): Promise<Buffer> {
		const rest = this.rest;
		this.rest = undefined;
		if (!rest) return this.head;
		return Buffer.concat([this.head, await readAll(rest)]);
	}

	/** Stops the download (a file that failed its check is not read further). */
	discard(): void {
		this.rest?.destroy();
		this.rest = undefined;
	}

	/** Runs `check`; if it throws, the download is stopped before the error goes on. */
	async checked<T>(check: () => Promise<T>): Promise<T> {
		try {
			return await check();
		} catch (error) {
			this.discard();
			throw error as NodeApiError;
		}
	}

	/** Streams the file into n8n's binary data store; `bytes()` then gives its size. */
	async store(
		ctx: BinaryContext,
		meta: { fileName: string; mimeType: string },
	): Promise<IBinaryData> {
		const rest = this.rest;
		this.rest = undefined;
		if (!rest) return await ctx.helpers.prepareBinaryData(this.head, meta.fileName, meta.mimeType);
		// The head goes back in front of the rest, and the stream goes to n8n as it came.
		rest.unshift(this.head);
		const binary = await ctx.helpers.prepareBinaryData(
			rest as unknown as BinaryInput,
			meta.fileName,
			meta.mimeType,
		);
		this.size = await storedBytes(ctx, binary);
		return binary;
	}

	/** The file's size: exact once stored (see store). */
	bytes(): number {
		return this.size;
	}

	/**
	 * The output of a download: one item with the file, a PDF named `fileName`, in binary field
	 * `property`, streamed into n8n's binary data store; `json` is built once the file is stored,
	 * so it can give its size in bytes.
	 */
	async toPdfItem(
		ctx: IExecuteFunctions,
		i: number,
		property: string,
		fileName: string,
		json: (bytes: number) => INodeExecutionData['json'],
	): Promise<INodeExecutionData[]> {
		return await this.toItem(ctx, i, property, { fileName, mimeType: 'application/pdf' }, json);
	}

	/** Like toPdfItem, for a file of any type (`meta`): a ZIP, or an attachment a signer uploaded. */
	async toItem(
		ctx: IExecuteFunctions,
		i: number,
		property: string,
		meta: { fileName: string; mimeType: string },
		json: (bytes: number) => INodeExecutionData['json'],
	): Promise<INodeExecutionData[]> {
		const binary = await this.store(ctx, meta);
		return [{ json: json(this.bytes()), binary: { [property]: binary }, pairedItem: { item: i } }];
	}
}

/** Bytes of a stored file: n8n 2.x says so, 1.x keeps it in the file's metadata (filesystem mode) or the data (memory mode). */
async function storedBytes(ctx: BinaryContext, binary: IBinaryData): Promise<number> {
	const bytes = (binary as IBinaryData & { bytes?: number }).bytes;
	if (typeof bytes === 'number') return bytes;
	if (binary.id) return Number((await ctx.helpers.getBinaryMetadata(binary.id)).fileSize);
	return Buffer.byteLength(binary.data, 'base64');
}
