import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { binaryFieldName, readBinary } from '../../../shared/binary';
import { fixedCollectionRows } from '../../../shared/parameters';
import { isPdf } from '../../../shared/pdf';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { email } from '../../../shared/schemas';
import { checkParameters, failValidation } from '../../../shared/validation';
import { createSignRequest } from '../../transport/signRequests';
import { phone } from '../fields';

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
	binaryPropertyName: binaryFieldName,
	invitees: z
		.array(
			z.object({
				name: z.string().trim().min(1, 'Each invitee needs a name.'),
				email,
				phone,
			}),
		)
		.min(1, 'Add at least one invitee.'),
	irn: z.string().trim().default(''),
	documentName: z.string().trim().default(''),
});

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const params = checkParameters(this, i, properties, schema, {
		profileId: this.getNodeParameter('profileId', i),
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', i),
		invitees: fixedCollectionRows(this, 'invitees.invitee', i),
		irn: this.getNodeParameter('irn', i, ''),
		documentName: options.documentName ?? '',
	});
	const file = await readBinary(this, i, params.binaryPropertyName);
	if (!isPdf(file.data)) {
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
	const created = await createSignRequest(api, body, i);
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
