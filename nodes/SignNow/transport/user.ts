import type { ApiClient } from '../../shared/transport/client';
import { userAnswer, userEmailAnswer } from './answers';

/**
 * The signed-in account, from GET /user (the path of signNow's SDK and Postman collection; the
 * reference material does not list its answer, unconfirmed).
 */
export async function readUser(api: ApiClient, itemIndex?: number) {
	return await api.requestChecked({ method: 'GET', path: '/user' }, userAnswer, itemIndex);
}

/** The account's own email address: the only sender signNow accepts for an email invite. */
export async function accountEmail(api: ApiClient, itemIndex?: number): Promise<string> {
	const user = await api.checkAnswer(await readUser(api, itemIndex), userEmailAnswer, itemIndex);
	return (user.primary_email || user.emails![0]).trim();
}
