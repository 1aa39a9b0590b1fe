import { formatAbsoluteTime, formatRelativeTime, isoOrEmpty, type TimeInput } from '../../lib/format/time.ts';
import { uiLanguage } from '../common/i18n.ts';

/** An absolute time with the relative one beside it ("12 Mar 2025, 14:05 UTC · 3 days ago"). */
export function TimeText({
  value,
  now = Date.now(),
  relative = true,
}: {
  value: TimeInput;
  now?: number;
  relative?: boolean;
}) {
  const iso = isoOrEmpty(value);
  // English keeps the day-month-year form (lib/format/time.ts); other languages get their own.
  const lang = uiLanguage();
  const locale = lang.startsWith('en') ? undefined : lang;
  if (!iso) return <span>{String(value)}</span>;
  return (
    <span>
      <time dateTime={iso}>{formatAbsoluteTime(value, locale ? { locale } : {})}</time>
      {relative && <span className="muted"> · {formatRelativeTime(value, now, locale)}</span>}
    </span>
  );
}
