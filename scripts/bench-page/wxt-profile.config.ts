/**
 * Build config for `bench:page --profile` only: the production config, unminified, into .bench/, so that CPU
 * profiles name real functions (pdqFromRgb, not Hv). The measured runs always use the normal build.
 */
import { defineConfig } from 'wxt';
import base from '../../wxt.config.ts';

export default defineConfig({
  ...base,
  outDir: '.bench/build-unminified',
  vite: (env) => {
    const own = typeof base.vite === 'function' ? base.vite(env) : {};
    return { ...own, build: { ...(own as { build?: object }).build, minify: false } };
  },
});
