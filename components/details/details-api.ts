import type { SendToBackground } from '../../lib/messages/protocol.ts';
import type { Settings } from '../../lib/settings/settings.ts';
import type { CopyText, StorageApi } from '../common/page-api.ts';

/** What entrypoints/details/main.tsx passes to <DetailsApp>. */
export interface DetailsApi {
  sendToBackground: SendToBackground;
  /** location.search of the page: ?key=<64 hex> or ?url=<encoded URL>. */
  search: string;
  /** Read-only use here: chain names/explorer links and registrant names come from the user's settings. */
  storage: StorageApi;
  defaults: Settings;
  copy: CopyText;
  /** Saves a text file through the browser's download UI. */
  download: (fileName: string, text: string) => void;
  /** After a ?url= check, swaps the address to ?key= so a reload reads the cache instead of re-fetching. */
  replaceSearch?: (search: string) => void;
}
