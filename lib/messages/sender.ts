/** The parts of `runtime.MessageSender` a sender check needs (passed in, so this runs in Node). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type SenderKind = 'content' | 'page';

/**
 * Classifies who sent a message to the background. Only our own extension can reach us (no
 * `externally_connectable`), but a content script runs inside the page's renderer, so its messages get the
 * narrow set of requests in `allowedFrom`. Anything else is rejected.
 */
export function classifySender(
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return 'page';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0) return 'content';
  return null;
}
