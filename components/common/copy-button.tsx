import { useEffect, useRef, useState } from 'react';
import { t } from './i18n.ts';
import type { CopyText } from './page-api.ts';

type Phase = 'idle' | 'copied' | 'failed';

/** A copy button with "Copied" feedback, announced to screen readers through a live region. */
export function CopyButton({
  value,
  copy,
  label = t('detailsPage.copy'),
  describedAs,
  className = 'btn-ghost shrink-0 text-xs',
}: {
  value: string;
  copy: CopyText;
  label?: string;
  /** What is copied, for the accessible name: "Copy SHA-256". */
  describedAs?: string;
  className?: string;
}) {
  const [phase, setPhase] = useState<Phase>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = () => {
    copy(value).then(
      () => setPhase('copied'),
      () => setPhase('failed'),
    );
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setPhase('idle'), 1600);
  };

  const text =
    phase === 'copied' ? t('detailsPage.copied') : phase === 'failed' ? t('detailsPage.copyFailed') : label;
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={describedAs ? `${label} ${describedAs}` : undefined}
      className={className}
    >
      <span aria-live="polite">{text}</span>
    </button>
  );
}
