import { summariseError } from './error-kind.ts';
import { type ReasonCode, type ReasonParams, reasonParams } from './reason-code.ts';
import type { Translate } from './translate.ts';

/**
 * "Could not check", with the raw error for the details page and a short kind for the popup's rows. Without
 * a raw error, `source` names the part that failed.
 */
export function couldNotCheck(
  error: string | undefined,
  source?: 'c2pa' | 'registry',
): { reasonCode: ReasonCode; reasonParams: ReasonParams } {
  const summary = error
    ? summariseError(error)
    : { kind: source === 'registry' ? ('registry' as const) : ('checker' as const) };
  return {
    reasonCode: 'could-not-check',
    reasonParams: reasonParams({ error, source, kind: summary.kind, status: summary.status }),
  };
}

/** A could-not-check result made outside the verdict (a failed message, a blank text), in both forms. */
export function couldNotCheckResult(
  error: string,
  t: Translate,
): {
  reason: string;
  reasonCode: ReasonCode;
  reasonParams: ReasonParams;
} {
  return { reason: t('reason.couldNotCheck', [error]), ...couldNotCheck(error) };
}
