import {
  blankTextReason,
  fingerprintCollapsed,
  MAX_TEXT_CHARS,
  tooLongToFingerprint,
} from '../fingerprint/fingerprint-text.ts';
import { textCollapse } from '../fingerprint/text-collapse.ts';
import { couldNotCheckResult } from '../i18n/could-not-check.ts';
import type { CheckResult } from '../messages/protocol.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';

/**
 * A page's text block, checked by the worker. The worker computes the key itself (collapsed-text SHA-256),
 * so what it stores and looks up is always the hash of the text it holds: a page cannot attach another
 * paragraph's hash, or a registered one, to its own text. The ISCC Text-Code is the pipeline's to add, only
 * where a text index compares it; the text is collapsed once here for the blank check, the key and that code.
 */
export async function checkTextMessage(pipeline: Pipeline, text: string): Promise<CheckResult> {
  const refused = (reason: string): CheckResult => ({
    kind: 'text',
    verdict: 'error',
    ...couldNotCheckResult(reason, pipeline.translate),
  });
  if (text.length > MAX_TEXT_CHARS) return refused(blankTextReason(text) ?? tooLongToFingerprint(text));
  const collapsed = textCollapse(text);
  const blank = blankTextReason(text, collapsed);
  if (blank) return refused(blank);
  let fingerprints: Awaited<ReturnType<typeof fingerprintCollapsed>>;
  try {
    fingerprints = await fingerprintCollapsed(collapsed, { iscc: false });
  } catch (error) {
    return refused((error as Error).message);
  }
  return pipeline.checkText(fingerprints, text, collapsed);
}
