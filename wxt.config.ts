import { createRequire } from 'node:module';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);

// https://wxt.dev/api/config.html
export default defineConfig({
  // @wxt-dev/i18n turns locales/*.yml into _locales/*/messages.json and typed keys (lib/i18n/).
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // `npm run zip`: the two store packages, and for AMO (whose reviewers rebuild bundled code) the sources needed to
  // build the Firefox one, with store/AMO-SOURCE-README.md saying how. Tests, fixtures, the CLI, docs and
  // everything generated stay out; scripts/check-zips.ts rebuilds from the archive and compares.
  // https://wxt.dev/guide/essentials/publishing.html#firefox-addon-store
  zip: {
    excludeSources: [
      'bench-results/**',
      'bin/**',
      'cli/**',
      'demo/**',
      'demo-output/**',
      'dist/**',
      'docs/**',
      'e2e/**',
      'fixtures/**',
      'lib/node/**',
      'lib/testing/**',
      'lib/**/test-*.ts',
      '**/test-data/**',
      'scripts/**',
      'store/screenshots/**',
      'test-results/**',
      '**/*.log',
      'vitest*.config.ts',
    ],
  },
  vite: () => ({
    plugins: [
      tailwindcss(),
      {
        // WXT's content-script context announces itself to the page and can be switched off by it; the content
        // script gets a silent one instead (see lib/page/silent-content-script-context.ts).
        name: 'origin-lens:silent-content-script-context',
        enforce: 'pre',
        resolveId: (source: string) =>
          source === 'wxt/utils/content-script-context'
            ? require.resolve('./lib/page/silent-content-script-context.ts')
            : undefined,
      },
    ],
  }),
  hooks: {
    // The C2PA engine's WASM ships beside the worker (loaded once per worker lifetime, never per image).
    'build:publicAssets': (_, assets) => {
      assets.push({
        absoluteSrc: require.resolve('@contentauth/c2pa-wasm/c2pa.wasm'),
        relativeDest: 'c2pa.wasm',
      });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'unlimitedStorage'],
    host_permissions: ['<all_urls>'],
    // c2pa-wasm needs WebAssembly compilation in extension pages and the worker.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'origin-lens@origin-lens.dev',
              // data_collection_permissions needs Firefox 140 on desktop and 142 on Android (web-ext lint fails
              // below); the rest needs less: Tailwind 4's CSS 128, the overlay's popover 125.
              // https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // Both onMessage listeners (worker, content script) answer by returning a Promise, which Chrome
          // accepts only from version 144 (older ones answer undefined):
          // https://developer.chrome.com/docs/extensions/develop/concepts/messaging
          minimum_chrome_version: '144',
        }),
  }),
});
