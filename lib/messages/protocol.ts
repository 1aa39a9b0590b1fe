import type {
  ChainRecord,
  Evidence,
  ItemKind,
  MediaKind,
  Verdict,
  VerdictResult,
} from '../evidence/types.ts';
import type { BackgroundError, BackgroundErrorCode } from '../i18n/background-error.ts';
import type { PageWords } from '../i18n/page-words.ts';
import type { ReasonCode, ReasonParams } from '../i18n/reason-code.ts';
import type { SoftBindingResult } from '../recover/soft-binding-client.ts';

/**
 * One typed message protocol for every context. Requests are directional: `BackgroundRequest` goes to the
 * background worker, `ContentRequest` goes to a tab's content script. Each request type maps to exactly one
 * response type, so `send` helpers are typed end to end.
 */

/**
 * What an item shows before its verdict arrives. 'on-request': a video or audio file too large to check on
 * its own (over the size cap); it is checked when the user asks ("Check this video").
 */
export type ItemState = Verdict | 'pending' | 'on-request';

/** The answer for one checked image or text block. */
export interface CheckResult {
  /** Cache key: SHA-256 of the bytes (images) or of the collapsed text (text). Absent when fetching failed. */
  key?: string;
  kind: ItemKind;
  verdict: Verdict;
  reason: string;
  /** The reason as a code: rendered in the reader's language (lib/i18n/render-reason.ts). */
  reasonCode?: ReasonCode;
  reasonParams?: ReasonParams;
  variant?: VerdictResult['variant'];
}

/** The answer for one video or audio URL (`check-media`). */
export interface MediaCheckResult {
  key?: string;
  state: Verdict | 'on-request';
  reason: string;
  /** The reason as a code: rendered in the reader's language (lib/i18n/render-reason.ts). */
  reasonCode?: ReasonCode;
  reasonParams?: ReasonParams;
  /** Size of the whole file, when the server said. */
  bytes?: number;
}

/** An item as the content script tracks it on the page (what the popup lists). */
export interface PageItem {
  id: string;
  kind: ItemKind | MediaKind;
  /** Image, video or audio URL (http(s) or data:), or undefined for text and streamed media. */
  url?: string;
  /** Video or audio the page streams (blob:, MediaSource, a MediaStream): its bytes cannot be fetched again. */
  streamed?: boolean;
  /** Size of a video or audio file, when known (shown on "Check this video"). */
  bytes?: number;
  /** 0..1 while a video or audio file downloads for its check; 1 while it is validated. */
  progress?: number;
  /** First characters of a text block. */
  preview?: string;
  state: ItemState;
  reason?: string;
  /** The reason as a code: rendered in the reader's language (lib/i18n/render-reason.ts). */
  reasonCode?: ReasonCode;
  reasonParams?: ReasonParams;
  variant?: VerdictResult['variant'];
  key?: string;
}

export type VerdictCounts = Partial<Record<ItemState, number>>;

/** The full record the details page shows. */
export interface ItemDetails {
  key: string;
  kind: ItemKind;
  verdict: Verdict;
  reason: string;
  /** The reason as a code: rendered in the reader's language (lib/i18n/render-reason.ts). */
  reasonCode?: ReasonCode;
  reasonParams?: ReasonParams;
  variant?: VerdictResult['variant'];
  urls: string[];
  evidence: Evidence;
  checkedAt: number;
  /** Version tag of the engine and trust lists the C2PA part was computed with. */
  listsVersion?: string;
  text?: string;
  byteLength?: number;
  mime?: string;
}

/** Longest text block sent in `check-text` (UTF-16 units); longer blocks are reported, not checked. */
export const MAX_CHECK_TEXT = 100_000;

export type BackgroundRequest =
  | { type: 'check-image'; url: string }
  /** The block's text only: the worker fingerprints it itself, so a page cannot attach a forged hash. */
  | { type: 'check-text'; text: string }
  | { type: 'page-summary'; counts: VerdictCounts }
  /** The content script's words, in the browser's language (lib/i18n/page-words.ts says why). */
  | { type: 'page-words' }
  | { type: 'open-details'; key?: string; url?: string; media?: MediaKind }
  | { type: 'get-details'; key: string }
  | { type: 'check-media'; url: string; confirmed?: boolean }
  | { type: 'verify-url'; url: string; media?: MediaKind }
  | { type: 'get-registrations'; key: string }
  | { type: 'fetch-remote-manifest'; key: string }
  | { type: 'recover-credentials'; key: string }
  | { type: 'soft-binding-lookup'; key: string; endpoint: string }
  | { type: 'update-trust-lists' }
  | { type: 'clear-cache' };

export interface BackgroundResponses {
  'check-image': CheckResult;
  'check-text': CheckResult;
  'check-media': MediaCheckResult;
  'page-summary': null;
  'page-words': PageWords;
  'open-details': null;
  'get-details': ItemDetails | null;
  'verify-url': ItemDetails | { error: string };
  /** Everyone who registered this item's hash, from the registry's logs (details page only). */
  /** `errorCode`: why there are no records at all, worded in `errors[0]` in English (lib/i18n/background-error.ts). */
  'get-registrations': {
    records: ChainRecord[];
    errors: string[];
    complete: boolean;
    errorCode?: BackgroundErrorCode;
  };
  /** The user asked to fetch the remote manifest the item names (details page only): the item checked again. */
  'fetch-remote-manifest': ItemDetails | { error: string };
  /** Content Credentials recovered from the registry on the user's request (details page only). */
  'recover-credentials': ItemDetails | null;
  /** A C2PA Soft Binding Resolution API asked on the user's click (uploads the image to that endpoint). */
  'soft-binding-lookup': SoftBindingResult | BackgroundError;
  /** `message` is English; `files` or `error` let a page say it in the reader's language. */
  'update-trust-lists': { ok: boolean; message: string; files?: number; error?: string };
  'clear-cache': { cleared: number };
}

export type ContextTarget =
  | { kind: 'image'; url: string; media?: MediaKind }
  | { kind: 'text'; text: string }
  | null;

export type ContentRequest =
  | { type: 'list-items' }
  | { type: 'highlight-item'; id: string }
  | { type: 'context-target' }
  /** From the popup: check a video or audio item that waits for the user ("Check this video"). */
  | { type: 'check-media-item'; id: string }
  /** From the background, while a video or audio file downloads for its check. */
  | { type: 'media-progress'; url: string; loaded: number; total?: number };

export interface ContentResponses {
  'list-items': { items: PageItem[]; counts: VerdictCounts; enabled: boolean };
  'highlight-item': boolean;
  'context-target': ContextTarget;
  'check-media-item': boolean;
  'media-progress': null;
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
