import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../shared/transport/client';
import { documentFieldsAnswer, noContentAnswer } from './answers';

/** A document's fillable fields: reading them, and prefilling its text fields. */

const fieldsPath = (documentId: string) => `/v2/documents/${encodeURIComponent(documentId)}/fields`;

/** Every field of a document, with its name, type and current value. */
export async function listFields(api: ApiClient, documentId: string, itemIndex?: number) {
	return (
		await api.requestChecked(
			{ method: 'GET', path: fieldsPath(documentId) },
			documentFieldsAnswer,
			itemIndex,
		)
	).data;
}

export interface PrefilledText extends IDataObject {
	field_name: string;
	prefilled_text: string;
}

/**
 * Writes text into text fields by name (signNow answers 204). Prefilling is idempotent: the same
 * texts again leave the same document. It is still sent once; when its answer is lost, one read
 * of the fields settles it when every field holds its text (that the read shows a prefilled text
 * as the field's value is unconfirmed: if it does not, the outcome stays unknown).
 */
export async function prefillTexts(
	api: ApiClient,
	documentId: string,
	fields: PrefilledText[],
	itemIndex: number,
): Promise<void> {
	await api.requestChecked(
		{
			method: 'PUT',
			path: `/v2/documents/${encodeURIComponent(documentId)}/prefill-texts`,
			body: { fields: fields.map((f) => ({ ...f })) },
			ifUnknown: {
				happened: 'the text fields were prefilled',
				advice:
					'Prefilling the same texts again changes nothing, so this item can safely be run again.',
				settle: async () => {
					const now = await listFields(api, documentId, itemIndex);
					const done = fields.every((f) =>
						now.some((field) => field.name === f.field_name && field.value === f.prefilled_text),
					);
					return done ? {} : undefined;
				},
			},
		},
		noContentAnswer,
		itemIndex,
	);
}
