import type { TextFingerprints } from '../evidence/types.ts';
import { blankTextReason } from '../fingerprint/fingerprint-text.ts';
import type { ContextTarget } from '../messages/protocol.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';

export const VERIFY_MENU_ID = 'verify-origin';

/** The parts of `contextMenus.OnClickData` used here. */
export interface MenuClick {
  menuItemId: string | number;
  srcUrl?: string;
  linkUrl?: string;
  selectionText?: string;
  mediaType?: string;
}

export interface ContextMenuEnv {
  pipeline: () => Promise<Pipeline>;
  fingerprintText: (text: string) => Promise<TextFingerprints>;
  /** Asks the tab's content script what is under the last right-click (for images covered by overlays). */
  askTab: (tabId: number) => Promise<ContextTarget>;
  openDetails: (query: string, fromTabId?: number) => Promise<void>;
}

/**
 * "Verify origin": an image or link opens the details page, which verifies it; a selection is fingerprinted
 * and checked here first. A click on something else (a badge, an overlay over an image) asks the page
 * which image lies under the click.
 */
export async function onVerifyOrigin(
  info: MenuClick,
  tabId: number | undefined,
  env: ContextMenuEnv,
): Promise<void> {
  if (info.menuItemId !== VERIFY_MENU_ID) return;
  const byUrl = (url: string, media?: string) =>
    env.openDetails(`url=${encodeURIComponent(url)}${media ? `&media=${media}` : ''}`, tabId);
  const media = info.mediaType === 'video' || info.mediaType === 'audio' ? info.mediaType : undefined;
  const byText = async (text: string) => {
    if (blankTextReason(text)) return;
    const fingerprints = await env.fingerprintText(text);
    const result = await (await env.pipeline()).checkText(fingerprints, text);
    await env.openDetails(`key=${result.key ?? fingerprints.sha256Collapsed}`, tabId);
  };
  if (info.srcUrl) return byUrl(info.srcUrl, media);
  if (info.selectionText?.trim()) return byText(info.selectionText);
  if (tabId !== undefined) {
    const target = await env.askTab(tabId).catch(() => null);
    if (target?.kind === 'image') return byUrl(target.url, target.media);
    if (target?.kind === 'text') return byText(target.text);
  }
  if (info.linkUrl) return byUrl(info.linkUrl);
}
