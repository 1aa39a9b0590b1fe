const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * Human-readable byte counts with 1024-based units, as browsers and file managers show file sizes, so the
 * number matches what the user sees elsewhere. One decimal below 10, none above. Numbers and unit names
 * follow `locale` through Intl ("1.3 MB", "1,3 Mo"); "kB" is written "KB" as browsers' download lists do.
 */
export function formatBytes(bytes: number, locale = 'en'): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes < 1024) {
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'byte',
      unitDisplay: 'long',
      useGrouping: false,
    }).format(Math.round(bytes));
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
    .format(value)
    .replace(/\bkB\b/, 'KB');
}
