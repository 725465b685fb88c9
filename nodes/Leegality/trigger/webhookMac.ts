import { verifyHmac } from '../../shared/webhook';

/**
 * Whether `mac` is Leegality's signature of `documentId`: HMAC-SHA1 keyed with the Private Salt.
 * Leegality confirms the algorithm and the inputs; the hex encoding comes from integrators
 * (third-party), so it is set here and nowhere else.
 */
export function isLeegalityMac(documentId: string, mac: string | undefined, privateSalt: string): boolean {
	return verifyHmac({ algorithm: 'sha1', key: privateSalt, payload: documentId, encoding: 'hex', signature: mac });
}
