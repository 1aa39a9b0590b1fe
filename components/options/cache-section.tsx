import { useState } from 'react';
import type { SendToBackground } from '../../lib/messages/protocol.ts';
import { t, uiLanguage } from '../common/i18n.ts';
import { OptionsSection } from './options-section.tsx';

export function CacheSection({ sendToBackground }: { sendToBackground: SendToBackground }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const clear = () => {
    setBusy(true);
    setResult(null);
    sendToBackground({ type: 'clear-cache' })
      .then(
        (answer) => {
          const cleared = typeof answer?.cleared === 'number' ? answer.cleared : null;
          setResult(
            cleared === null
              ? { ok: false, text: t('options.cache.notConfirmed') }
              : {
                  ok: true,
                  text:
                    cleared === 1
                      ? t('options.cache.clearedOne')
                      : t('options.cache.cleared', [cleared.toLocaleString(uiLanguage())]),
                },
          );
        },
        (error: unknown) =>
          setResult({
            ok: false,
            text: t('options.cache.failed', [error instanceof Error ? error.message : String(error)]),
          }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <OptionsSection id="cache" title={t('options.cache.title')} description={t('options.cache.help')}>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn" onClick={clear} disabled={busy}>
          {t('options.cache.clear')}
        </button>
        <span
          aria-live="polite"
          className={`text-sm ${result?.ok === false ? 'text-red-700 dark:text-red-300' : ''}`}
        >
          {result?.text}
        </span>
      </div>
    </OptionsSection>
  );
}
