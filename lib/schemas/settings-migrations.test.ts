import { describe, expect, it } from 'vitest';
import {
  migrateSettings,
  migrateSettingsV1ToV2,
  migrateSettingsV2ToV3,
  SETTINGS_VERSION,
  storedSettingsVersion,
} from './settings-migrations.ts';

/** What the first release stored (no version; remote manifests from any host). */
const v1 = {
  overlay: false,
  showNoProvenance: true,
  disabledSites: ['example.com'],
  omitCredentials: true,
  remoteManifests: true,
  trust: { official: true, interim: false, userAnchors: '' },
  chains: [],
  registrants: [],
  crossCheckRpc: {},
};

describe('storedSettingsVersion', () => {
  it('tells the unversioned shapes apart by the fields v2 added, and reads the version field after', () => {
    expect(storedSettingsVersion(v1)).toBe(1);
    expect(storedSettingsVersion({ ...v1, mediaAutoCheckMb: 10 })).toBe(2);
    expect(storedSettingsVersion({ softBindingEndpoints: [] })).toBe(2);
    expect(storedSettingsVersion({ ...v1, version: 3 })).toBe(3);
    expect(storedSettingsVersion({ version: 'x', remoteManifestsAnyHost: true })).toBe(2);
    expect(storedSettingsVersion({ version: -4 })).toBe(1);
  });
});

describe('migrateSettingsV1ToV2', () => {
  it('does not carry "any host" over from v1: asking other hosts became opt-in', () => {
    const v2 = migrateSettingsV1ToV2(v1);
    expect(v2.remoteManifests).toBe(true);
    expect(v2.remoteManifestsAnyHost).toBe(false);
    expect(v2.mediaAutoCheckMb).toBe(50);
    expect(v2.softBindingEndpoints).toEqual([]);
    // Everything else the user chose is kept.
    expect(v2.overlay).toBe(false);
    expect(v2.trust).toEqual(v1.trust);
    expect(storedSettingsVersion(v2)).toBe(2);
  });
});

describe('migrateSettingsV2ToV3', () => {
  it('stamps the version and keeps only normalised, distinct sites and endpoints', () => {
    const v3 = migrateSettingsV2ToV3({
      ...v1,
      disabledSites: ['https://www.Example.com/path', 'www.example.com', 'not a site!!', 7, '  '],
      softBindingEndpoints: ['https://r.example/v1/', 'file:///etc/passwd', 'https://u:p@r.example/', null],
      mediaAutoCheckMb: 5,
    });
    expect(v3.version).toBe(3);
    expect(v3.disabledSites).toEqual(['www.example.com']);
    expect(v3.softBindingEndpoints).toEqual(['https://r.example/v1']);
    expect(v3.mediaAutoCheckMb).toBe(5);
  });

  it('leaves a list of the wrong type for the schema to replace', () => {
    expect(migrateSettingsV2ToV3({ disabledSites: 'example.com' }).disabledSites).toBe('example.com');
  });
});

describe('migrateSettings', () => {
  it('brings v1 through every step to the current version', () => {
    const current = migrateSettings({ ...v1, disabledSites: ['HTTPS://Example.com/'] });
    expect(current.version).toBe(SETTINGS_VERSION);
    expect(current.remoteManifestsAnyHost).toBe(false);
    expect(current.disabledSites).toEqual(['example.com']);
  });

  it('leaves current settings as they are', () => {
    const stored = { ...migrateSettings(v1), remoteManifestsAnyHost: true };
    expect(migrateSettings(stored)).toEqual(stored);
  });

  it('gives nothing usable for what is not an object, and never throws', () => {
    for (const garbage of [undefined, null, 3, 'settings', [], [1, 2], true])
      expect(migrateSettings(garbage)).toEqual({});
    expect(migrateSettings({ version: 99, overlay: false })).toEqual({ version: 99, overlay: false });
  });
});
