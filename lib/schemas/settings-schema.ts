import * as v from 'valibot';
import { parseChainConfigs } from '../chain/chains.ts';
import { parseRegistrants } from '../chain/registrants.ts';
import type { Settings } from '../settings/settings.ts';
import { fieldByField } from './field-by-field.ts';
import { MAX_LIST, PAGE_SETTINGS_ENTRIES, StringList } from './page-settings-schema.ts';
import type { SameType } from './same-type.ts';
import { migrateSettings, SETTINGS_VERSION } from './settings-migrations.ts';

const MAX_TEXT = 1024 * 1024;

/** The current stored shape of `Settings` (version SETTINGS_VERSION). */
export const SettingsSchema = v.object({
  version: v.literal(SETTINGS_VERSION),
  ...PAGE_SETTINGS_ENTRIES,
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

/**
 * Stored settings of any version (or garbage) → the current `Settings`: migrated step by step, then checked
 * field by field against the schema, with the defaults for whatever is missing or wrong. Never throws.
 */
export function readSettings(stored: unknown, defaults: Settings): Settings {
  return fieldByField(SettingsSchema.entries, migrateSettings(stored), defaults);
}

export const settingsTypesMatch: SameType<v.InferOutput<typeof SettingsSchema>, Settings> = true;
