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

/**
 * Exact key (SHA-256 of the UTF-8 of the collapsed text) and fuzzy key (64-bit ISCC Text-Code) of a text.
 * Throws when there is nothing to fingerprint (empty, or only whitespace / punctuation / marks) or when the
 * text is too long, so that callers report "could not check" instead of registering a meaningless hash.
 * `iscc: false` leaves the Text-Code out (about 0.4 ms per KB): only a comparison or the details page uses it.
 */
export async function fingerprintText(
  text: string,
  options: { iscc?: boolean } = {},
): Promise<TextFingerprints> {
  if (text.length > MAX_TEXT_CHARS) {
    throw new Error(`text too long to fingerprint: ${text.length} characters (limit ${MAX_TEXT_CHARS})`);
  }
  const collapsed = textCollapse(text);
  if (collapsed.length === 0) {
    throw new Error(
      text.length === 0
        ? 'no text to fingerprint: the text is empty'
        : 'no text to fingerprint: only whitespace, punctuation or control characters',
    );
  }
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
