import type { ChainRecord, Evidence, ItemKind, TextFingerprints, Verdict } from '../evidence/types.ts';
import type { SoftBindingResult } from '../recover/soft-binding-client.ts';

/**
 * One typed message protocol for every context. Requests are directional: `BackgroundRequest` goes to the
 * background worker, `ContentRequest` goes to a tab's content script. Each request type maps to exactly one
 * response type, so `send` helpers are typed end to end.
 */

/** What an item shows before its verdict arrives. */
export type ItemState = Verdict | 'pending';

/** The answer for one checked image or text block. */
export interface CheckResult {
  /** Cache key: SHA-256 of the bytes (images) or of the collapsed text (text). Absent when fetching failed. */
  key?: string;
  kind: ItemKind;
  verdict: Verdict;
  reason: string;
}

/** An item as the content script tracks it on the page (what the popup lists). */
export interface PageItem {
  id: string;
  kind: ItemKind;
  /** Image URL (http(s) or data:), or undefined for text. */
  url?: string;
  /** First characters of a text block. */
  preview?: string;
  state: ItemState;
  reason?: string;
  key?: string;
}

export type VerdictCounts = Partial<Record<ItemState, number>>;

/** The full record the details page shows. */
export interface ItemDetails {
  key: string;
  kind: ItemKind;
  verdict: Verdict;
  reason: string;
  urls: string[];
  evidence: Evidence;
  checkedAt: number;
  /** Version tag of the engine and trust lists the C2PA part was computed with. */
  listsVersion?: string;
  text?: string;
  byteLength?: number;
  mime?: string;
}

export type BackgroundRequest =
  | { type: 'check-image'; url: string }
  | { type: 'check-text'; fingerprints: TextFingerprints; text: string }
  | { type: 'page-summary'; counts: VerdictCounts }
  | { type: 'open-details'; key?: string; url?: string }
  | { type: 'get-details'; key: string }
  | { type: 'verify-url'; url: string }
  | { type: 'get-registrations'; key: string }
  | { type: 'recover-credentials'; key: string }
  | { type: 'soft-binding-lookup'; key: string; endpoint: string }
  | { type: 'update-trust-lists' }
  | { type: 'clear-cache' };

export interface BackgroundResponses {
  'check-image': CheckResult;
  'check-text': CheckResult;
  'page-summary': null;
  'open-details': null;
  'get-details': ItemDetails | null;
  'verify-url': ItemDetails | { error: string };
  /** Everyone who registered this item's hash, from the registry's logs (details page only). */
  'get-registrations': { records: ChainRecord[]; errors: string[]; complete: boolean };
  /** Content Credentials recovered from the registry on the user's request (details page only). */
  'recover-credentials': ItemDetails | null;
  /** A C2PA Soft Binding Resolution API asked on the user's click (uploads the image to that endpoint). */
  'soft-binding-lookup': SoftBindingResult | { error: string };
  'update-trust-lists': { ok: boolean; message: string };
  'clear-cache': { cleared: number };
}

export type ContextTarget = { kind: 'image'; url: string } | { kind: 'text'; text: string } | null;

export type ContentRequest =
  | { type: 'list-items' }
  | { type: 'highlight-item'; id: string }
  | { type: 'context-target' };

export interface ContentResponses {
  'list-items': { items: PageItem[]; counts: VerdictCounts; enabled: boolean };
  'highlight-item': boolean;
  'context-target': ContextTarget;
}

export type BackgroundResponse<T extends BackgroundRequest['type']> = BackgroundResponses[T];
export type ContentResponse<T extends ContentRequest['type']> = ContentResponses[T];

/** The send function a context is given (wraps runtime.sendMessage / tabs.sendMessage). */
export type SendToBackground = <R extends BackgroundRequest>(
  request: R,
) => Promise<BackgroundResponse<R['type']>>;
export type SendToContent = <R extends ContentRequest>(
  tabId: number,
  request: R,
) => Promise<ContentResponse<R['type']>>;
