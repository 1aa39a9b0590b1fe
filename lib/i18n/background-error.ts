import type { MessageKey, Translate } from './translate.ts';

/**
 * Why the background refused a request from the details page (soft-binding lookup, registrations), as a code
 * and parameters beside the English `error`, so that the page words it in its reader's language.
 */
export const BACKGROUND_ERRORS = {
  starting: 'background.starting',
  'service-not-in-options': 'background.softBinding.notInOptions',
  'not-an-image': 'background.softBinding.notAnImage',
  'address-unknown': 'background.softBinding.addressUnknown',
  'image-changed': 'background.softBinding.imageChanged',
  'service-failed': 'background.softBinding.failed',
  'not-in-cache': 'background.notInCache',
} as const satisfies Record<string, MessageKey>;

export type BackgroundErrorCode = keyof typeof BACKGROUND_ERRORS;

/** An error answer: the English words (older pages, logs) and, for a page, the code and its parameters. */
export interface BackgroundError {
  error: string;
  errorCode?: BackgroundErrorCode;
  errorParams?: string[];
}

export function isBackgroundErrorCode(value: unknown): value is BackgroundErrorCode {
  return typeof value === 'string' && Object.hasOwn(BACKGROUND_ERRORS, value);
}

/** The error in the translator's language; the English `error` when it has no code this version knows. */
export function renderBackgroundError(answer: BackgroundError, t: Translate): string {
  if (!isBackgroundErrorCode(answer.errorCode)) return answer.error;
  return t(BACKGROUND_ERRORS[answer.errorCode], answer.errorParams ?? []);
}

/** An error answer in both forms, its English worded by `english` (locales/en.yml). */
export function backgroundError(
  english: Translate,
  errorCode: BackgroundErrorCode,
  errorParams: string[] = [],
): Required<BackgroundError> {
  return { error: english(BACKGROUND_ERRORS[errorCode], errorParams), errorCode, errorParams };
}
