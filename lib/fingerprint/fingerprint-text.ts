import type { TextFingerprints } from '../evidence/types.ts';
import { codePointLength, isccTextCodeOfCollapsed } from './iscc-text.ts';
import { sha256Hex } from './sha256.ts';
import { textCollapse } from './text-collapse.ts';

/**
 * Longest text fingerprinted, in UTF-16 code units (checked before any work, so it is cheap). A million
 * characters is a long book; collapsing and hashing it takes a few hundred ms, more than that would block
 * a content script.
 */
export const MAX_TEXT_CHARS = 1_000_000;

const utf8 = new TextEncoder();

/** Text fingerprints with the ISCC Text-Code computed (the default). */
export type TextFingerprintsWithIscc = TextFingerprints & { isccText: string; isccTextHex: string };

/**
 * Why a text is not worth checking or registering (empty, or only whitespace / punctuation / marks: its
 * hash would be shared by every blank text), or undefined when it is.
 */
export function blankTextReason(text: string, collapsed?: string): string | undefined {
  // A caller that has collapsed the text already passes it: collapsing is most of a paragraph's check.
  if (collapsed !== undefined) {
    if (collapsed.length > 0) return undefined;
  } else {
    if (textCollapse(text.slice(0, 10_000)).length > 0) return undefined;
    if (text.length > 10_000 && textCollapse(text).length > 0) return undefined;
  }
  return text.length === 0
    ? 'no text to fingerprint: the text is empty'
    : 'no text to fingerprint: only whitespace, punctuation or control characters';
}

/**
 * Exact key (SHA-256 of the UTF-8 of the collapsed text) and fuzzy key (64-bit ISCC Text-Code) of a text,
 * as the ISCC reference computes them for every input, the empty text included (iscc-core gives it
 * ISCC:EAASL4F2WZY7KBXB). Callers that check or register text refuse blank text with `blankTextReason`.
 * Throws only when the text is too long.
 * `iscc: false` leaves the Text-Code out (about 0.4 ms per KB): only a comparison or the details page uses it.
 */
export function fingerprintText(text: string, options?: { iscc?: true }): Promise<TextFingerprintsWithIscc>;
export function fingerprintText(text: string, options: { iscc?: boolean }): Promise<TextFingerprints>;
export async function fingerprintText(
  text: string,
  options: { iscc?: boolean } = {},
): Promise<TextFingerprints> {
  if (text.length > MAX_TEXT_CHARS) throw new Error(tooLongToFingerprint(text));
  return fingerprintCollapsed(textCollapse(text), options);
}

/** Why a text is refused by `fingerprintText`. */
export const tooLongToFingerprint = (text: string): string =>
  `text too long to fingerprint: ${text.length} characters (limit ${MAX_TEXT_CHARS})`;

/**
 * `fingerprintText` of a text already collapsed (`textCollapse`): the worker collapses a page's paragraph once,
 * for its blank check, its key and, when a text index wants it, its Text-Code.
 */
export function fingerprintCollapsed(
  collapsed: string,
  options?: { iscc?: true },
): Promise<TextFingerprintsWithIscc>;
export function fingerprintCollapsed(
  collapsed: string,
  options: { iscc?: boolean },
): Promise<TextFingerprints>;
export async function fingerprintCollapsed(
  collapsed: string,
  options: { iscc?: boolean } = {},
): Promise<TextFingerprints> {
  const sha256Collapsed = await sha256Hex(utf8.encode(collapsed));
  if (options.iscc === false) {
    return { kind: 'text', sha256Collapsed, characters: codePointLength(collapsed) };
  }
  const code = isccTextCodeOfCollapsed(collapsed, 64);
  return {
    kind: 'text',
    sha256Collapsed,
    isccText: code.iscc,
    isccTextHex: code.hex,
    characters: code.characters,
  };
}
