import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { vendorError } from '../../../shared/errors';
import type { ApiClient } from '../../../shared/transport/request';
import { sentAnswer } from './answers';

/**
 * Sends a new signature request (Send or Send From Template) once, and returns the request Lumin
 * created. Lumin answers 201 with status WAITING_FOR_PROCESSING or FAILED: a FAILED request was
 * created but will never reach the signers, so it fails the item.
 */
export async function sendSignatureRequest(
	ctx: IExecuteFunctions,
	api: ApiClient,
	path: '/signature_request/send' | '/signature_request/send-from-template',
	body: IDataObject | FormData,
	itemIndex: number,
): Promise<IDataObject> {
	const response = await api.requestFull<unknown>(
		{
			method: 'POST',
			path,
			body,
			ifUnknown: {
				happened: 'the signature request was sent',
				advice: 'Look for it in Lumin (or in a Lumin Trigger run on Signature Request Created) before sending again, or the signers get it twice.',
			},
		},
		itemIndex,
	);
	const answer = await api.checkAnswer(response.body, sentAnswer, itemIndex);
	const request = answer.signature_request;
	if (request.status === 'FAILED') {
		throw vendorError(ctx.getNode(), {
			vendor: api.vendor.name,
			failure: {
				code: 'processing_failed',
				message: `created signature request ${request.signature_request_id} with status FAILED`,
				hint: 'Lumin could not process the request, so the signers get nothing. Signature Request → Get shows the reason; check that the files are PDFs Lumin can open.',
			},
			httpCode: response.statusCode,
			body: answer,
			itemIndex,
			secrets: await api.secrets(),
		});
	}
	return request as IDataObject;
}
