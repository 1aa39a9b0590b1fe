import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/settings.ts';
import { readPageSettings } from './page-settings-schema.ts';
import { SETTINGS_VERSION } from './settings-migrations.ts';
import { readSettings } from './settings-schema.ts';

const chain = { id: 31337, name: 'Devnet', rpcUrl: 'http://127.0.0.1:8545', enabled: true };
const registrant = { address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const, name: 'Demo' };
const defaults = defaultSettings([chain], [registrant]);

describe('readSettings', () => {
  it('returns the defaults, at the current version, for nothing or garbage stored', () => {
    for (const garbage of [undefined, null, 'x', 42, [], { version: 'three' }]) {
      expect(readSettings(garbage, defaults)).toEqual(defaults);
    }
    expect(defaults.version).toBe(SETTINGS_VERSION);
  });

  it('round-trips current settings', () => {
    const mine = {
      ...defaults,
      overlay: false,
      disabledSites: ['a.example'],
      trust: { official: false, interim: true, userAnchors: '-----BEGIN CERTIFICATE-----' },
      crossCheckRpc: { '31337': 'http://127.0.0.1:8546' },
      mediaAutoCheckMb: 0,
    };
    expect(readSettings(JSON.parse(JSON.stringify(mine)), defaults)).toEqual(mine);
  });

  it('falls back field by field, nested objects included', () => {
    const read = readSettings(
      {
        version: SETTINGS_VERSION,
        overlay: 'no',
        showNoProvenance: true,
        disabledSites: ['a.example', 5],
        trust: { official: false, interim: 'yes', userAnchors: 7 },
        crossCheckRpc: { 1: 42 },
        mediaAutoCheckMb: Number.NaN,
        softBindingEndpoints: 'https://r.example',
      },
      defaults,
    );
    expect(read.overlay).toBe(true);
    expect(read.showNoProvenance).toBe(true);
    expect(read.disabledSites).toEqual([]);
    expect(read.trust).toEqual({ official: false, interim: true, userAnchors: '' });
    expect(read.crossCheckRpc).toEqual({});
    expect(read.mediaAutoCheckMb).toBe(50);
    expect(read.softBindingEndpoints).toEqual([]);
    expect(read.chains).toEqual([chain]);
  });

  it('keeps the usable chains and registrants of a list and drops the broken entries', () => {
    const read = readSettings(
      {
        version: SETTINGS_VERSION,
        chains: [
          chain,
          { id: -1, name: 'x', rpcUrl: 'http://a' },
          { ...chain, id: 1, rpcUrl: 'javascript:x' },
        ],
        registrants: [registrant, { address: '0x1234', name: 'short' }, 'nobody'],
      },
      defaults,
    );
    expect(read.chains).toEqual([chain]);
    expect(read.registrants).toEqual([registrant]);
  });

  it('migrates a v1 store and keeps what the user chose', () => {
    const read = readSettings(
      {
        overlay: false,
        remoteManifests: true,
        disabledSites: ['https://News.example/'],
        chains: [],
        registrants: [],
      },
      defaults,
    );
    expect(read.version).toBe(SETTINGS_VERSION);
    expect(read.overlay).toBe(false);
    expect(read.remoteManifestsAnyHost).toBe(false);
    expect(read.disabledSites).toEqual(['news.example']);
    expect(read.chains).toEqual([]);
  });

  it('bounds what it reads: an oversized list falls back to the default', () => {
    const huge = Array.from({ length: 20_000 }, (_, i) => `s${i}.example`);
    expect(readSettings({ version: SETTINGS_VERSION, disabledSites: huge }, defaults).disabledSites).toEqual(
      [],
    );
    const proto = JSON.parse('{"version": 3, "__proto__": {"overlay": false}, "constructor": {"x": 1}}');
    expect(readSettings(proto, defaults)).toEqual(defaults);
  });
});

describe('readPageSettings', () => {
  it('reads what a page needs exactly as readSettings does, from any version or garbage', () => {
    const stores: unknown[] = [
      undefined,
      'x',
      { ...defaults, overlay: false, showNoProvenance: true, disabledSites: ['a.example'] },
      { version: 1, overlay: false, disabledSites: ['https://News.example/'], chains: [], registrants: [] },
      { ...defaults, overlay: 'yes', disabledSites: 'a.example' },
    ];
    for (const stored of stores) {
      const full = readSettings(stored, defaults);
      expect(readPageSettings(stored, defaults)).toEqual({
        overlay: full.overlay,
        showNoProvenance: full.showNoProvenance,
        disabledSites: full.disabledSites,
      });
    }
  });

  it('leaves the chains and registrants alone: a broken registrant list costs the page nothing', () => {
    const stored = { ...defaults, overlay: false, registrants: [{ address: 'not an address' }], chains: 7 };
    expect(readPageSettings(stored, defaults)).toEqual({
      overlay: false,
      showNoProvenance: defaults.showNoProvenance,
      disabledSites: defaults.disabledSites,
    });
  });
});

describe('readSettings over the defaults', () => {
  it('returns the defaults for nothing stored', () => {
    expect(readSettings(undefined, defaults)).toEqual(defaults);
  });

  it('keeps valid stored fields and drops wrongly typed ones', () => {
    const merged = readSettings(
      { overlay: false, disabledSites: 'oops', trust: { interim: false, official: 'yes' } },
      defaults,
    );
    expect(merged.overlay).toBe(false);
    expect(merged.disabledSites).toEqual([]);
    expect(merged.trust).toEqual({ official: true, interim: false, userAnchors: '' });
  });

  it('keeps a valid media size cap and drops a negative or non-numeric one', () => {
    expect(defaults.mediaAutoCheckMb).toBe(50);
    expect(readSettings({ mediaAutoCheckMb: 2 }, defaults).mediaAutoCheckMb).toBe(2);
    expect(readSettings({ mediaAutoCheckMb: -1 }, defaults).mediaAutoCheckMb).toBe(50);
    expect(readSettings({ mediaAutoCheckMb: '9' }, defaults).mediaAutoCheckMb).toBe(50);
  });
});
