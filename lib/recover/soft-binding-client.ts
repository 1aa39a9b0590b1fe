/**
 * Client of the C2PA Soft Binding Resolution API (C2PA 2.2, "Soft Binding Resolution API"; OpenAPI in
 * https://github.com/AdobeDocs/cai-soft-binding-api static/c2pa-original-soft-binding.json):
 * - `POST {endpoint}/matches/byContent` with the asset as the body → `{ matches: [{ manifestId, endpoint?,
 *   similarityScore? }] }` (the service computes its own watermark or fingerprint from the upload);
 * - `GET {endpoint}/manifests/{manifestId}` → the manifest store (`application/c2pa`).
 * Opt-in and user-driven only: the endpoints are the ones the user added (none by default), and `byContent`
 * uploads the image's bytes to that service, so it runs only on an explicit click that names the host.
 * Whatever a service answers is validated like any manifest store (lib/c2pa/read-manifest-store.ts); a match is a
 * lead, and the hard binding of a store recovered for a copy cannot match it.
 */
import type { StandaloneC2paEvidence } from '../c2pa/read-manifest-store.ts';
import { fetchBytes } from '../net/fetch-bytes.ts';

export interface SoftBindingMatch {
  manifestId: string;
  /** Where the manifest is fetched from: the match's own endpoint, or the one asked. */
  endpoint: string;
  similarityScore?: number;
}

export interface SoftBindingResult {
  endpoint: string;
  matches: Array<SoftBindingMatch & { c2pa?: StandaloneC2paEvidence; error?: string }>;
}

export interface SoftBindingEnv {
  fetch: typeof fetch;
  /** Validates a standalone manifest store (engine and trust lists bound). */
  readStore: (store: Uint8Array) => Promise<StandaloneC2paEvidence>;
}

const MAX_RESULTS = 5;
const MAX_ID = 512;
const MAX_ANSWER_BYTES = 256 * 1024;
const MAX_STORE_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

/** An endpoint the user may add: an absolute http(s) URL without credentials, no trailing slash. */
export function normalizeEndpoint(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
      return undefined;
    if (url.search || url.hash) return undefined;
    return url.href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** Parses a `c2pa.softBindingQueryResult`, keeping only well-formed matches (the service is not trusted). */
export function parseMatches(body: unknown, asked: string): SoftBindingMatch[] {
  const list = (body as { matches?: unknown })?.matches;
  if (!Array.isArray(list)) throw new Error('the service did not answer with a list of matches');
  const out: SoftBindingMatch[] = [];
  for (const m of list) {
    const id = (m as { manifestId?: unknown })?.manifestId;
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID) continue;
    const raw = (m as { endpoint?: unknown }).endpoint;
    const endpoint = typeof raw === 'string' ? normalizeEndpoint(raw) : asked;
    if (!endpoint) continue;
    const score = (m as { similarityScore?: unknown }).similarityScore;
    const match: SoftBindingMatch = { manifestId: id, endpoint };
    if (typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= 100)
      match.similarityScore = score;
    out.push(match);
    if (out.length >= MAX_RESULTS) break;
  }
  return out;
}

async function post(
  env: SoftBindingEnv,
  url: string,
  bytes: Uint8Array,
  contentType: string,
): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await env.fetch(url, {
      method: 'POST',
      body: bytes as BodyInit,
      headers: { 'content-type': contentType, accept: 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`the service answered HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_ANSWER_BYTES) throw new Error('the service answered too much');
    return JSON.parse(text);
  } catch (error) {
    if (controller.signal.aborted) throw new Error(`no answer within ${TIMEOUT_MS / 1000} s`);
    throw error instanceof SyntaxError ? new Error('the service did not answer JSON') : error;
  } finally {
    clearTimeout(timer);
  }
}

/** Uploads the image to one endpoint, then fetches and validates each manifest it names. Throws on failure. */
export async function resolveByContent(
  endpoint: string,
  bytes: Uint8Array,
  contentType: string,
  env: SoftBindingEnv,
): Promise<SoftBindingResult> {
  const base = normalizeEndpoint(endpoint);
  if (!base) throw new Error(`not an http(s) endpoint: ${endpoint}`);
  const type = /^image\/[\w.+-]+$/.test(contentType) ? contentType : 'application/octet-stream';
  const answer = await post(env, `${base}/matches/byContent?maxResults=${MAX_RESULTS}`, bytes, type);
  const matches = parseMatches(answer, base);
  const result: SoftBindingResult = { endpoint: base, matches: [] };
  for (const match of matches) {
    try {
      const store = await fetchBytes(`${match.endpoint}/manifests/${encodeURIComponent(match.manifestId)}`, {
        fetch: env.fetch,
        omitCredentials: true,
        maxBytes: MAX_STORE_BYTES,
        timeoutMs: TIMEOUT_MS,
      });
      const c2pa = await env.readStore(store.bytes);
      result.matches.push(
        c2pa.state === 'error' ? { ...match, error: c2pa.error ?? 'unreadable' } : { ...match, c2pa },
      );
    } catch (error) {
      result.matches.push({ ...match, error: (error as Error).message });
    }
  }
  return result;
}
