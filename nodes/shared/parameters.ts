import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * The rows of a fixedCollection of item `i`, read the same way everywhere: `path` names the
 * parameter and its row ("signers.signer", or "options.metadata.pair" inside a collection).
 * A list without rows gives [].
 */
export function fixedCollectionRows(
	ctx: IExecuteFunctions,
	path: string,
	i: number,
): IDataObject[] {
	return ctx.getNodeParameter(path, i, []) as IDataObject[];
}
