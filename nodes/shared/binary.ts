import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

/** Files in items: the file an operation reads from its input, and where a download goes. */

export interface InputFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

/**
 * The file in binary field `property` of item `i`, with a clear error naming the field when it is
 * missing; `label` is the parameter that named it, as the node shows it.
 */
export async function readBinary(
	ctx: IExecuteFunctions,
	i: number,
	property: string,
	{ fallbackName = 'document.pdf', label = 'Input Binary Field' } = {},
): Promise<InputFile> {
	const item = ctx.getInputData()[i];
	if (!item?.binary?.[property]) {
		const available = Object.keys(item?.binary ?? {});
		throw new NodeOperationError(
			ctx.getNode(),
			`${label}: "${property}" is not a binary field of this item`,
			{
				itemIndex: i,
				description: available.length
					? `The item has these binary fields: ${available.join(', ')}.`
					: 'The item has no binary data. Add a node before this one that reads or downloads the file.',
			},
		);
	}
	const meta = ctx.helpers.assertBinaryData(i, property);
	return {
		data: await ctx.helpers.getBinaryDataBuffer(i, property),
		fileName: meta.fileName ?? fallbackName,
		mimeType: meta.mimeType ?? 'application/octet-stream',
	};
}

/** The parameter naming the output binary field of every download. */
export const outputBinaryField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	hint: 'The name of the output binary field to put the file in',
};

/** The rule for a binary field's name, as the download and upload fields take it. */
export const binaryFieldName = z
	.string()
	.trim()
	.min(1, 'Name the binary field, for example "data".');
