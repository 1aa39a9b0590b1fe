import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { uiLanguage } from '../../components/common/i18n.ts';
import type { PopupApi } from '../../components/popup/popup-api.ts';
import { PopupApp } from '../../components/popup/popup-app.tsx';
import { DEFAULT_CHAINS } from '../../lib/chain/chains.ts';
import { DEFAULT_REGISTRANTS } from '../../lib/chain/registrants.ts';
import type { SendToBackground, SendToContent } from '../../lib/messages/protocol.ts';
import { defaultSettings } from '../../lib/settings/settings.ts';
import './style.css';

// Wiring only: every browser.* call of the popup lives here.
const api: PopupApi = {
  sendToBackground: ((request) => browser.runtime.sendMessage(request)) as SendToBackground,
  // frameId 0: only the top frame's content script answers, so the popup gets one list, not one per iframe.
  sendToContent: ((tabId, request) =>
    browser.tabs.sendMessage(tabId, request, { frameId: 0 })) as SendToContent,
  activeTab: async () => {
    // popup.html?tab=N shows tab N (the popup opened in its own tab); otherwise the active tab.
    const asked = Number(new URLSearchParams(location.search).get('tab'));
    const [tab] =
      Number.isSafeInteger(asked) && asked > 0
        ? [await browser.tabs.get(asked)]
        : await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
  },
  storage: {
    get: async (key) => (await browser.storage.local.get(key))[key],
    set: (key, value) => browser.storage.local.set({ [key]: value }),
  },
  defaults: defaultSettings([...DEFAULT_CHAINS], [...DEFAULT_REGISTRANTS]),
  openOptions: () => {
    browser.runtime.openOptionsPage();
    window.close();
  },
  reloadTab: (tabId) => {
    browser.tabs.reload(tabId);
    window.close();
  },
  close: () => window.close(),
  hasSiteAccess: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  requestSiteAccess: (pattern) => browser.permissions.request({ origins: [pattern] }),
};

const root = document.getElementById('root');
// The page says which language its words are in (screen readers pick their voice by it).
document.documentElement.lang = uiLanguage();
if (root) createRoot(root).render(<PopupApp api={api} />);
