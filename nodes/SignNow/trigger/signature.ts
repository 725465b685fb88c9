/** The check of a signNow callback's signature, written once in the transport (see there). */
export { signatureMatches } from '../transport/callbacks';
