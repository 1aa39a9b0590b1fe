import { browser, type PublicPath } from 'wxt/browser';
import { t } from '@/components/common/i18n';
import { onVerifyOrigin, VERIFY_MENU_ID } from '@/lib/background/context-menu';
import { createBackgroundServices } from '@/lib/background/create-background-services';
import { createRouter } from '@/lib/background/message-router';
import { C2PA_WASM_VERSION } from '@/lib/c2pa/engine';
import { copyWasm, wasmFromCopy } from '@/lib/c2pa/wasm-copy';
import type { ContextTarget } from '@/lib/messages/protocol';
import { type PortLike, REQUEST_PORT, servePort } from '@/lib/messages/request-port';
import { SETTINGS_KEY } from '@/lib/settings/settings';

export default defineBackground({
  type: 'module',
  main() {
    const wasm = {
      caches: globalThis.caches,
      fetch: globalThis.fetch.bind(globalThis),
      url: browser.runtime.getURL('/c2pa.wasm' as PublicPath),
      version: `${browser.runtime.getManifest().version}/${C2PA_WASM_VERSION}`,
    };
    const services = createBackgroundServices({
      indexedDB,
      IDBKeyRange,
      fetch: globalThis.fetch.bind(globalThis),
      createImageBitmap: globalThis.createImageBitmap.bind(globalThis),
      OffscreenCanvas: globalThis.OffscreenCanvas,
      c2paWasm: () => wasmFromCopy(wasm),
      loadAsset: async (path) => (await fetch(browser.runtime.getURL(`/${path}` as PublicPath))).text(),
      storage: {
        get: async (key) => (await browser.storage.local.get(key))[key],
        set: (key, value) => browser.storage.local.set({ [key]: value }),
      },
      // WXT types getMessage with its reserved names only.
      uiLocale: () => (browser.i18n.getMessage as (name: string) => string)('uiLocale'),
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[SETTINGS_KEY]) services.settingsChanged();
    });

    const openDetails = async (query: string, fromTabId?: number) => {
      await browser.tabs.create({
        url: browser.runtime.getURL(`/details.html?${query}`),
        openerTabId: fromTabId,
      });
    };
    const route = createRouter({
      extensionId: browser.runtime.id,
      extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
      pipeline: services.pipeline,
      media: services.media,
      notifyTab: (tabId, frameId, message) => {
        browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => {});
      },
      registrations: services.registrations,
      recoverCredentials: services.recoverCredentials,
      softBindingLookup: services.softBindingLookup,
      updateTrustLists: services.updateTrustLists,
      fetchRemoteManifest: services.fetchRemoteManifest,
      pageWords: services.pageWords,
      openDetails,
      setBadge: async (tabId, text, color) => {
        await browser.action.setBadgeText({ tabId, text });
        await browser.action.setBadgeBackgroundColor({ tabId, color });
      },
    });
    browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
    browser.runtime.onConnect.addListener((port) => {
      if (port.name === REQUEST_PORT) servePort(port as PortLike, route);
    });

    browser.runtime.onInstalled.addListener(() => {
      browser.contextMenus.create({
        id: VERIFY_MENU_ID,
        title: t('menu.verify'),
        contexts: ['image', 'selection', 'link', 'page', 'video', 'audio'],
      });
      void copyWasm(wasm);
    });
    browser.contextMenus.onClicked.addListener((info, tab) =>
      onVerifyOrigin(info, tab?.id, {
        pipeline: services.pipeline,
        fingerprintText: services.fingerprintText,
        askTab: (tabId) =>
          browser.tabs.sendMessage(tabId, { type: 'context-target' }) as Promise<ContextTarget>,
        openDetails,
      }),
    );
  },
});
