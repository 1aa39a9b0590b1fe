import { normalizeEndpoint } from '../recover/soft-binding-client.ts';
import { normalizeSite } from '../settings/settings.ts';

/**
 * Versioned migrations of the stored settings. Each step is a small pure function from one stored shape to
 * the next, frozen once released (a later change of a default never rewrites an old step). Fields a step
 * does not know are passed on; the schema (settings-schema.ts) then checks every field and falls back to its
 * default field by field.
 *
 * v1: the first release (no `version`): `remoteManifests` fetched a remote manifest from any host.
 * v2: (no `version` either) `remoteManifests` means the image's own host, `remoteManifestsAnyHost` is opt-in;
 *     `mediaAutoCheckMb` and `softBindingEndpoints` added.
 * v3: a `version` field; disabled sites and Soft Binding endpoints hold normalised values only.
 *
 * Not WXT's `storage.defineItem({ version, migrations })`: it counts any value without its metadata as
 * version 1, so it would run v1 → v2 over a v2 store and switch off what a v2 user opted into. The two
 * unversioned shapes are told apart here by their fields, and the migration runs on every read, in every
 * context (content script, worker, pages), with no write needed.
 */
export const SETTINGS_VERSION = 3;

type Stored = Record<string, unknown>;

/**
 * The stored shape's version: its `version` field, or for the two unversioned shapes, whether a field v2
 * introduced is present.
 */
export function storedSettingsVersion(stored: Stored): number {
  const { version } = stored;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > 0) return version;
  return ['remoteManifestsAnyHost', 'mediaAutoCheckMb', 'softBindingEndpoints'].some((k) =>
    Object.hasOwn(stored, k),
  )
    ? 2
    : 1;
}

/**
 * v1 → v2. A v1 user who left remote manifests on never chose to let every host an image names be asked:
 * that became opt-in (off) when the setting was split, so it starts off here too.
 */
export function migrateSettingsV1ToV2(stored: Stored): Stored {
  return {
    ...stored,
    remoteManifestsAnyHost: false,
    // The v2 defaults, as released (not today's constants).
    mediaAutoCheckMb: 50,
    softBindingEndpoints: [],
  };
}

/** Normalises each string with `normalize`, dropping what it rejects and duplicates; null for a non-list. */
function normalizedList(list: unknown, normalize: (s: string) => string | null | undefined): unknown {
  if (!Array.isArray(list)) return list;
  const out = new Set<string>();
  for (const item of list) {
    const value = typeof item === 'string' ? normalize(item) : undefined;
    if (value) out.add(value);
  }
  return [...out];
}

/**
 * v2 → v3. The options page once kept sites as typed ("https://www.Example.com/x", or text that is no site
 * at all, issue 17): they become hostnames, the rest is dropped. Endpoints likewise.
 */
export function migrateSettingsV2ToV3(stored: Stored): Stored {
  return {
    ...stored,
    version: 3,
    disabledSites: normalizedList(stored.disabledSites, normalizeSite),
    softBindingEndpoints: normalizedList(stored.softBindingEndpoints, normalizeEndpoint),
  };
}

const STEPS: Record<number, (stored: Stored) => Stored> = {
  1: migrateSettingsV1ToV2,
  2: migrateSettingsV2ToV3,
};

/**
 * Brings any stored value to the current shape's version. Not an object: nothing usable, `{}` (all
 * defaults). A version from the future (a downgrade): passed on as it is, and the schema keeps what it can.
 */
export function migrateSettings(stored: unknown): Stored {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  let current = stored as Stored;
  for (let version = storedSettingsVersion(current); version < SETTINGS_VERSION; version++) {
    const step = STEPS[version];
    if (!step) break;
    current = step(current);
  }
  return current;
}
