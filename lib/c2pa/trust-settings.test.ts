import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { C2PA_WASM_VERSION } from './engine.ts';
import {
  allowListDigests,
  buildEngineSettings,
  engineSettings,
  SETTINGS_SCHEMA,
  sanitizePemBundle,
  TRUST_URI,
  type TrustLists,
  trustListForUri,
  trustListsVersion,
  trustTierForUri,
} from './trust-settings.ts';

const pub = (name: string) => readFileSync(new URL(`../../public/trust/${name}`, import.meta.url), 'utf8');
const fix = (name: string) =>
  readFileSync(new URL(`../../fixtures/c2pa/trust/${name}`, import.meta.url), 'utf8');

const LISTS: TrustLists = {
  official: pub('c2pa-official-trust-list.pem'),
  officialTsa: pub('c2pa-official-tsa-trust-list.pem'),
  interim: {
    anchors: pub('cai-interim-anchors.pem'),
    allowed: pub('cai-interim-allowed.pem'),
    storeCfg: pub('cai-interim-store.cfg'),
  },
};

interface Anchor {
  trust_anchors: string;
  trust_uri: string;
  trust_kind: string;
  allowed_list?: string;
  trust_config?: string;
}
const anchorsOf = (s: Record<string, unknown>) => (s.trust as { anchors: Anchor[] }).anchors;
const count = (pem: string) => (pem.match(/BEGIN CERTIFICATE/g) ?? []).length;

describe('bundled trust lists', () => {
  it('public/trust holds byte-identical copies of the shared lists, and never the c2pa-rs test root', () => {
    for (const name of [
      'c2pa-official-trust-list.pem',
      'c2pa-official-tsa-trust-list.pem',
      'cai-interim-anchors.pem',
      'cai-interim-allowed.pem',
      'cai-interim-store.cfg',
    ]) {
      expect(pub(name), name).toBe(fix(name));
    }
    expect(() => pub('c2pa-rs-test-root-bundle.pem')).toThrow();
    expect(pub('SOURCES.md')).toMatch(/CC BY 4\.0/);
  });
});

describe('engineSettings', () => {
  it('never lets the engine use the network while reading', () => {
    const s = engineSettings(LISTS);
    expect(s.verify).toMatchObject({ remote_manifest_fetch: false, ocsp_fetch: false, verify_trust: true });
    expect(s.core).toEqual({ allowed_network_hosts: [], allow_redirects: false });
  });

  it('puts each enabled list under its own trust_uri (one read tells official, interim and user apart)', () => {
    const anchors = anchorsOf(engineSettings({ ...LISTS, userAnchors: fix('c2pa-rs-test-root-bundle.pem') }));
    expect(anchors.map((a) => [a.trust_uri, a.trust_kind])).toEqual([
      [TRUST_URI.official, 'manifest'],
      [TRUST_URI.officialTsa, 'tsa'],
      [TRUST_URI.interim, 'manifest'],
      // The interim anchors again, for timestamps only (c2pa-rs 0.92 checks timestamps against TSA lists).
      [TRUST_URI.interimTsa, 'tsa'],
      [TRUST_URI.user, 'manifest'],
    ]);
    // Counts from fixtures/c2pa/SOURCES.md and the files: 30 official CAs, 22 TSA roots, 18 + 86 interim.
    expect(anchors.map((a) => count(a.trust_anchors))).toEqual([30, 22, 18, 18, 8]);
    // The allow list goes as one digest per certificate (allowListDigests), not as 181 KB of PEM.
    expect(count(anchors[2]?.allowed_list ?? '')).toBe(0);
    expect(anchors[2]?.allowed_list?.trim().split('\n')).toHaveLength(86);
    expect(anchors[2]?.allowed_list).toBe(allowListDigests(LISTS.interim?.allowed));
    expect(anchors[2]?.trust_config?.trim().split('\n')).toContain('1.3.6.1.4.1.62558.2.1');
  });

  it('leaves out what is not enabled', () => {
    expect(anchorsOf(engineSettings({}))).toEqual([]);
    expect(anchorsOf(engineSettings({ official: LISTS.official })).map((a) => a.trust_uri)).toEqual([
      TRUST_URI.official,
    ]);
    // A user paste with no certificate in it adds nothing (instead of breaking every read).
    expect(anchorsOf(engineSettings({ userAnchors: 'hello' }))).toEqual([]);
  });

  it('allows exactly one origin, only for a controlled remote-manifest read', () => {
    const s = engineSettings(LISTS, { remoteManifestOrigin: 'https://cai-manifests.adobe.com' });
    expect(s.verify).toMatchObject({ remote_manifest_fetch: true });
    expect(s.core).toEqual({
      allowed_network_hosts: ['https://cai-manifests.adobe.com'],
      allow_redirects: false,
    });
  });

  it('caches the JSON per lists object', () => {
    const a = buildEngineSettings(LISTS);
    expect(buildEngineSettings(LISTS)).toBe(a);
    expect(JSON.parse(a)).toEqual(engineSettings(LISTS));
  });
});

