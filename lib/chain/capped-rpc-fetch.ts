import { readBody } from '../net/fetch-bytes.ts';

/**
 * The most an RPC answer may hold. The registry's largest legitimate answers are a lookup of 1000 hashes ×
 * 5 registrants (~0.4 MB of hex) and a chunk of its event logs (32 MB would be some 40 000 registrations in
 * one chunk of blocks); a lying endpoint could otherwise send gigabytes, which the worker would hold whole
 * before parsing. An answer over the cap fails its request as a dead node's does: "could not check".
 */
export const MAX_RPC_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Statuses whose Response may not carry a body (the Fetch standard's null body statuses). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * `fetchFn` with every answer's body read under a cap before the transport sees it. The transport's own
 * timeout still applies: its signal, passed in `init`, ends the read too.
 */
export function cappedRpcFetch(
  fetchFn: typeof fetch,
  timeoutMs: number,
  maxBytes = MAX_RPC_RESPONSE_BYTES,
): typeof fetch {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    const bytes = await readBody(response, {
      maxBytes,
      signal: init?.signal ?? new AbortController().signal,
      timeoutMs,
      what: 'the RPC answer is',
    });
    // readBody's buffers are plain ArrayBuffers, never shared ones.
    const body = NULL_BODY.has(response.status) ? null : (bytes as Uint8Array<ArrayBuffer>);
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
