import type { MessageKey, Translate } from '../i18n/translate.ts';

/**
 * Plain-word explanations (locale keys) of C2PA validation status codes, for tooltips and the details page.
 * Codes and meanings follow the C2PA specification's status-code tables
 * (https://spec.c2pa.org/specifications/specifications/2.2/specs/C2PA_Specification.html#_status_codes)
 * and the CAWG identity assertion spec (https://cawg.io/identity/) for `cawg.*`.
 * The engine's own `explanation` strings are technical ("hash verification( Hashes do not match )"),
 * so the UI shows these instead and keeps the code for the curious.
 */
const EXPLANATIONS: Readonly<Record<string, MessageKey>> = {
  'claimSignature.validated': 'detailsCodes.claimSignatureValidated',
  'claimSignature.insideValidity': 'detailsCodes.claimSignatureInsideValidity',
  'claimSignature.outsideValidity': 'detailsCodes.claimSignatureOutsideValidity',
  'claimSignature.mismatch': 'detailsCodes.claimSignatureMismatch',
  'claimSignature.missing': 'detailsCodes.claimSignatureMissing',
  'signingCredential.trusted': 'detailsCodes.signingCredentialTrusted',
  'signingCredential.untrusted': 'detailsCodes.signingCredentialUntrusted',
  'signingCredential.expired': 'detailsCodes.signingCredentialExpired',
  'signingCredential.revoked': 'detailsCodes.signingCredentialRevoked',
  'signingCredential.invalid': 'detailsCodes.signingCredentialInvalid',
  'signingCredential.ocsp.skipped': 'detailsCodes.signingCredentialOcspSkipped',
  'signingCredential.ocsp.notRevoked': 'detailsCodes.signingCredentialOcspNotRevoked',
  'signingCredential.ocsp.revoked': 'detailsCodes.signingCredentialOcspRevoked',
  'signingCredential.ocsp.inaccessible': 'detailsCodes.signingCredentialOcspInaccessible',
  'signingCredential.ocsp.unknown': 'detailsCodes.signingCredentialOcspUnknown',
  'timeStamp.validated': 'detailsCodes.timeStampValidated',
  'timeStamp.trusted': 'detailsCodes.timeStampTrusted',
  'timeStamp.untrusted': 'detailsCodes.timeStampUntrusted',
  'timeStamp.mismatch': 'detailsCodes.timeStampMismatch',
  'timeStamp.malformed': 'detailsCodes.timeStampMalformed',
  'timeStamp.outsideValidity': 'detailsCodes.timeStampOutsideValidity',
  'assertion.hashedURI.match': 'detailsCodes.assertionHashedURIMatch',
  'assertion.hashedURI.mismatch': 'detailsCodes.assertionHashedURIMismatch',
  'assertion.missing': 'detailsCodes.assertionMissing',
  'assertion.multipleHardBindings': 'detailsCodes.assertionMultipleHardBindings',
  'assertion.undeclared': 'detailsCodes.assertionUndeclared',
  'assertion.inaccessible': 'detailsCodes.assertionInaccessible',
  'assertion.notRedacted': 'detailsCodes.assertionNotRedacted',
  'assertion.selfRedacted': 'detailsCodes.assertionSelfRedacted',
  'assertion.action.ingredientMismatch': 'detailsCodes.assertionActionIngredientMismatch',
  'assertion.action.malformed': 'detailsCodes.assertionActionMalformed',
  'assertion.action.redacted': 'detailsCodes.assertionActionRedacted',
  'assertion.dataHash.match': 'detailsCodes.assertionDataHashMatch',
  'assertion.dataHash.mismatch': 'detailsCodes.assertionDataHashMismatch',
  'assertion.dataHash.malformed': 'detailsCodes.assertionDataHashMalformed',
  'assertion.dataHash.redacted': 'detailsCodes.assertionDataHashRedacted',
  'assertion.boxesHash.match': 'detailsCodes.assertionBoxesHashMatch',
  'assertion.boxesHash.mismatch': 'detailsCodes.assertionBoxesHashMismatch',
  'assertion.boxesHash.unknownBox': 'detailsCodes.assertionBoxesHashUnknownBox',
  'assertion.bmffHash.match': 'detailsCodes.assertionBmffHashMatch',
  'assertion.bmffHash.mismatch': 'detailsCodes.assertionBmffHashMismatch',
  'assertion.bmffHash.malformed': 'detailsCodes.assertionBmffHashMalformed',
  'assertion.collectionHash.mismatch': 'detailsCodes.assertionCollectionHashMismatch',
  'assertion.cbor.invalid': 'detailsCodes.assertionCborInvalid',
  'assertion.json.invalid': 'detailsCodes.assertionJsonInvalid',
  'assertion.ingredient.malformed': 'detailsCodes.assertionIngredientMalformed',
  'claim.missing': 'detailsCodes.claimMissing',
  'claim.multiple': 'detailsCodes.claimMultiple',
  'claim.hardBindings.missing': 'detailsCodes.claimHardBindingsMissing',
  'claim.malformed': 'detailsCodes.claimMalformed',
  'manifest.inaccessible': 'detailsCodes.manifestInaccessible',
  'manifest.multipleParents': 'detailsCodes.manifestMultipleParents',
  'manifest.update.invalid': 'detailsCodes.manifestUpdateInvalid',
  'manifest.update.wrongParents': 'detailsCodes.manifestUpdateWrongParents',
  'manifest.timestamp.invalid': 'detailsCodes.manifestTimestampInvalid',
  'manifest.compressed.invalid': 'detailsCodes.manifestCompressedInvalid',
  'ingredient.manifest.validated': 'detailsCodes.ingredientManifestValidated',
  'ingredient.manifest.mismatch': 'detailsCodes.ingredientManifestMismatch',
  'ingredient.manifest.missing': 'detailsCodes.ingredientManifestMissing',
  'ingredient.claimSignature.validated': 'detailsCodes.ingredientClaimSignatureValidated',
  'ingredient.claimSignature.mismatch': 'detailsCodes.ingredientClaimSignatureMismatch',
  'ingredient.claimSignature.missing': 'detailsCodes.ingredientClaimSignatureMissing',
  'ingredient.hashedURI.mismatch': 'detailsCodes.ingredientHashedURIMismatch',
  'ingredient.unknownProvenance': 'detailsCodes.ingredientUnknownProvenance',
  'algorithm.unsupported': 'detailsCodes.algorithmUnsupported',
  'algorithm.deprecated': 'detailsCodes.algorithmDeprecated',
  'general.error': 'detailsCodes.generalError',
  'hashedURI.mismatch': 'detailsCodes.hashedURIMismatch',
  'hashedURI.missing': 'detailsCodes.hashedURIMissing',
  'cawg.identity.well-formed': 'detailsCodes.cawgIdentityWellFormed',
  'cawg.identity.sig_type.unknown': 'detailsCodes.cawgIdentitySigTypeUnknown',
  'cawg.identity.assertion.mismatch': 'detailsCodes.cawgIdentityAssertionMismatch',
  'cawg.identity.hard_binding_missing': 'detailsCodes.cawgIdentityHardBindingMissing',
  'cawg.identity.pad.invalid': 'detailsCodes.cawgIdentityPadInvalid',
  'cawg.x509.signature.validated': 'detailsCodes.cawgX509SignatureValidated',
  'cawg.x509.signature.mismatch': 'detailsCodes.cawgX509SignatureMismatch',
  'cawg.x509.credential.trusted': 'detailsCodes.cawgX509CredentialTrusted',
  'cawg.x509.credential.untrusted': 'detailsCodes.cawgX509CredentialUntrusted',
  'cawg.x509.credential.invalid': 'detailsCodes.cawgX509CredentialInvalid',
  'cawg.ica.credential_valid': 'detailsCodes.cawgIcaCredentialValid',
  'cawg.ica.did_unavailable': 'detailsCodes.cawgIcaDidUnavailable',
  'cawg.ica.signer_payload.mismatch': 'detailsCodes.cawgIcaSignerPayloadMismatch',
  'cawg.ica.signature_mismatch': 'detailsCodes.cawgIcaSignatureMismatch',
  'cawg.ica.untrusted_issuer': 'detailsCodes.cawgIcaUntrustedIssuer',
  'cawg.ica.invalid_issuer': 'detailsCodes.cawgIcaInvalidIssuer',
  'cawg.ica.time_stamp.validated': 'detailsCodes.cawgIcaTimeStampValidated',
  'cawg.ica.time_stamp.invalid': 'detailsCodes.cawgIcaTimeStampInvalid',
};

/** Prefix-level fallbacks, so a new code in a known family still gets a useful sentence. */
const FAMILIES: ReadonlyArray<readonly [string, MessageKey]> = [
  ['claimSignature.', 'detailsCodes.familyClaimSignature'],
  ['signingCredential.', 'detailsCodes.familySigningCredential'],
  ['timeStamp.', 'detailsCodes.familyTimeStamp'],
  ['assertion.', 'detailsCodes.familyAssertion'],
  ['ingredient.', 'detailsCodes.familyIngredient'],
  ['manifest.', 'detailsCodes.familyManifest'],
  ['claim.', 'detailsCodes.familyClaim'],
  ['cawg.', 'detailsCodes.familyCawg'],
];

/** A one-sentence explanation of a C2PA status code; never empty, even for codes it does not know. */
export function explainStatusCode(code: string, translate: Translate): string {
  const known = EXPLANATIONS[code];
  if (known) return translate(known);
  for (const [prefix, key] of FAMILIES) if (code.startsWith(prefix)) return translate(key, [code]);
  return translate('detailsCodes.other', [code]);
}

/** Every code with a specific explanation (for tests and for the details page's legend). */
export const KNOWN_STATUS_CODES: readonly string[] = Object.keys(EXPLANATIONS);
