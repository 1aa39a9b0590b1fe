import type { MediaChecker } from '../media/media-checker.ts';
import { parseRequest } from '../messages/parse-request.ts';
import type { BackgroundRequest, BackgroundResponses, ContentRequest } from '../messages/protocol.ts';
import { classifySender, type SenderInfo } from '../messages/sender.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
import { checkTextMessage } from './check-text-message.ts';
import { toolbarBadge } from './toolbar-badge.ts';

export interface RouterEnv {
  extensionId: string;
  extensionOrigin: string;
  pipeline: () => Promise<Pipeline>;
  media: () => Promise<MediaChecker>;
  /** Sends a message to one frame of a tab (download progress of a video check); failures are ignored. */
  notifyTab: (tabId: number, frameId: number, message: ContentRequest) => void;
  /** Opens the details page with this query string (`key=…` or `url=…`). */
  openDetails: (query: string, fromTabId?: number) => Promise<void>;
  setBadge: (tabId: number, text: string, color: string) => Promise<void>;
  /** The content script's words in the browser's language (lib/i18n/page-words.ts). */
  pageWords: () => Promise<BackgroundResponses['page-words']>;
  registrations: (key: string) => Promise<BackgroundResponses['get-registrations']>;
  recoverCredentials: (key: string) => Promise<BackgroundResponses['recover-credentials']>;
  softBindingLookup: (key: string, endpoint: string) => Promise<BackgroundResponses['soft-binding-lookup']>;
  updateTrustLists: () => Promise<BackgroundResponses['update-trust-lists']>;
  fetchRemoteManifest: (key: string) => Promise<BackgroundResponses['fetch-remote-manifest']>;
}

type Handlers = {
  [T in BackgroundRequest['type']]: (
    request: Extract<BackgroundRequest, { type: T }>,
    sender: SenderInfo,
  ) => Promise<BackgroundResponses[T]>;
};

/**
 * The background's single entry for messages: checks the sender, validates the message, dispatches it.
 * Returns undefined for anything rejected, so the sender gets no answer and nothing runs.
 */
export function createRouter(env: RouterEnv) {
  const handlers: Handlers = {
    'check-image': async (r) => (await env.pipeline()).checkImage(r.url),
    'check-text': async (r) => checkTextMessage(await env.pipeline(), r.text),
    'check-media': async (r, sender) => {
      const tabId = sender.tab?.id;
      const onProgress =
        tabId === undefined
          ? undefined
          : (loaded: number, total: number | undefined) =>
              env.notifyTab(tabId, sender.frameId ?? 0, {
                type: 'media-progress',
                url: r.url,
                loaded,
                total,
              });
      return (await env.media()).check(r.url, { confirmed: r.confirmed, onProgress });
    },
    'page-summary': async (r, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        const badge = toolbarBadge(r.counts);
        await env.setBadge(tabId, badge.text, badge.color);
      }
      return null;
    },
    'page-words': () => env.pageWords(),
    'open-details': async (r, sender) => {
      const media = r.media ? `&media=${r.media}` : '';
      const query = r.key ? `key=${r.key}` : `url=${encodeURIComponent(r.url ?? '')}${media}`;
      await env.openDetails(query, sender.tab?.id);
      return null;
    },
    // The details page shows the perceptual hash: computed now if the item was checked without one.
    'get-details': async (r) => (await env.pipeline()).details(r.key, { pdq: true }),
    'verify-url': async (r) => {
      const pipeline = await env.pipeline();
      if (r.media) {
        // "Verify origin" on a video or audio element: the user asked, so the size cap does not apply.
        const result = await (await env.media()).check(r.url, { confirmed: true, kind: r.media });
        if (!result.key) return { error: result.reason };
        return (await pipeline.details(result.key)) ?? { error: 'The result could not be stored' };
      }
      const result = await pipeline.checkImage(r.url, { pdq: true });
      if (!result.key) return { error: result.reason };
      return (await pipeline.details(result.key)) ?? { error: 'The result could not be stored' };
    },
    'get-registrations': (r) => env.registrations(r.key),
    'fetch-remote-manifest': (r) => env.fetchRemoteManifest(r.key),
    'recover-credentials': (r) => env.recoverCredentials(r.key),
    'soft-binding-lookup': (r) => env.softBindingLookup(r.key, r.endpoint),
    'update-trust-lists': () => env.updateTrustLists(),
    'clear-cache': async () => ({ cleared: await (await env.pipeline()).clear() }),
  };

  return (raw: unknown, sender: SenderInfo): Promise<unknown> | undefined => {
    const from = classifySender(sender, env.extensionId, env.extensionOrigin);
    if (!from) return undefined;
    const request = parseRequest(raw, from);
    if (!request) return undefined;
    const handler = handlers[request.type] as (r: BackgroundRequest, s: SenderInfo) => Promise<unknown>;
    return handler(request, sender);
  };
}
