import type { SendToBackground } from '../../lib/messages/protocol.ts';
import type { Settings } from '../../lib/settings/settings.ts';
import type { StorageApi } from '../common/page-api.ts';

/** What the "Update lists" button reports back. */
export interface TrustListUpdate {
  ok: boolean;
  /** One sentence for the user, e.g. "Updated: C2PA list issued 2026-08-05 (47 certificates)". */
  message: string;
}

/** What entrypoints/options/main.tsx passes to <OptionsApp>. */
export interface OptionsApi {
  storage: StorageApi;
  defaults: Settings;
  sendToBackground: SendToBackground;
  updateTrustLists: () => Promise<TrustListUpdate>;
}

/** Every section edits the whole Settings object and hands back the next one. */
export interface SectionProps {
  settings: Settings;
  onChange: (next: Settings) => void;
}
