import { describe, expect, it } from 'vitest';
import { formatAbsoluteTime, formatRelativeTime, fromUnixSeconds, isoOrEmpty, toDate } from './time.ts';

const NOW = Date.UTC(2025, 2, 12, 14, 5, 0);

describe('absolute time', () => {
  it('formats ISO strings, milliseconds and dates the same way', () => {
    const opts = { locale: 'en-GB', timeZone: 'UTC' };
    expect(formatAbsoluteTime('2025-03-12T14:05:00Z', opts)).toBe('12 Mar 2025, 14:05 UTC');
    expect(formatAbsoluteTime(NOW, opts)).toBe('12 Mar 2025, 14:05 UTC');
    expect(formatAbsoluteTime(fromUnixSeconds(NOW / 1000), opts)).toBe('12 Mar 2025, 14:05 UTC');
  });

  it('shows an unparseable value as written rather than "Invalid Date"', () => {
    expect(formatAbsoluteTime('sometime in 2023')).toBe('sometime in 2023');
    expect(toDate('nope')).toBeNull();
    expect(isoOrEmpty('nope')).toBe('');
  });
});

describe('relative time', () => {
  it('says just now within 45 seconds', () => {
    expect(formatRelativeTime(NOW - 30_000, NOW)).toBe('just now');
  });

  it('picks the largest unit', () => {
    expect(formatRelativeTime(NOW - 5 * 60_000, NOW)).toBe('5 minutes ago');
    expect(formatRelativeTime(NOW - 3 * 3_600_000, NOW)).toBe('3 hours ago');
    expect(formatRelativeTime(NOW - 24 * 3_600_000, NOW)).toBe('yesterday');
    expect(formatRelativeTime(NOW + 2 * 24 * 3_600_000, NOW)).toBe('in 2 days');
    expect(formatRelativeTime(NOW - 400 * 24 * 3_600_000, NOW)).toBe('last year');
  });
});

describe('toDate', () => {
  it('accepts ISO 8601 forms C2PA writes', () => {
    expect(toDate('2024-06-05T10:11:12.345Z')?.toISOString()).toBe('2024-06-05T10:11:12.345Z');
    expect(toDate('2024-06-05T10:11:12+02:00')?.toISOString()).toBe('2024-06-05T08:11:12.000Z');
    expect(toDate('2024-06-05')?.toISOString()).toBe('2024-06-05T00:00:00.000Z');
  });
});

describe('formatRelativeTime in another language', () => {
  it('says "now" and "3 minutes ago" in French', () => {
    const now = Date.UTC(2025, 2, 12, 14, 5, 0);
    expect(formatRelativeTime(now - 10_000, now, 'fr')).toBe('maintenant');
    expect(formatRelativeTime(now - 3 * 60_000, now, 'fr')).toBe('il y a 3 minutes');
  });
});
