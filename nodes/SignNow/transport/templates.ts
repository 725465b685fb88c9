import type { ApiClient } from '../../shared/transport/client';
import { copiedTemplateAnswer } from './answers';
import { listDocuments } from './documents';

/** signNow's templates: the account's list of them, and new documents copied from one. */

/**
 * The account's templates: the documents /user/documentsv2 marks with `template: true`. signNow
 * lists templates among the documents there (unconfirmed that the list holds every template).
 */
export async function listTemplates(api: ApiClient) {
	return (await listDocuments(api)).filter((d) => d.template === true);
}

/**
 * Copies a template into a new document, once, named `documentName` (the template's name when
 * undefined). signNow takes no idempotency key, and no read tells which copy a lost request made,
 * so a lost answer is reported as unknown.
 */
export async function copyTemplate(
	api: ApiClient,
	templateId: string,
	documentName: string | undefined,
	itemIndex: number,
) {
	return await api.requestChecked(
		{
			method: 'POST',
			path: `/template/${encodeURIComponent(templateId)}/copy`,
			...(documentName ? { body: { document_name: documentName } } : {}),
			ifUnknown: {
				happened: 'a document was created from the template',
				advice:
					'Look for the new document in signNow (Documents, newest first) before running this item again, or the template is copied twice.',
			},
		},
		copiedTemplateAnswer,
		itemIndex,
	);
}
