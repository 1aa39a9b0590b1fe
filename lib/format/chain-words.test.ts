import { describe, expect, it } from 'vitest';
import { localeTranslate } from '../i18n/locale-file.ts';
import { explorerAddressUrl, explorerTxUrl, matchWords, recordKindWords, safeLink } from './chain-words.ts';

const en = await localeTranslate('en');
const TX = `0x${'ab'.repeat(32)}`;

describe('chain words', () => {
  it('words a perceptual match as a lead', () => {
    expect(matchWords({ match: 'perceptual', distance: 6 }, en)).toBe(
      'Perceptual (PDQ, 6 bits apart): looks like a registered image — a lead, not proof',
    );
    expect(matchWords({ match: 'perceptual', distance: 1 }, en)).toMatch(/1 bit apart/);
    expect(matchWords({ match: 'exact' }, en)).toMatch(/^Exact bytes/);
    expect(recordKindWords('pdq', en)).toBe('PDQ perceptual hash');
  });

  it('builds explorer links from http(s) bases only', () => {
    expect(explorerTxUrl('https://basescan.org/', TX)).toBe(`https://basescan.org/tx/${TX}`);
    expect(explorerTxUrl('javascript:alert(1)//', TX)).toBeUndefined();
    expect(explorerTxUrl(undefined, TX)).toBeUndefined();
    expect(explorerTxUrl('https://x.example', '0x12')).toBeUndefined();
    expect(explorerAddressUrl('https://x.example', `0x${'1'.repeat(40)}`)).toBe(
      `https://x.example/address/0x${'1'.repeat(40)}`,
    );
  });

  it('links only http(s) URIs', () => {
    expect(safeLink('https://news.example/a')).toBe('https://news.example/a');
    expect(safeLink('ipfs://bafy')).toBeUndefined();
    expect(safeLink('javascript:alert(1)')).toBeUndefined();
  });
});
