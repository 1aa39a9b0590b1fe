/**
 * Plain-English explanations of C2PA validation status codes, for tooltips and the details page.
 * Codes and meanings follow the C2PA specification's status-code tables
 * (https://spec.c2pa.org/specifications/specifications/2.2/specs/C2PA_Specification.html#_status_codes)
 * and the CAWG identity assertion spec (https://cawg.io/identity/) for `cawg.*`.
 * The engine's own `explanation` strings are technical ("hash verification( Hashes do not match )"),
 * so the UI shows these instead and keeps the code for the curious.
 */
const EXPLANATIONS: Readonly<Record<string, string>> = {
  // Claim signature
  'claimSignature.validated': 'The signature over the Content Credentials is intact.',
  'claimSignature.insideValidity': 'The signature was made while the signing certificate was valid.',
  'claimSignature.outsideValidity':
    'The signature was made outside the signing certificate’s validity period.',
  'claimSignature.mismatch':
    'The signature does not match the Content Credentials: they were changed after signing.',
  'claimSignature.missing': 'The Content Credentials are not signed.',

  // Signing certificate
  'signingCredential.trusted': 'The signer’s certificate chains to a trust list you have enabled.',
  'signingCredential.untrusted':
    'The signer’s certificate is not on any trust list you have enabled, so who signed cannot be confirmed.',
  'signingCredential.expired':
    'The signer’s certificate had expired, and no trusted timestamp proves it was signed earlier.',
  'signingCredential.revoked': 'The signer’s certificate was revoked by its issuer.',
  'signingCredential.invalid':
    'The signer’s certificate is malformed or not allowed for signing Content Credentials.',
  'signingCredential.ocsp.skipped':
    'Revocation of the signer’s certificate was not checked online (no network lookups).',
  'signingCredential.ocsp.notRevoked':
    'The certificate issuer confirmed the signer’s certificate was not revoked.',
  'signingCredential.ocsp.revoked':
    'The certificate issuer reports that the signer’s certificate was revoked.',
  'signingCredential.ocsp.inaccessible':
    'The revocation service for the signer’s certificate could not be reached.',
  'signingCredential.ocsp.unknown': 'The revocation status of the signer’s certificate is unknown.',

  // Timestamps
  'timeStamp.validated': 'A timestamp proves when the content was signed.',
  'timeStamp.trusted': 'The timestamp comes from a trusted time-stamping authority.',
  'timeStamp.untrusted':
    'The timestamp comes from a time-stamping authority that is not on a trust list you enabled.',
  'timeStamp.mismatch': 'The timestamp does not match the signature it is attached to.',
  'timeStamp.malformed': 'The timestamp is malformed.',
  'timeStamp.outsideValidity':
    'The timestamp was issued outside the time-stamping certificate’s validity period.',

  // Assertions and bindings to the content
  'assertion.hashedURI.match': 'A statement inside the Content Credentials is intact.',
  'assertion.hashedURI.mismatch':
    'A statement inside the Content Credentials (an “assertion”) was altered after signing.',
  'assertion.missing': 'A statement the Content Credentials refer to is missing.',
  'assertion.multipleHardBindings':
    'The Content Credentials bind to the content more than once, which is not allowed.',
  'assertion.undeclared': 'The Content Credentials contain a statement that the signature does not cover.',
  'assertion.inaccessible': 'A statement the Content Credentials refer to could not be read.',
  'assertion.notRedacted': 'A statement marked as removed is still present.',
  'assertion.selfRedacted': 'A statement tried to remove itself, which is not allowed.',
  'assertion.action.ingredientMismatch': 'An editing step refers to an ingredient that does not match.',
  'assertion.action.malformed': 'The list of editing steps is malformed.',
  'assertion.action.redacted': 'An editing step was removed from the history.',
  'assertion.dataHash.match': 'The content matches what was signed.',
  'assertion.dataHash.mismatch':
    'The content does not match what was signed: the file was changed after signing (or its hash binding is malformed).',
  'assertion.dataHash.malformed': 'The hash that binds the credentials to the content is malformed.',
  'assertion.dataHash.redacted': 'The hash that binds the credentials to the content was removed.',
  'assertion.boxesHash.match': 'The content matches what was signed.',
  'assertion.boxesHash.mismatch':
    'The content does not match what was signed: the file was changed after signing.',
  'assertion.boxesHash.unknownBox': 'The file contains a part the signature does not account for.',
  'assertion.bmffHash.match': 'The media matches what was signed.',
  'assertion.bmffHash.mismatch':
    'The media does not match what was signed: the file was changed after signing.',
  'assertion.bmffHash.malformed': 'The hash that binds the credentials to the media is malformed.',
  'assertion.collectionHash.mismatch': 'A file in the signed collection was changed after signing.',
  'assertion.cbor.invalid': 'A statement inside the Content Credentials is malformed.',
  'assertion.json.invalid': 'A statement inside the Content Credentials is malformed.',
  'assertion.ingredient.malformed': 'An ingredient record is malformed.',

  // Claim and manifest structure
  'claim.missing': 'The Content Credentials have no claim.',
  'claim.multiple': 'The Content Credentials contain more than one claim.',
  'claim.hardBindings.missing': 'The Content Credentials are not bound to the content.',
  'claim.malformed': 'The Content Credentials are malformed.',
  'manifest.inaccessible': 'The Content Credentials could not be read.',
  'manifest.multipleParents': 'The history lists more than one parent, which is not allowed.',
  'manifest.update.invalid': 'An update to the Content Credentials is not valid.',
  'manifest.update.wrongParents': 'An update to the Content Credentials has the wrong parent.',
  'manifest.timestamp.invalid': 'The manifest’s timestamp is not valid.',
  'manifest.compressed.invalid': 'The compressed Content Credentials are malformed.',

  // Ingredients
  'ingredient.manifest.validated': 'An ingredient’s own Content Credentials are intact.',
  'ingredient.manifest.mismatch': 'An ingredient’s Content Credentials do not match what was recorded.',
  'ingredient.manifest.missing': 'An ingredient’s Content Credentials are missing.',
  'ingredient.claimSignature.validated': 'An ingredient’s signature is intact.',
  'ingredient.claimSignature.mismatch': 'An ingredient’s signature does not match.',
  'ingredient.claimSignature.missing': 'An ingredient’s signature is missing.',
  'ingredient.hashedURI.mismatch': 'An ingredient reference was altered.',
  'ingredient.unknownProvenance':
    'An ingredient has no Content Credentials of its own, so its origin is unknown.',

  // Algorithms and general
  'algorithm.unsupported': 'The Content Credentials use an algorithm the checker does not support.',
  'algorithm.deprecated': 'The Content Credentials use a deprecated algorithm.',
  'general.error': 'The checker hit an unexpected error.',
  'hashedURI.mismatch': 'A reference inside the Content Credentials was altered.',
  'hashedURI.missing': 'A reference inside the Content Credentials is missing.',

  // CAWG identity assertions (who, as opposed to which certificate, made the content)
  'cawg.identity.well-formed': 'The creator identity statement is well formed.',
  'cawg.identity.sig_type.unknown': 'The creator identity statement uses an unknown signature type.',
  'cawg.identity.assertion.mismatch':
    'The creator identity statement does not match the statements it covers.',
  'cawg.identity.hard_binding_missing': 'The creator identity statement is not bound to the content.',
  'cawg.identity.pad.invalid': 'The creator identity statement is malformed (bad padding).',
  'cawg.x509.signature.validated': 'The creator identity signature is intact.',
  'cawg.x509.signature.mismatch': 'The creator identity signature does not match.',
  'cawg.x509.credential.trusted': 'The creator identity certificate is trusted.',
  'cawg.x509.credential.untrusted':
    'The creator identity certificate is not on a trust list, so the named creator cannot be confirmed.',
  'cawg.x509.credential.invalid': 'The creator identity certificate is malformed.',
  'cawg.ica.credential_valid': 'The creator’s linked identity (e.g. a social account) was confirmed.',
  'cawg.ica.did_unavailable':
    'The creator’s linked identity could not be looked up (no network lookups are made while checking).',
  'cawg.ica.signer_payload.mismatch':
    'The creator’s linked identity does not match these Content Credentials.',
  'cawg.ica.signature_mismatch': 'The creator’s linked identity signature does not match.',
  'cawg.ica.untrusted_issuer': 'The service that confirmed the creator’s identity is not trusted.',
  'cawg.ica.invalid_issuer': 'The service that confirmed the creator’s identity is malformed.',
  'cawg.ica.time_stamp.validated': 'The creator identity statement carries a valid timestamp.',
  'cawg.ica.time_stamp.invalid': 'The creator identity statement’s timestamp is not valid.',
};

/** Prefix-level fallbacks, so a new code in a known family still gets a useful sentence. */
const FAMILIES: ReadonlyArray<readonly [string, string]> = [
  ['claimSignature.', 'A problem with the signature over the Content Credentials.'],
  ['signingCredential.', 'A problem with the signer’s certificate.'],
  ['timeStamp.', 'A problem with the timestamp.'],
  ['assertion.', 'A problem with a statement inside the Content Credentials.'],
  ['ingredient.', 'A problem with an ingredient’s Content Credentials.'],
  ['manifest.', 'A problem with the Content Credentials.'],
  ['claim.', 'A problem with the Content Credentials.'],
  ['cawg.', 'A problem with the creator identity statement.'],
];

/** A one-sentence explanation of a C2PA status code; never empty, even for codes it does not know. */
export function explainStatusCode(code: string): string {
  const known = EXPLANATIONS[code];
  if (known) return known;
  for (const [prefix, text] of FAMILIES) if (code.startsWith(prefix)) return `${text} (${code})`;
  return `Content Credentials check result “${code}”.`;
}

/** Every code with a specific explanation (for tests and for the details page's legend). */
export const KNOWN_STATUS_CODES: readonly string[] = Object.keys(EXPLANATIONS);