describe('sanitizePemBundle', () => {
  const cert =
    fix('c2pa-rs-test-root-bundle.pem').match(
      /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/,
    )?.[0] ?? '';

  it('keeps certificate blocks only, normalised', () => {
    const messy = `# comment\r\nSubject\tCN=x\r\n${cert.replace(/\n/g, '\r\n')}\r\ntrailing words`;
    const clean = sanitizePemBundle(messy);
    expect(count(clean)).toBe(1);
    expect(clean).not.toMatch(/comment|Subject|trailing|\r/);
    expect(sanitizePemBundle(clean)).toBe(clean);
  });

  it('drops a damaged block instead of handing the engine a list it refuses', () => {
    const damaged = '-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----';
    expect(count(sanitizePemBundle(`${damaged}\n${cert}`))).toBe(1);
    expect(sanitizePemBundle(damaged)).toBe('');
  });

  it('keeps certificate digests in an allow list when asked', () => {
    const digest = 'q1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1v=';
    expect(sanitizePemBundle(`${cert}\n${digest}\n`, true)).toContain(digest);
    expect(sanitizePemBundle(`${cert}\n${digest}\n`)).not.toContain(digest);
  });
});

describe('allowListDigests', () => {
  const pem = fix('c2pa-rs-test-allowed-list.pem');
  const lines = (text: string) => text.trim().split('\n');

  it('gives one base64 SHA-256 per certificate, each once, and keeps digest lines already there', () => {
    const digests = lines(allowListDigests(pem));
    expect(digests).toHaveLength(count(pem));
    for (const d of digests) expect(d).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const extra = 'q1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1v=';
    expect(lines(allowListDigests(`${pem}\n${pem}\n${extra}\n# a comment\n`))).toEqual([...digests, extra]);
  });

  it('drops damaged blocks and text that is neither, and gives nothing for nothing', () => {
    const damaged = '-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----';
    expect(allowListDigests(`${damaged}\nhello\n`)).toBe('');
    expect(allowListDigests(undefined)).toBe('');
  });
});

describe('trustTierForUri', () => {
  it('maps the official list to trusted, interim to known, user anchors to known by default', () => {
    expect(trustTierForUri(TRUST_URI.official, {})).toBe('trusted');
    expect(trustTierForUri(TRUST_URI.interim, {})).toBe('known');
    expect(trustTierForUri(TRUST_URI.user, {})).toBe('known');
    expect(trustTierForUri(TRUST_URI.user, { userAnchorsTier: 'trusted' })).toBe('trusted');
  });

  it('never guesses upward for an unknown list or no match', () => {
    expect(trustTierForUri(undefined, {})).toBe('untrusted');
    expect(trustTierForUri('system_anchors', {})).toBe('untrusted');
    expect(trustTierForUri(TRUST_URI.officialTsa, {})).toBe('untrusted');
    // The interim anchors registered for timestamps never make a signer known, even if the engine names them.
    expect(trustTierForUri(TRUST_URI.interimTsa, {}, true)).toBe('untrusted');
  });

  it('puts an allow-listed certificate (trusted, no list named) on the CAI list, and only when it is on', () => {
    const interim = { anchors: '', allowed: 'x', storeCfg: '' };
    expect(trustListForUri('', { interim }, true)).toBe('cai-legacy');
    expect(trustListForUri(undefined, { interim }, true)).toBe('cai-legacy');
    expect(trustTierForUri('', { interim }, true)).toBe('known');
    // Not trusted by the engine, or no allow list enabled: nothing to raise.
    expect(trustListForUri('', { interim }, false)).toBeNull();
    expect(trustListForUri('', {}, true)).toBeNull();
  });
});

describe('trustListsVersion', () => {
  it('names the engine and changes when the enabled lists change', async () => {
    const v = await trustListsVersion(LISTS);
    expect(v).toMatch(
      new RegExp(`^c2pa-wasm@${C2PA_WASM_VERSION.replace(/\./g, '\\.')}/s${SETTINGS_SCHEMA}/[0-9a-f]{16}$`),
    );
    expect(await trustListsVersion({ ...LISTS })).toBe(v);
    expect(await trustListsVersion({ official: LISTS.official })).not.toBe(v);
    expect(await trustListsVersion({ ...LISTS, userAnchors: fix('c2pa-rs-test-root-bundle.pem') })).not.toBe(
      v,
    );
    expect(await trustListsVersion({ ...LISTS, userAnchorsTier: 'trusted' })).not.toBe(v);
  });

  it('ignores comments and line endings (same certificates, same version)', async () => {
    const official = LISTS.official ?? '';
    expect(
      await trustListsVersion({ ...LISTS, official: `# refreshed\n${official.replace(/\n/g, '\r\n')}` }),
    ).toBe(await trustListsVersion(LISTS));
  });
});
