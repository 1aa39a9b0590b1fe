import { describe, expect, it } from 'vitest';
import { normalizeSite } from './settings.ts';
import { isValidHostname } from './valid-hostname.ts';

describe('isValidHostname', () => {
  it('accepts real hostnames, IP addresses and punycode', () => {
    for (const host of [
      'example.com',
      'news.example.co.uk',
      'localhost',
      '127.0.0.1',
      '[::1]',
      'xn--bcher-kva.de',
      'a-b.example',
      '_dmarc.example.com',
    ])
      expect(isValidHostname(host), host).toBe(true);
  });

  it('rejects what no site is called', () => {
    for (const host of [
      '',
      'not a site!!',
      'not%20a%20site!!',
      'notasite!!',
      '-x.com',
      'x-.com',
      'a..b',
      'a'.repeat(64),
      `${'a.'.repeat(127)}a`,
    ])
      expect(isValidHostname(host), host).toBe(false);
  });
});

describe('normalizeSite', () => {
  it('rejects "not a site!!" and keeps real sites', () => {
    expect(normalizeSite('not a site!!')).toBeNull();
    expect(normalizeSite('notasite!!')).toBeNull();
    expect(normalizeSite('https://Bücher.de/x')).toBe('xn--bcher-kva.de');
  });
});
