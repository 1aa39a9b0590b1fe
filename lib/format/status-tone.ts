/**
 * How a C2PA validation status code should look: `ok` (a check passed), `warn` (about who signed, not about
 * the content) or `fail`. Success codes follow the C2PA 2.2 naming (…validated, …match, …trusted, …).
 * The verdict never depends on this: it is presentation only.
 */
export type CodeTone = 'ok' | 'warn' | 'fail';

const OK = /\.(validated|insideValidity|trusted|match|accessible|notRevoked)$/;
const WARN = /(\.untrusted$|^signingCredential\.|^timeStamp\.|^cawg\.)/;

/**
 * `failing`: the codes the engine put in a failure list (the classified failures), when known. A code that is
 * not among them is informational (`ingredient.unknownProvenance`, `…additionalExclusionsPresent`) and never
 * shows as failed; without the list (results cached before it existed) the code's name decides.
 */
export function codeTone(code: string, failing?: ReadonlySet<string>): CodeTone {
  if (OK.test(code)) return 'ok';
  if (WARN.test(code)) return 'warn';
  if (failing) return failing.has(code) ? 'fail' : 'warn';
  return 'fail';
}

const RANK: Record<CodeTone, number> = { fail: 0, warn: 1, ok: 2 };

/** Failures first, then warnings, then passed checks; the engine's order is kept within a tone. */
export function sortCodes(
  codes: readonly string[],
  failing?: ReadonlySet<string>,
): { code: string; tone: CodeTone }[] {
  return codes
    .map((code, index) => ({ code, tone: codeTone(code, failing), index }))
    .sort((a, b) => RANK[a.tone] - RANK[b.tone] || a.index - b.index)
    .map(({ code, tone }) => ({ code, tone }));
}
