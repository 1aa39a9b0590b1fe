import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_TRUST_FILES, loadBundledTrustLists } from './bundled-trust.ts';

const readPublic = vi.fn((path: string) =>
  readFile(new URL(`../../public/${path}`, import.meta.url), 'utf8'),
);

describe('loadBundledTrustLists', () => {
  it('every bundled path exists in public/', async () => {
    for (const path of Object.values(BUNDLED_TRUST_FILES))
      await expect(readPublic(path)).resolves.toBeTruthy();
  });

  it('reads only what is enabled', async () => {
    readPublic.mockClear();
    const lists = await loadBundledTrustLists(readPublic, {
      official: true,
      interim: false,
      userAnchors: '  ',
    });
    expect(Object.keys(lists).sort()).toEqual(['official', 'officialTsa']);
    expect(readPublic.mock.calls.map((c) => c[0]).sort()).toEqual(
      [BUNDLED_TRUST_FILES.official, BUNDLED_TRUST_FILES.officialTsa].sort(),
    );
  });

  it('builds the interim triple and keeps the user anchors and tier', async () => {
    const lists = await loadBundledTrustLists(readPublic, {
      official: false,
      interim: true,
      userAnchors: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      userAnchorsTier: 'trusted',
    });
    expect(lists.interim?.anchors).toMatch(/BEGIN CERTIFICATE/);
    expect(lists.interim?.allowed).toMatch(/BEGIN CERTIFICATE/);
    expect(lists.interim?.storeCfg).toMatch(/1\.3\.6\.1\.4\.1\.62558\.2\.1/);
    expect(lists.userAnchors).toMatch(/AAAA/);
    expect(lists.userAnchorsTier).toBe('trusted');
    expect(lists.official).toBeUndefined();
  });

  it('rejects when a file cannot be read', async () => {
    await expect(
      loadBundledTrustLists(() => Promise.reject(new Error('404')), { official: true, interim: true }),
    ).rejects.toThrow('404');
  });
});
