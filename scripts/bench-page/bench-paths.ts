import { resolve } from 'node:path';

/** Everything the page bench generates lives in the gitignored .bench/ folder at the repo root. */
export const ROOT = resolve(import.meta.dirname, '../..');
export const BENCH_DIR = resolve(ROOT, '.bench');
/** Served at the static server's root: the three pages and their images. */
export const SITE_DIR = resolve(BENCH_DIR, 'site');
/** Registration inputs for the devnet seed (text files hold the registered paragraphs). */
export const SEED_DIR = resolve(BENCH_DIR, 'seed');
export const SEED_FILE = resolve(SEED_DIR, 'seed.json');
/** A snapshot of the built extension, so that a rebuild by someone else mid-run cannot swap files under us. */
export const EXTENSION_DIR = resolve(BENCH_DIR, 'extension');
export const PROFILE_DIR = resolve(BENCH_DIR, 'profiles');
/** The unminified build that `--profile` uses (scripts/bench-page/wxt-profile.config.ts), for readable profiles. */
export const PROFILE_BUILD_DIR = resolve(BENCH_DIR, 'build-unminified/chrome-mv3');
