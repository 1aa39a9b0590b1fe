import { describe, expect, it } from 'vitest';
import { readSettings } from '../schemas/settings-schema.ts';
import { defaultSettings, isSiteDisabled, normalizeSite } from './settings.ts';

const defaults = defaultSettings([], []);

describe('defaultSettings', () => {
  it('has privacy-preserving defaults', () => {
    expect(defaults.omitCredentials).toBe(true);
    expect(defaults.showNoProvenance).toBe(false);
    // A host other than the image's own is asked for a remote manifest only when the user allows it.
    expect(defaults.remoteManifestsAnyHost).toBe(false);
    expect(readSettings({ remoteManifestsAnyHost: 'yes' }, defaults).remoteManifestsAnyHost).toBe(false);
  });
});

describe('sites', () => {
  it('normalises what a user types', () => {
    expect(normalizeSite(' https://www.Example.com/path ')).toBe('www.example.com');
    expect(normalizeSite('example.org')).toBe('example.org');
    expect(normalizeSite('   ')).toBeNull();
  });

  it('matches a site and its subdomains only', () => {
    const s = { disabledSites: ['example.com'] };
    expect(isSiteDisabled('https://example.com/a', s)).toBe(true);
    expect(isSiteDisabled('https://news.example.com/a', s)).toBe(true);
    expect(isSiteDisabled('https://notexample.com/a', s)).toBe(false);
    expect(isSiteDisabled('not a url', s)).toBe(false);
  });
});
