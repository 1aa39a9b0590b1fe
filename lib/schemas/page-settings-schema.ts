import * as v from 'valibot';
import type { Settings } from '../settings/settings.ts';
import { type Entries, fieldByField } from './field-by-field.ts';
import { migrateSettings } from './settings-migrations.ts';

/**
 * The settings a page's content script reads, in a module of their own: the full schema checks chains and
 * registrants with viem (checksummed addresses, Keccak), which a page never needs and which was a fifth of the
 * content script's bundle and its module start-up on every page (issue 14).
 */

/** Bounds on what storage may hand back: a hand edit or a bug must not make every page parse megabytes. */
export const MAX_LIST = 10_000;
const MAX_HOST = 253;

export const StringList = (maxLength: number) =>
  v.pipe(v.array(v.pipe(v.string(), v.maxLength(maxLength))), v.maxLength(MAX_LIST));

/** What a page's content script reads of the settings. */
export type PageSettings = Pick<Settings, 'overlay' | 'showNoProvenance' | 'disabledSites'>;

/** The page's fields of the settings schema (lib/schemas/settings-schema.ts spreads them into the whole). */
export const PAGE_SETTINGS_ENTRIES = {
  overlay: v.boolean(),
  showNoProvenance: v.boolean(),
  disabledSites: StringList(MAX_HOST),
} satisfies Entries;

/**
 * `readSettings` for the fields a page needs, and only those: every page load reads the settings, and checking
 * the chains and registrants too (checksummed addresses, a Keccak hash each) was 20 ms of the page's main
 * thread in issue 14's profile of the article.
 */
export function readPageSettings(stored: unknown, defaults: PageSettings): PageSettings {
  return fieldByField(PAGE_SETTINGS_ENTRIES, migrateSettings(stored), defaults);
}
