import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { locatorFields, locatorId } from '../../../shared/locator';
import { intInRange, pathId } from '../../../shared/schemas';
import { checkParameters } from '../../../shared/validation';
import { documentId, documentIdFields } from '../../descriptions/document';
import { generateLink } from '../../transport/embeddedInvites';
import { authMethod, authMethodField } from '../fields';

const properties: INodeProperties[] = [
	...documentIdFields(),
	...locatorFields(
		{
			displayName: 'Field Invite',
			name: 'fieldInviteId',
			what: 'invite',
			searchListMethod: 'searchFieldInvites',
			description:
				'One embedded invite of the document, as output by Embedded Invite → Create. The list shows the invites of the document picked above.',
			idPlaceholder: '03739a736d324f9794c2e93ec7c5bda817af3f7f',
		},
		{
			displayName: 'Field Invite ID',
			name: 'fieldInviteId',
			type: 'string',
			required: true,
			default: '',
			description: 'The ID of one invite, as output by Embedded Invite → Create',
		},
	),
	authMethodField('How the signer is authenticated before the link opens the document'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Link Expiration (Minutes)',
				name: 'linkExpiration',
				type: 'number',
				typeOptions: { minValue: 15, maxValue: 45 },
				default: 15,
				description:
					'How long the link stays valid: 15 to 45 minutes. Without it signNow applies its own default.',
			},
		],
	},
];

export const description = forOperation('embeddedInvite', 'generateLink', properties);

const schema = z.object({
	documentId,
	fieldInviteId: locatorId('invite', pathId('field invite ID')),
	authMethod,
	linkExpiration: z.preprocess(
		(v) => (v === '' || v === null || v === undefined ? null : v),
		intInRange(15, 45, ' minutes, or left empty').nullable(),
	),
});

export const execute: OperationExecute = async function (i, api) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const params = checkParameters(this, i, properties, schema, {
		documentId: this.getNodeParameter('documentId', i),
		fieldInviteId: this.getNodeParameter('fieldInviteId', i),
		authMethod: this.getNodeParameter('authMethod', i),
		linkExpiration: options.linkExpiration,
	});
	const issuedAt = Date.now();
	const link = await generateLink(api, params.documentId, params.fieldInviteId, params, i);
	return toItems(
		{
			document_id: params.documentId,
			field_invite_id: params.fieldInviteId,
			link,
			link_expiration_minutes: params.linkExpiration,
			...(params.linkExpiration
				? { expires_at_iso: new Date(issuedAt + params.linkExpiration * 60_000).toISOString() }
				: {}),
		},
		i,
	);
};
