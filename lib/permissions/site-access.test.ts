import { describe, expect, it } from 'vitest';
import { siteAccessPattern, unavailableReason } from './site-access.ts';

describe('siteAccessPattern', () => {
  it("asks for the page's origin when the URL is known, every site otherwise", () => {
    expect(siteAccessPattern('https://news.example.com:8443/a?b#c')).toBe('https://news.example.com/*');
    expect(siteAccessPattern('http://127.0.0.1:5000/')).toBe('http://127.0.0.1/*');
    expect(siteAccessPattern(undefined)).toBe('<all_urls>');
    expect(siteAccessPattern('about:addons')).toBe('<all_urls>');
  });
});

describe('unavailableReason', () => {
  it('a web page without site access: withheld, whether the URL is known or not', () => {
    expect(unavailableReason('https://example.com/', false)).toBe('withheld');
    expect(unavailableReason(undefined, false)).toBe('withheld');
  });

  it('a web page with access but no content script: not running yet', () => {
    expect(unavailableReason('https://example.com/', true)).toBe('not-running');
    expect(unavailableReason('https://example.com/', undefined)).toBe('not-running');
  });

  it('browser pages stay browser pages, access or not', () => {
    expect(unavailableReason('about:addons', false)).toBe('browser-page');
    expect(unavailableReason('chrome://extensions/', true)).toBe('browser-page');
    expect(unavailableReason(undefined, true)).toBe('browser-page');
  });
});
