/**
 * The consent Leegality requires for DocSigner signing, character for character: any other text,
 * even with different spacing or case, is refused with `invalid.consent`.
 */
export const DOCSIGNER_CONSENT =
	'By using this authenticated API and the ProfileID associated with this Document Signer Certificate, I agree that the Document Signer Certificate saved in this Account will be used to eSign documents for me. I also understand that recipients of such electronic documents will be able to see my signing details.';
