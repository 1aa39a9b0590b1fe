/** Public API of the C2PA module (reading and validating Content Credentials with c2pa-wasm). */
export { BUNDLED_TRUST_FILES, loadBundledTrustLists, type TrustChoice } from './bundled-trust.ts';
export {
  C2PA_RS_VERSION,
  C2PA_WASM_VERSION,
  type C2paEngine,
  type C2paEngineInit,
  type C2paReaderView,
  loadC2paEngine,
} from './engine.ts';
export { classifyEngineError, type EngineErrorInfo, type EngineErrorKind } from './engine-error.ts';
export { ENGINE_MIME_TYPES, mimeFor, normalizeMime } from './mime-for.ts';
export {
  isRemoteNotFetched,
  MAX_ASSET_BYTES,
  MAX_REMOTE_MANIFEST_BYTES,
  MAX_THUMBNAIL_BYTES,
  REMOTE_NOT_FETCHED,
  type ReadC2paOptions,
  type RemoteManifestOptions,
  readC2pa,
} from './read-c2pa.ts';
export { findXmpProvenance, parseLinkHeader, safeRemoteUrl, type XmpProvenance } from './remote-manifest.ts';
export { explainStatusCode, KNOWN_STATUS_CODES } from './status-codes.ts';
export {
  AI_VENDOR_ASSERTIONS,
  aiDeclarations,
  errorEvidence,
  noneEvidence,
  toEvidence,
} from './to-evidence.ts';
export {
  buildEngineSettings,
  sanitizePemBundle,
  TRUST_URI,
  type TrustLists,
  trustListsVersion,
  trustTierForUri,
} from './trust-settings.ts';
