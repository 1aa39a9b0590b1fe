import { formatAbsoluteTime, formatRelativeTime, isoOrEmpty, type TimeInput } from '../../lib/format/time.ts';

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
  if (!iso) return <span>{String(value)}</span>;
  return (
    <span>
      <time dateTime={iso}>{formatAbsoluteTime(value)}</time>
      {relative && <span className="muted"> · {formatRelativeTime(value, now)}</span>}
    </span>
  );
}
