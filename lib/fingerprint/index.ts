/**
 * Fingerprints of images and text: exact (SHA-256), perceptual (PDQ) and fuzzy text (ISCC Text-Code).
 * Pure TypeScript for every context (content script, service worker, pages, Node); decoders are injected:
 * createWebDecoder in the browser, cli/decode-image-node.ts in Node.
 */
export { base32Encode } from './base32.ts';
export {
  assertPixelBudget,
  type DecodedImage,
  type DecodeImage,
  ImageDecodeError,
  MAX_IMAGE_BYTES,
  MAX_PIXELS,
  preflightImage,
} from './decode-image.ts';
export { createWebDecoder, type WebDecoderEnv } from './decode-image-web.ts';
export { DECODE_TIMEOUT_MS, fingerprintImage } from './fingerprint-image.ts';
export { blankTextReason, fingerprintText, MAX_TEXT_CHARS } from './fingerprint-text.ts';
export { flattenAlphaOnWhite } from './flatten-alpha.ts';
export { hammingDistance, isPdqHash, PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY, pdqMatch } from './hamming.ts';
export { bytesToHex } from './hex.ts';
export {
  type ImageSize,
  type ImageType,
  PDQ_IMAGE_TYPES,
  readImageSize,
  sniffImageType,
} from './image-type.ts';
export {
  codePointLength,
  type IsccBits,
  type IsccTextCode,
  isccTextCode,
  isccTextCodeOfCollapsed,
  softHashTextV0,
} from './iscc-text.ts';
export { minhash, minhash64, minhash256, minhashCompress } from './minhash.ts';
export {
  luma64FromLuma,
  luma64FromRgb,
  lumaFromRgb,
  PDQ_MIN_HASHABLE_DIM,
  type PdqHash,
  pdqFrom64,
  pdqFromLuma,
  pdqFromRgb,
} from './pdq.ts';
export { sha256Hex } from './sha256.ts';
export { textCollapse } from './text-collapse.ts';
export { xxh32 } from './xxh32.ts';
