import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { uiLanguage } from '../../components/common/i18n.ts';
import type { OptionsApi } from '../../components/options/options-api.ts';
import { OptionsApp } from '../../components/options/options-app.tsx';
import { DEFAULT_CHAINS } from '../../lib/chain/chains.ts';
import { DEFAULT_REGISTRANTS } from '../../lib/chain/registrants.ts';
import type { SendToBackground } from '../../lib/messages/protocol.ts';
import { defaultSettings } from '../../lib/settings/settings.ts';
import './style.css';

// Wiring only: every browser.* call of the options page lives here.
const api: OptionsApi = {
  storage: {
    get: async (key) => (await browser.storage.local.get(key))[key],
    set: (key, value) => browser.storage.local.set({ [key]: value }),
  },
  defaults: defaultSettings([...DEFAULT_CHAINS], [...DEFAULT_REGISTRANTS]),
  sendToBackground: ((request) => browser.runtime.sendMessage(request)) as SendToBackground,
  updateTrustLists: () => browser.runtime.sendMessage({ type: 'update-trust-lists' }),
};

const root = document.getElementById('root');
// The page says which language its words are in (screen readers pick their voice by it).
document.documentElement.lang = uiLanguage();
if (root) createRoot(root).render(<OptionsApp api={api} />);
