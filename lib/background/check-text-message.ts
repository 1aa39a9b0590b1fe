import { blankTextReason, fingerprintText } from '../fingerprint/fingerprint-text.ts';
import { couldNotCheckResult } from '../i18n/could-not-check.ts';
import type { CheckResult } from '../messages/protocol.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';

/**
 * A page's text block, checked by the worker. The worker computes the key itself (collapsed-text SHA-256),
 * so what it stores and looks up is always the hash of the text it holds: a page cannot attach another
 * paragraph's hash, or a registered one, to its own text. The ISCC Text-Code is left out here: nothing on
 * the page compares it, and the details page computes it when shown.
 */
export async function checkTextMessage(pipeline: Pipeline, text: string): Promise<CheckResult> {
  const blank = blankTextReason(text);
  if (blank) return { kind: 'text', verdict: 'error', ...couldNotCheckResult(blank, pipeline.translate) };
  let fingerprints: Awaited<ReturnType<typeof fingerprintText>>;
  try {
    fingerprints = await fingerprintText(text, { iscc: false });
  } catch (error) {
    return {
      kind: 'text',
      verdict: 'error',
      ...couldNotCheckResult((error as Error).message, pipeline.translate),
    };
  }
  return pipeline.checkText(fingerprints, text);
}
