import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { forOperation, type OperationExecute, toItems } from '../../../shared/router';
import { checkParameters } from '../../../shared/validation';
import { signInvitation } from '../../transport/docSigner';
import { DOCSIGNER_CONSENT, signUrl, signUrlField } from '../fields';

const properties: INodeProperties[] = [
	{
		...signUrlField,
		description:
			'The invitation to sign, as returned by Sign Request → Create. It must allow DocSigner signing, be active and not yet signed.',
	},
	{
		displayName: 'DocSigner Profile ID',
		name: 'profileId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'd4NrfHV',
		description:
			'The Document Signer Certificate profile in the invitee’s Leegality account: Settings → eSignature & Seal → Document Signer Certificate',
	},
	{
		displayName: `Consent required by Leegality: "${DOCSIGNER_CONSENT}"`,
		name: 'consentNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'I Agree',
		name: 'consent',
		type: 'boolean',
		required: true,
		default: false,
		description:
			'Whether the account owner gives the consent shown above. When ticked, the node sends that exact text to Leegality; without it nothing is sent.',
	},
];

export const description = forOperation('docSigner', 'signInvitation', properties);

const schema = z.object({
	signUrl,
	profileId: z
		.string()
		.trim()
		.min(1, 'The DocSigner Profile ID is required.')
		.regex(/^\S+$/, 'A DocSigner Profile ID has no spaces, such as d4NrfHV.'),
	consent: z.literal(true, {
		errorMap: () => ({
			message:
				'Tick "I Agree" to give the consent shown in the node; Leegality signs only with it.',
		}),
	}),
});

export const execute: OperationExecute = async function (i, api) {
	const params = checkParameters(this, i, properties, schema, {
		signUrl: this.getNodeParameter('signUrl', i),
		profileId: this.getNodeParameter('profileId', i),
		consent: this.getNodeParameter('consent', i, false),
	});
	const said = await signInvitation(api, params, i);
	return toItems(
		{
			signed: true,
			signUrl: params.signUrl,
			profileId: params.profileId,
			...said,
		},
		i,
	);
};
