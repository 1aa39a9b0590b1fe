import { browser } from 'wxt/browser';
import { t, uiLanguage, usePageWords } from '@/components/common/i18n';
import type { ContentRequest, SendToBackground } from '@/lib/messages/protocol';
import { type PortLike, portSender, REQUEST_PORT } from '@/lib/messages/request-port';
import { extensionLifecycle } from '@/lib/page/extension-lifecycle';
import { PageController } from '@/lib/page/page-controller';
import { readPageSettings } from '@/lib/schemas/page-settings-schema';
import { defaultSettings, isSiteDisabled, SETTINGS_KEY } from '@/lib/settings/settings';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Not document_idle: Chromium holds a page's load event until its document_end and document_idle scripts
  // are injected, and injects them after the first layout, so a big page's load event waited for its whole
  // first frame (1.3-1.8x later on the bench's longread). At document_start the script only sets up; the
  // scan still waits for the load event (lib/scan/page-scanner.ts).
  runAt: 'document_start',
  // WXT would otherwise post a message whose type contains the extension id: a fingerprinting vector.
  noScriptStartedPostMessage: true,
  // WXT's ctx is replaced by a silent one (wxt.config.ts) and not used: only the extension's own lifecycle
  // ends this script (lib/page/extension-lifecycle.ts).
  async main() {
    const lifecycle = extensionLifecycle(window, () => browser.runtime?.id !== undefined);
    const overPort = portSender(() => browser.runtime.connect({ name: REQUEST_PORT }) as PortLike);
    const send = ((request) =>
      lifecycle.alive()
        ? overPort(request)
        : Promise.reject(new Error('Origin Lens was updated or removed'))) as SendToBackground;
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    const settings = readPageSettings(stored[SETTINGS_KEY], defaultSettings([], []));
    const enabled = !isSiteDisabled(location.href, settings);
    const controller = new PageController({
      win: window,
      send,
      overlay: settings.overlay,
      showNoProvenance: settings.showNoProvenance,
      translate: t,
      locale: uiLanguage,
    });
    if (enabled) {
      // Asked before any check: the words arrive before any verdict, so badges are worded without
      // i18n.getMessage. A site the user turned off opens no port at all.
      send({ type: 'page-words' }).then(usePageWords, () => {});
      controller.start();
    }
    lifecycle.onEnded(() => controller.stop());

    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      const next = changes[SETTINGS_KEY]?.newValue;
      if (next) controller.setDisplay(readPageSettings(next, settings));
    });
    browser.runtime.onMessage.addListener((message: ContentRequest, sender) => {
      if (sender.id !== browser.runtime.id) return;
      switch (message?.type) {
        case 'list-items':
          return Promise.resolve(controller.list(enabled));
        case 'highlight-item':
          return Promise.resolve(controller.highlight(String(message.id)));
        case 'context-target':
          return Promise.resolve(controller.contextTarget());
        case 'check-media-item':
          return Promise.resolve(controller.checkMedia(String(message.id)));
        case 'media-progress':
          controller.mediaProgress(String(message.url), Number(message.loaded), message.total);
          return Promise.resolve(null);
      }
    });
  },
});
