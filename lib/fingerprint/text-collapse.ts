/**
 * ISCC text collapse (iscc-core `collapse_text`, ISO 24138): NFD, remove whitespace, lower-case, drop every
 * control (C*), mark (M*) and punctuation (P*) character, then NFKC. The result is the exact-text key and the
 * input of the Text-Code, so re-wrapping, NBSP, zero-width spaces, smart quotes and accents do not matter.
 *
 * The steps run in iscc-core's order: lower-casing sees the text without whitespace (it matters for the
 * Greek final sigma). Unicode data comes from the JS engine (ICU), which may be newer than the Python that
 * produced the reference vectors: only code points assigned in between can differ.
 */

// Python's str.split() whitespace differs from White_Space only in controls (U+001C..U+001F, U+0085), which
// the category filter drops anyway.
const WHITESPACE = /\p{White_Space}+/gu;
// \p{C} includes unassigned (Cn), private use (Co) and lone surrogates (Cs), as Python's category() does.
const DROPPED = /[\p{C}\p{M}\p{P}]+/gu;

export function textCollapse(text: string): string {
  return text.normalize('NFD').replace(WHITESPACE, '').toLowerCase().replace(DROPPED, '').normalize('NFKC');
}
