import { t } from '../common/i18n.ts';
import type { SaveStatus } from '../common/use-settings.ts';

/** The small "Saved" indicator; polite so screen readers hear it without being interrupted. */
export function SaveStatusText({ status, error }: { status: SaveStatus; error: string | null }) {
  const text =
    status === 'saving'
      ? t('options.save.saving')
      : status === 'saved'
        ? t('options.save.saved')
        : status === 'error'
          ? t('options.save.error', [error ?? t('options.save.unknownError')])
          : '';
  return (
    <span
      aria-live="polite"
      className={`text-sm ${status === 'error' ? 'text-red-700 dark:text-red-300' : 'muted'}`}
    >
      {status === 'saved' && <span aria-hidden="true">✓ </span>}
      {text}
    </span>
  );
}
