import { describe, expect, it } from 'vitest';
import { defaultSettings, isSiteDisabled, mergeSettings, normalizeSite } from './settings.ts';

const defaults = defaultSettings([], []);

describe('mergeSettings', () => {
  it('returns the defaults for nothing stored', () => {
    expect(mergeSettings(undefined, defaults)).toEqual(defaults);
  });

  it('keeps valid stored fields and drops wrongly typed ones', () => {
    const merged = mergeSettings(
      { overlay: false, disabledSites: 'oops', trust: { interim: false, official: 'yes' } },
      defaults,
    );
    expect(merged.overlay).toBe(false);
    expect(merged.disabledSites).toEqual([]);
    expect(merged.trust).toEqual({ official: true, interim: false, userAnchors: '' });
  });

  it('keeps a valid media size cap and drops a negative or non-numeric one', () => {
    expect(defaults.mediaAutoCheckMb).toBe(50);
    expect(mergeSettings({ mediaAutoCheckMb: 2 }, defaults).mediaAutoCheckMb).toBe(2);
    expect(mergeSettings({ mediaAutoCheckMb: -1 }, defaults).mediaAutoCheckMb).toBe(50);
    expect(mergeSettings({ mediaAutoCheckMb: '9' }, defaults).mediaAutoCheckMb).toBe(50);
  });

  it('has privacy-preserving defaults', () => {
    expect(defaults.omitCredentials).toBe(true);
    expect(defaults.showNoProvenance).toBe(false);
    // A host other than the image's own is asked for a remote manifest only when the user allows it.
    expect(defaults.remoteManifestsAnyHost).toBe(false);
    expect(mergeSettings({ remoteManifestsAnyHost: 'yes' }, defaults).remoteManifestsAnyHost).toBe(false);
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
