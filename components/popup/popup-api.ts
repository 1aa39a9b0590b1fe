import type { SendToBackground, SendToContent } from '../../lib/messages/protocol.ts';
import type { Settings } from '../../lib/settings/settings.ts';
import type { StorageApi } from '../common/page-api.ts';

/** The tab the popup was opened on. `url` is missing when the browser does not tell us (no permission). */
export interface ActiveTab {
  id: number;
  url?: string;
}

/** What entrypoints/popup/main.tsx passes to <PopupApp>. */
export interface PopupApi {
  sendToBackground: SendToBackground;
  sendToContent: SendToContent;
  /** The active tab of the current window, or null when there is none. */
  activeTab: () => Promise<ActiveTab | null>;
  /** Used to turn Origin Lens on or off for the current site. */
  storage: StorageApi;
  defaults: Settings;
  openOptions: () => void;
  /** Reloads the tab, so a change to the per-site switch takes effect. */
  reloadTab: (tabId: number) => void;
  /** Closes the popup (after opening the details page in a tab). */
  close: () => void;
  /** permissions.contains for one host match pattern (site-access.ts). */
  hasSiteAccess: (pattern: string) => Promise<boolean>;
  /** permissions.request for one host match pattern; must be called straight from the click. */
  requestSiteAccess: (pattern: string) => Promise<boolean>;
}
