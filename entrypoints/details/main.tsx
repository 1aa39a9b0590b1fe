import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { uiLanguage } from '../../components/common/i18n.ts';
import type { DetailsApi } from '../../components/details/details-api.ts';
import { DetailsApp } from '../../components/details/details-app.tsx';
import { DEFAULT_CHAINS } from '../../lib/chain/chains.ts';
import { DEFAULT_REGISTRANTS } from '../../lib/chain/registrants.ts';
import type { SendToBackground } from '../../lib/messages/protocol.ts';
import { defaultSettings } from '../../lib/settings/settings.ts';
import './style.css';

// Wiring only: every browser.* call of this page lives here.
const api: DetailsApi = {
  sendToBackground: ((request) => browser.runtime.sendMessage(request)) as SendToBackground,
  search: location.search,
  storage: {
    get: async (key) => (await browser.storage.local.get(key))[key],
    set: (key, value) => browser.storage.local.set({ [key]: value }),
  },
  defaults: defaultSettings([...DEFAULT_CHAINS], [...DEFAULT_REGISTRANTS]),
  copy: (text) => navigator.clipboard.writeText(text),
  download: (fileName, text) => {
    // A blob link with `download` saves through the browser's normal UI, without the downloads permission.
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  replaceSearch: (search) => history.replaceState(null, '', search),
};

const root = document.getElementById('root');
// The page says which language its words are in (screen readers pick their voice by it).
document.documentElement.lang = uiLanguage();
if (root) createRoot(root).render(<DetailsApp api={api} />);
