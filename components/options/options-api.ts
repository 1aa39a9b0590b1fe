import type { SendToBackground } from '../../lib/messages/protocol.ts';
import type { Settings } from '../../lib/settings/settings.ts';
import type { StorageApi } from '../common/page-api.ts';

/** What the "Update lists" button reports back. */
export interface TrustListUpdate {
  ok: boolean;
  /** One sentence in English, e.g. "Updated 4 list files.", for readers that do not know the parts below. */
  message: string;
  /** How many list files were updated (shown as `background.trustListsUpdated`). */
  files?: number;
  /** Why the update failed, the raw error (shown inside `background.trustListsFailed`). */
  error?: string;
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
