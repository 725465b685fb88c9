import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fixedCollectionRows } from '../../../shared/parameters';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import {
	checkParameters,
	duplicateProblems,
	failValidation,
	fieldLabel,
	listedValues,
} from '../../../shared/validation';
import { documentId, documentIdFields } from '../../descriptions/document';
import { isTextField } from '../../transport/answers';
import { listFields, prefillTexts } from '../../transport/fields';

const properties: INodeProperties[] = [
	...documentIdFields(),
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field',
		required: true,
		default: {},
		description: 'Text fields of the document and the text each is to show before anyone signs',
		options: [
			{
				name: 'field',
				displayName: 'Field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'fieldName',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getDocumentTextFields',
							loadOptionsDependsOn: ['documentId'],
						},
						required: true,
						default: '',
						description:
							'A text field of the document (its name is its ID). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						description: 'What the field shows; signers may still change it',
					},
				],
			},
		],
	},
];

export const description = forOperation('document', 'prefillTextFields', properties);

const field = z.object({
	fieldName: z
		.string({ invalid_type_error: 'Pick a text field of the document.' })
		.trim()
		.min(1, 'Pick a text field of the document.'),
	// A number from an expression (a price, say) is written as its digits.
	text: z.preprocess(
		(v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v),
		z.string({
			invalid_type_error: 'Must be text or a number; leave it empty for an empty field.',
		}),
	),
});

const schema = z.object({
	documentId,
	fields: z.array(field).min(1, 'Add at least one field.'),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		fields: fixedCollectionRows(this, 'fields.field', i),
	});
	const repeats = duplicateProblems(
		listedValues(
			properties,
			'fields',
			'fieldName',
			params.fields.map((f) => f.fieldName),
		),
		'Each field is prefilled once.',
	);
	if (repeats.length) failValidation(this.getNode(), repeats, i);

	// One read names a field the document lacks before anything is written.
	const fields = await listFields(api, params.documentId, i);
	const texts = fields.filter(isTextField).map((f) => f.name);
	params.fields.forEach((f, n) => {
		if (texts.includes(f.fieldName)) return;
		const kind = fields.find((known) => known.name === f.fieldName)?.type;
		failValidation(
			this.getNode(),
			[
				`${fieldLabel(properties, ['fields', n, 'fieldName'])}: "${f.fieldName}" is not allowed. ${
					kind
						? `It is a ${kind} field; only text fields can be prefilled.`
						: 'The document has no field of that name.'
				} ${texts.length ? `Its text fields are ${texts.map((t) => `"${t}"`).join(', ')}.` : 'It has no text fields.'}`,
			],
			i,
		);
	});

	const prefilled = params.fields.map((f) => ({ field_name: f.fieldName, prefilled_text: f.text }));
	await prefillTexts(api, params.documentId, prefilled, i);
	return toItems({ document_id: params.documentId, prefilled }, i);
};
