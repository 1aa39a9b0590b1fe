/**
 * Time formatting. Evidence carries times in three forms: ISO strings (C2PA), Unix seconds (chain records)
 * and milliseconds (checkedAt). Everything goes through toDate first so an unparseable value is shown as
 * it was written instead of as "Invalid Date".
 */

export type TimeInput = string | number | Date;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Parses an ISO string, a millisecond count or a Date. Returns null for anything unparseable. */
export function toDate(input: TimeInput): Date | null {
  // Strings must be ISO 8601 (what C2PA writes): V8's Date parser would otherwise turn "sometime in 2023"
  // into 1 January 2023 and show a precise-looking time nobody wrote.
  if (typeof input === 'string' && !ISO_DATE.test(input.trim())) return null;
  const date = input instanceof Date ? input : new Date(typeof input === 'string' ? input.trim() : input);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Chain records store Unix seconds. */
export function fromUnixSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}

/**
 * "12 Mar 2025, 14:05 UTC"-style absolute time. The zone is always shown: a fact-checker compares times
 * across sources. `timeZone` is there so tests are deterministic; pages leave it out and get the user's
 * zone. The day-month-year order avoids the 03/04 ambiguity. Falls back to the raw input when unparseable.
 */
export function formatAbsoluteTime(
  input: TimeInput,
  options: { locale?: string; timeZone?: string } = {},
): string {
  const date = toDate(input);
  if (!date) return String(input);
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: options.timeZone,
    timeZoneName: 'short',
  }).format(date);
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "in 2 days", "just now". Coarse on purpose: it sits beside the absolute time. */
export function formatRelativeTime(input: TimeInput, now: number = Date.now(), locale = 'en'): string {
  const date = toDate(input);
  if (!date) return String(input);
  const seconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  // Intl's own word for now ("maintenant") in other languages; English keeps "just now".
  if (abs < 45) return locale.startsWith('en') ? 'just now' : format.format(0, 'second');
  for (const [unit, size] of STEPS) {
    if (abs >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60), 'minute');
}

/** Machine-readable form for <time dateTime>. Empty when unparseable (the attribute is then useless). */
export function isoOrEmpty(input: TimeInput): string {
  return toDate(input)?.toISOString() ?? '';
}
