import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fixedCollectionRows } from '../../../shared/parameters';
import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import {
	authenticationBody,
	authenticationFields,
	authenticationMethod,
	ceremonyOptionFields,
	ceremonyOptionsBody,
	ceremonyOptionsSchema,
	rawCeremonyOptions,
} from '../ceremonySettings';
import { resumeOption, resumeRedirectUrl } from '../../../shared/wait/redirect';
import { createCeremony } from '../../transport/recipients';
import { recipientId, recipientIdField } from '../fields';

const properties: INodeProperties[] = [
	recipientIdField,
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Method',
		required: true,
		default: {},
		description:
			'How the recipient proves who they are, completed in this order. With Email Link first, the link is emailed and no URL is returned.',
		options: [{ name: 'method', displayName: 'Method', values: authenticationFields('type') }],
	},
	...ceremonyOptionFields,
	resumeOption('SignatureAPI', 'Envelope'),
];

export const description = forOperation('ceremony', 'create', properties);

const schema = ceremonyOptionsSchema.extend({
	recipientId,
	authentication: z
		.array(authenticationMethod)
		.min(1, 'Add at least one method, for example Email Link or Custom.'),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		recipientId: this.getNodeParameter('recipientId', i),
		authentication: fixedCollectionRows(this, 'authentication.method', i),
		...rawCeremonyOptions({
			redirectUrl: this.getNodeParameter('redirectUrl', i, ''),
			redirectDelay: this.getNodeParameter('redirectDelay', i, 3),
			urlVariant: this.getNodeParameter('urlVariant', i, 'standard'),
			embeddableIn: this.getNodeParameter('embeddableIn', i, ''),
		} as IDataObject),
	});
	const body: IDataObject = {
		authentication: params.authentication.map(authenticationBody),
		...ceremonyOptionsBody(params),
	};
	// The signer comes back to this execution first; the Redirect URL is where n8n sends them on.
	if (this.getNodeParameter('resumeWorkflow', i, false) === true)
		body.redirect_url = await resumeRedirectUrl(this, api, params.redirectUrl ?? '', i, true);
	const ceremony = await createCeremony(
		api,
		params.recipientId,
		body,
		params.authentication[0].type,
		i,
	);
	const notes = ['Creating this ceremony revoked every earlier signing link of this recipient.'];
	if (ceremony.url === null) {
		notes.unshift(
			'url is null because the first method is Email Link: SignatureAPI emails the signing link to the recipient instead.',
		);
	}
	return toItems({ recipient_id: params.recipientId, ...ceremony, notes }, i);
};
