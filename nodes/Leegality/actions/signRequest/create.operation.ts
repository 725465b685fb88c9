import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readBinary } from '../../../shared/binary';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { email } from '../../../shared/schemas';
import { checkParameters, failValidation } from '../../../shared/validation';
import { createAnswer } from '../answers';
import { phoneSchema } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Workflow ID',
		name: 'profileId',
		type: 'string',
		required: true,
		default: '',
		description:
			'The ID of a published workflow in the Leegality dashboard. The workflow sets the sign types, signing order and webhook URLs.',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field holding the PDF to sign',
	},
	{
		displayName: 'Invitees',
		name: 'invitees',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Invitee',
		required: true,
		default: {},
		description: 'People who sign, in the order the workflow expects them',
		options: [
			{
				name: 'invitee',
				displayName: 'Invitee',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						required: true,
						default: '',
					},
					{
						displayName: 'Phone',
						name: 'phone',
						type: 'string',
						default: '',
						placeholder: '9876543210',
						description:
							'Mobile number for SMS notifications and OTPs; leave empty to use email only',
					},
				],
			},
		],
	},
	{
		displayName: 'IRN',
		name: 'irn',
		type: 'string',
		default: '',
		description:
			'Your own reference for the document (internal reference number), searchable later with Get Many. Leegality does not use it to stop duplicates.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Document Name',
				name: 'documentName',
				type: 'string',
				default: '',
				description: 'Name of the document in Leegality. Defaults to the binary file’s name.',
			},
		],
	},
];

export const description = forOperation('signRequest', 'create', properties);

const schema = z.object({
	profileId: z
		.string()
		.trim()
		.min(1, 'The Workflow ID is required.')
		.regex(/^\S+$/, 'A Workflow ID has no spaces.'),
	binaryPropertyName: z.string().trim().min(1, 'Name the binary field, for example "data".'),
	invitees: z
		.array(
			z.object({
				name: z.string().trim().min(1, 'Each invitee needs a name.'),
				email,
				phone: phoneSchema,
			}),
		)
		.min(1, 'Add at least one invitee.'),
	irn: z.string().trim().default(''),
	documentName: z.string().trim().default(''),
});

const PDF_MAGIC = Buffer.from('%PDF-');

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const params = checkParameters(this, i, properties, schema, {
		profileId: this.getNodeParameter('profileId', i),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
		invitees: this.getNodeParameter('invitees.invitee', i, []),
		irn: this.getNodeParameter('irn', i, ''),
		documentName: options.documentName ?? '',
	});
	const file = await readBinary(this, i, params.binaryPropertyName);
	if (!file.data.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
		failValidation(
			this.getNode(),
			[
				`Input Binary Field: "${params.binaryPropertyName}" is not allowed. Leegality needs a PDF; this file is ${file.mimeType} (${file.fileName}).`,
			],
			i,
		);
	}

	const body: IDataObject = {
		profileId: params.profileId,
		file: { name: params.documentName || file.fileName, file: file.data.toString('base64') },
		invitees: params.invitees.map((invitee) => ({
			name: invitee.name,
			email: invitee.email,
			...(invitee.phone ? { phone: invitee.phone } : {}),
		})),
		...(params.irn ? { irn: params.irn } : {}),
	};
	const created = await api.requestChecked(
		{
			method: 'POST',
			path: '/v3.0/sign/request',
			body,
			// Leegality takes no idempotency key and the IRN is not unique, so no read can tell
			// whether this request created a document: the item reports the outcome as unknown.
			ifUnknown: {
				happened: 'the sign request was created and sent',
				advice:
					'Look for it with Sign Request → Get Many (search by its IRN or document name) before sending again, or the invitees get it twice.',
			},
		},
		createAnswer,
		i,
	);
	return toItems(
		{
			documentId: created.documentId,
			irn: created.irn ?? params.irn,
			invitees: created.invitees,
			signUrls: created.invitees.map((invitee) => invitee.signUrl),
			messages: created.messages,
		},
		i,
	);
};
