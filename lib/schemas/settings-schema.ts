import * as v from 'valibot';
import { parseChainConfigs } from '../chain/chains.ts';
import { parseRegistrants } from '../chain/registrants.ts';
import type { Settings } from '../settings/settings.ts';
import type { SameType } from './same-type.ts';
import { migrateSettings, SETTINGS_VERSION } from './settings-migrations.ts';

/** Bounds on what storage may hand back: a hand edit or a bug must not make every page parse megabytes. */
const MAX_LIST = 10_000;
const MAX_TEXT = 1024 * 1024;
const MAX_HOST = 253;

const StringList = (maxLength: number) =>
  v.pipe(v.array(v.pipe(v.string(), v.maxLength(maxLength))), v.maxLength(MAX_LIST));

/** The current stored shape of `Settings` (version SETTINGS_VERSION). */
export const SettingsSchema = v.object({
  version: v.literal(SETTINGS_VERSION),
  overlay: v.boolean(),
  showNoProvenance: v.boolean(),
  disabledSites: StringList(MAX_HOST),
  omitCredentials: v.boolean(),
  remoteManifests: v.boolean(),
  remoteManifestsAnyHost: v.boolean(),
  trust: v.object({
    official: v.boolean(),
    interim: v.boolean(),
    userAnchors: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  }),
  // Each entry is checked by the parser the chain and registrant code already has; unusable entries are dropped.
  chains: v.pipe(
    v.array(v.unknown()),
    v.maxLength(MAX_LIST),
    v.transform((list: unknown[]) => parseChainConfigs(list)),
  ),
  registrants: v.pipe(
    v.array(v.unknown()),
    v.maxLength(MAX_LIST),
    v.transform((list: unknown[]) => parseRegistrants(list)),
  ),
  crossCheckRpc: v.record(v.string(), v.pipe(v.string(), v.maxLength(8192))),
  mediaAutoCheckMb: v.pipe(v.number(), v.finite(), v.minValue(0)),
  softBindingEndpoints: StringList(8192),
});

type Entries = v.ObjectEntries;

/**
 * Reads each field of `stored` with its schema, taking the default's value for any field that fails, and
 * going into nested objects the same way: one bad field never costs the user the others.
 */
function fieldByField<T>(entries: Entries, stored: Record<string, unknown>, defaults: T): T {
  const out: Record<string, unknown> = {};
  const fallback = defaults as Record<string, unknown>;
  for (const [key, schema] of Object.entries(entries)) {
    const value = Object.hasOwn(stored, key) ? stored[key] : undefined;
    if (schema.type === 'object' && 'entries' in schema) {
      const nested = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
      out[key] = fieldByField(schema.entries as Entries, nested, fallback[key]);
      continue;
    }
    // A missing field takes its default without a parse: a failed parse builds an issue, and the first one a
    // page builds costs valibot ~10 ms of the page's main thread (bench:page --profile, article).
    if (value === undefined) {
      out[key] = fallback[key];
      continue;
    }
    const parsed = v.safeParse(schema, value, { abortEarly: true });
    out[key] = parsed.success ? parsed.output : fallback[key];
  }
  return out as T;
}

/**
 * Stored settings of any version (or garbage) → the current `Settings`: migrated step by step, then checked
 * field by field against the schema, with the defaults for whatever is missing or wrong. Never throws.
 */
export function readSettings(stored: unknown, defaults: Settings): Settings {
  return fieldByField(SettingsSchema.entries, migrateSettings(stored), defaults);
}

/** What a page's content script reads of the settings. */
export type PageSettings = Pick<Settings, 'overlay' | 'showNoProvenance' | 'disabledSites'>;

const PageSettingsEntries = {
  overlay: SettingsSchema.entries.overlay,
  showNoProvenance: SettingsSchema.entries.showNoProvenance,
  disabledSites: SettingsSchema.entries.disabledSites,
};

/**
 * `readSettings` for the fields a page needs, and only those: every page load reads the settings, and checking
 * the chains and registrants too (checksummed addresses, a Keccak hash each) was 20 ms of the page's main
 * thread in issue 14's profile of the article.
 */
export function readPageSettings(stored: unknown, defaults: PageSettings): PageSettings {
  return fieldByField(PageSettingsEntries, migrateSettings(stored), defaults);
}

export const settingsTypesMatch: SameType<v.InferOutput<typeof SettingsSchema>, Settings> = true;
