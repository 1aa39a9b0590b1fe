/**
 * How a C2PA validation status code should look: `ok` (a check passed), `warn` (about who signed, not about
 * the content) or `fail`. Success codes follow the C2PA 2.2 naming (…validated, …match, …trusted, …).
 * The verdict never depends on this: it is presentation only.
 */
export type CodeTone = 'ok' | 'warn' | 'fail';

const OK = /\.(validated|insideValidity|trusted|match|accessible|notRevoked)$/;
const WARN = /(\.untrusted$|^signingCredential\.|^timeStamp\.|^cawg\.)/;

export function codeTone(code: string): CodeTone {
  if (OK.test(code)) return 'ok';
  if (WARN.test(code)) return 'warn';
  return 'fail';
}

const RANK: Record<CodeTone, number> = { fail: 0, warn: 1, ok: 2 };

/** Failures first, then warnings, then passed checks; the engine's order is kept within a tone. */
export function sortCodes(codes: readonly string[]): { code: string; tone: CodeTone }[] {
  return codes
    .map((code, index) => ({ code, tone: codeTone(code), index }))
    .sort((a, b) => RANK[a.tone] - RANK[b.tone] || a.index - b.index)
    .map(({ code, tone }) => ({ code, tone }));
}
