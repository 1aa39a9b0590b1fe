import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { decodeFunctionData, encodeFunctionResult, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryAbi } from '../lib/chain/registry-abi.ts';
import { packEntry } from '../lib/chain/registry-entry.ts';
import type { Verdict } from '../lib/evidence/types.ts';
import type { PageItem } from '../lib/messages/protocol.ts';
import {
  byFile,
  listItems,
  openExtensionPage,
  setSettings,
  settledItems,
  tabIdOf,
} from './support/extension-page.ts';
import { buildFuzzCorpus, type CorpusKind, type FuzzCorpus } from './support/fuzz-corpus.ts';
import { type Harness, ROOT, startHarness } from './support/harness.ts';
import { currentWorker, stopServiceWorkers } from './support/launch-chromium.ts';
import type { Route } from './support/static-server.ts';

/**
 * Hostile and broken input in the real browser (docs/architecture.md "Security and privacy": "Bad input gets a clear
 * 'could not check' state, and the page keeps working"). Every test here can fail: each asserts a verdict
 * per input, request counts from the server's side, or the worker's own state.
 */

// ---------------------------------------------------------------------------------------------------------
// Shared helpers

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

/** A route that sees every request first (with all its headers) and lets the next route answer it. */
function tap(into: Seen[]): Route {
  return (req) => {
    into.push({ url: req.url ?? '', headers: req.headers });
    return undefined;
  };
}

/**
 * The extension's own fetches, told apart from the page's: the service worker's fetch() is
 * `sec-fetch-site: none` + `sec-fetch-dest: empty`, while the page's <img> loads are `dest: image` and
 * its own fetch() calls are `site: same-origin`.
 */
const fromExtension = (s: Seen): boolean =>
  s.headers['sec-fetch-site'] === 'none' && s.headers['sec-fetch-dest'] === 'empty';

const fixture = (path: string): Buffer => readFileSync(resolve(ROOT, path));

/**
 * A CDP session on the extension's service worker. Playwright offers CDP sessions for pages only, so this
 * attaches to the worker target through a page's session, in non-flattened mode, and tunnels the
 * messages (Target.sendMessageToTarget / receivedMessageFromTarget).
 */
async function workerCdp(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: Array<{ targetId: string; type: string; url: string }>;
  };
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension:'),
  );
  if (!target) throw new Error('no extension service worker target');
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string };
  let next = 0;
  const waiting = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  const send = async <T>(method: string, params: object = {}): Promise<T> => {
    const id = ++next;
    const answer = new Promise<{ result?: unknown; error?: { message: string } }>((r) => waiting.set(id, r));
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const { result, error } = await answer;
    waiting.delete(id);
    if (error) throw new Error(`${method}: ${error.message}`);
    return result as T;
  };
  return {
    send,
    /** JS heap in use and ArrayBuffer backing stores, after a full garbage collection. */
    heap: async () => {
      await send('HeapProfiler.collectGarbage');
      return send<{ usedSize: number; backingStorageSize?: number }>('Runtime.getHeapUsage');
    },
    close: () => cdp.detach(),
  };
}

const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------

describe('bad files in the real browser', () => {
  let h: Harness;
  let corpus: FuzzCorpus;
  const seen: Seen[] = [];
  /** Bytes the server managed to write per huge response and requester (extension / page). */
  const hugeSent = new Map<string, number>();
  const HUGE_BYTES = 200 * MB;
  /** After the bad files: two normal fixtures whose verdicts are known (fixtures/c2pa/SOURCES.md). */
  const CANARIES = ['/c2pa/invalid_datahash_E-dat-CA.jpg', '/c2pa/ai_trained_genfill.jpg'];
  const HUGE = ['/fuzz-stream/huge-chunked.jpg', '/fuzz-stream/huge-declared.jpg'];

  /**
   * 200 MB of "JPEG" (a JPEG SOI, then zeros), written as fast as the client reads it and never buffered:
   * it stops as soon as the client goes away. `declare` sends a Content-Length (refused from the header);
   * without it the body is chunked and only the streaming cap can stop it.
   */
  function streamHuge(res: ServerResponse, declare: boolean, counter: string): void {
    res.writeHead(200, {
      'content-type': 'image/jpeg',
      'cache-control': 'no-store',
      ...(declare ? { 'content-length': HUGE_BYTES } : {}),
    });
    const chunk = Buffer.alloc(MB);
    chunk.set([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
    let sent = 0;
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    const pump = () => {
      while (!closed && sent < HUGE_BYTES) {
        const more = res.write(chunk);
        sent += chunk.length;
        hugeSent.set(counter, sent);
        if (!more) {
          res.once('drain', pump);
          return;
        }
      }
      if (!closed) res.end();
    };
    pump();
  }

  /** Verdicts of the whole page, read once after it settled. */
  let got: Record<string, PageItem>;
  let cdp: Awaited<ReturnType<typeof workerCdp>>;
  let heapBefore: { usedSize: number; backingStorageSize?: number };

  // One page load for all the tests below: the harness, the corpus, a warm-up, the page, its verdicts.
  beforeAll(async () => {
    h = await startHarness({
      routes: [
        tap(seen),
        (req, res) => {
          const url = req.url ?? '';
          if (url === '/fuzz/list.json') {
            const list = [...HUGE, ...corpus.entries.map((e) => `/fuzz/${e.name}`), ...CANARIES];
            res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
            res.end(JSON.stringify(list));
            return true;
          }
          if (url.startsWith('/fuzz/')) {
            const entry = corpus.entries.find((e) => `/fuzz/${e.name}` === url);
            if (!entry) return false;
            const bytes = readFileSync(entry.path);
            res.writeHead(200, {
              'content-type': entry.contentType,
              'content-length': bytes.length,
              'cache-control': 'no-store',
            });
            res.end(bytes);
            return true;
          }
          if (HUGE.includes(url)) {
            const who = req.headers['sec-fetch-dest'] === 'empty' ? 'extension' : 'page';
            streamHuge(res, url.includes('declared'), `${url} ${who}`);
            return true;
          }
        },
      ],
    });
    corpus = await buildFuzzCorpus(`${h.server.origin}/fuzz-beacon`);

    const page = await h.browser.context.newPage();
    await page.goto('about:blank');
    cdp = await workerCdp(page);
    // Load the engine and the trust lists first (one good image), so the memory comparison below is not
    // dominated by one-time loads.
    const warmUrl = `${h.server.origin}/e2e/robustness/warm-up.html`;
    await page.goto(warmUrl);
    await settledItems(h.browser.worker, await tabIdOf(h.browser.worker, warmUrl), 1, 60_000);

    heapBefore = await cdp.heap();
    // A marker on the worker's global: if the worker crashed or was restarted, the new global has none.
    await h.browser.worker.evaluate(() => {
      (globalThis as { robustnessMarker?: string }).robustnessMarker = 'still here';
    });

    const url = `${h.server.origin}/e2e/robustness/bad-files.html`;
    await page.goto(url);
    const total = HUGE.length + corpus.entries.length + CANARIES.length;
    got = byFile(await settledItems(h.browser.worker, await tabIdOf(h.browser.worker, url), total, 170_000));

    const outcomes: Record<string, number> = {};
    for (const e of corpus.entries) {
      const key = `${e.kind}:${got[e.name]?.state ?? 'missing'}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
    console.info(
      `robustness: ${corpus.entries.length + HUGE.length} bad inputs in the browser: ${JSON.stringify(outcomes)}`,
    );
  }, 360_000);
  afterAll(async () => {
    await cdp?.close().catch(() => {});
    await h?.close();
    corpus?.remove();
  });

  /** Every entry of a kind against its honest verdicts; collected, so one failure shows all of them. */
  function dishonest(kind: CorpusKind): string[] {
    const wrong: string[] = [];
    for (const e of corpus.entries.filter((x) => x.kind === kind)) {
      const item = got[e.name];
      if (!item) wrong.push(`${e.name}: never checked (${e.detail})`);
      else if (!e.allowed.includes(item.state as Verdict))
        wrong.push(`${e.name}: ${item.state} "${item.reason}", honest would be [${e.allowed}] (${e.detail})`);
      else if (item.state === 'error' && !item.reason?.startsWith('Could not check: '))
        wrong.push(`${e.name}: "could not check" without a reason: "${item.reason}"`);
      else if (!item.reason) wrong.push(`${e.name}: no reason shown`);
    }
    return wrong;
  }

  it('truncated files: "could not check", or "tampered" where the manifest survived the cut', () => {
    expect(dishonest('truncated')).toEqual([]);
    // Not vacuous: both outcomes occur (cuts before/inside the manifest, and after it).
    const states = new Set(
      corpus.entries.filter((e) => e.kind === 'truncated').map((e) => got[e.name]?.state),
    );
    expect([...states].sort()).toEqual(['error', 'tampered']);
  });

  it('bit flips inside the manifest: never an upgrade, never "no provenance"', () => {
    // A flip in the manifest store is damage to Content Credentials that are there: the badge may stay
    // (unsigned bytes), turn "tampered", or "could not check"; reading as "no provenance" (grey, hidden by
    // default) would hide the damage. Today a flipped bit in the store's type UUID does exactly that in a
    // JPEG (the engine reports "no manifest"; lib/c2pa/read-c2pa-damaged-store.test.ts).
    expect(dishonest('bit-flip')).toEqual([]);
  });

  it('random bytes behind real JPEG/PNG headers: "could not check"', () => {
    expect(dishonest('random-body')).toEqual([]);
  });

  it('decompression bombs are refused from their headers, with an honest verdict', () => {
    expect(dishonest('bomb')).toEqual([]);
  });

  it('an SVG with a script is checked, and its script never runs', () => {
    expect(dishonest('svg-script')).toEqual([]);
    // Neither the page's <img> nor the extension ran it: nobody ever asked for the beacon.
    expect(seen.filter((s) => s.url.startsWith(corpus.svgBeacon))).toEqual([]);
  });

  it('lying Content-Type headers: the bytes decide', () => {
    expect(dishonest('wrong-type')).toEqual([]);
  });

  it('200 MB responses are cut off at the 50 MB cap: "could not check", naming the size', () => {
    for (const path of HUGE) {
      const name = path.split('/').pop() as string;
      expect(got[name]?.state, name).toBe('error');
      expect(got[name]?.reason, name).toMatch(/^Could not check: file too large/);
    }
    // Only the streaming cap can stop the chunked one: the server wrote past 50 MB (the extension read
    // up to its cap) but far from 200 MB (it hung up there; socket buffers allow a few MB more).
    const chunked = hugeSent.get('/fuzz-stream/huge-chunked.jpg extension') ?? 0;
    expect(chunked).toBeGreaterThan(50 * MB);
    expect(chunked).toBeLessThan(100 * MB);
    // The declared one is refused from its Content-Length before the body is read.
    expect(hugeSent.get('/fuzz-stream/huge-declared.jpg extension') ?? 0).toBeLessThan(50 * MB);
    // Each was asked once by the extension: a too-large answer is final, not retried.
    for (const path of HUGE) expect(seen.filter((s) => s.url === path && fromExtension(s))).toHaveLength(1);
  });

  it('the worker stays up, and the normal images after the bad ones are checked correctly', async () => {
    expect(
      await h.browser.worker.evaluate(() => (globalThis as { robustnessMarker?: string }).robustnessMarker),
    ).toBe('still here');
    // fixtures/c2pa/SOURCES.md: the data hash no longer matches; Photoshop Generative Fill, Adobe-signed.
    expect(got['invalid_datahash_E-dat-CA.jpg']?.state).toBe('tampered');
    expect(got['ai_trained_genfill.jpg']?.state).toBe('ai-generated');
  });

  it("keeps the worker's memory bounded", async () => {
    const after = await cdp.heap();
    console.info(
      `robustness: worker JS heap ${(heapBefore.usedSize / MB).toFixed(1)} → ${(after.usedSize / MB).toFixed(1)} MB, ` +
        `ArrayBuffers ${((heapBefore.backingStorageSize ?? 0) / MB).toFixed(1)} → ${((after.backingStorageSize ?? 0) / MB).toFixed(1)} MB`,
    );
    // After a full GC nothing per file survives (50 MB bodies, decoded bitmaps, engine copies): one
    // 50 MB body still referenced would break either bound. (Runtime.getHeapUsage is what DevTools calls
    // JSHeapUsedSize; the Performance domain is not offered on worker targets.)
    expect(after.backingStorageSize).toBeTypeOf('number');
    expect(after.usedSize - heapBefore.usedSize).toBeLessThan(40 * MB);
    expect((after.backingStorageSize ?? 0) - (heapBefore.backingStorageSize ?? 0)).toBeLessThan(40 * MB);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('network faults', () => {
  let h: Harness;
  const seen: Seen[] = [];
  /** Sockets held open on purpose; closed at the end so the server can stop. */
  const held: ServerResponse[] = [];
  let flakyFailed = false;
  const signed = fixture('fixtures/c2pa/valid_C_c2pars.jpg');
  const smallJpeg = fixture('fixtures/pdq/images/small.jpg');

  beforeAll(async () => {
    h = await startHarness({
      routes: [
        tap(seen),
        (req, res) => {
          switch (req.url) {
            case '/net/404.jpg':
              res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
              return true;
            case '/net/500.jpg':
              res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal error</h1>');
              return true;
            case '/net/hang.jpg':
              // Never answers: no status line, no headers; the connection stays open.
              held.push(res);
              return true;
            case '/net/stall-mid-body.jpg':
              // Headers and a tenth of a real image, then silence with the connection open.
              res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': signed.length });
              res.write(signed.subarray(0, Math.floor(signed.length / 10)));
              held.push(res);
              return true;
            case '/net/reset-mid-body.jpg':
              // Half of a real image, then the TCP connection is torn down.
              res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': signed.length });
              res.write(signed.subarray(0, Math.floor(signed.length / 2)), () => res.socket?.destroy());
              return true;
            case '/net/loop-a.jpg':
              res.writeHead(302, { location: '/net/loop-b.jpg' }).end();
              return true;
            case '/net/loop-b.jpg':
              res.writeHead(302, { location: '/net/loop-a.jpg' }).end();
              return true;
            case '/net/to-file.jpg':
              // A page must not make the extension read local files through a redirect.
              res.writeHead(302, { location: 'file:///etc/passwd' }).end();
              return true;
            case '/net/to-data.jpg':
              res
                .writeHead(302, { location: `data:image/jpeg;base64,${smallJpeg.toString('base64')}` })
                .end();
              return true;
            case '/net/to-extension.jpg':
              // …nor the extension's own files (its id is what a page would love to learn).
              res
                .writeHead(302, { location: `chrome-extension://${h.browser.extensionId}/icon/128.png` })
                .end();
              return true;
            case '/net/empty.jpg':
              // "200 OK" with nothing in it: nothing to hash, nothing to check.
              res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': 0 }).end();
              return true;
            case '/net/flaky.jpg':
              // The extension's first fetch fails; everything after that gets the real image.
              if (fromExtension({ url: req.url, headers: req.headers }) && !flakyFailed) {
                flakyFailed = true;
                res.writeHead(503, { 'content-type': 'text/plain' }).end('try later');
                return true;
              }
              res.writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'no-store' }).end(signed);
              return true;
          }
        },
      ],
    });
  }, 120_000);
  afterAll(async () => {
    for (const res of held) res.socket?.destroy();
    await h?.close();
  });

  it('answers every fault with "could not check" and a reason, then checks the next image correctly', async () => {
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/e2e/robustness/network-faults.html`;
    // The page's own <img> of the silent server never finishes, so its load event never fires.
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const tabId = await tabIdOf(h.browser.worker, url);
    // The two silent servers cost the extension's 15 s timeout each (in parallel): give it 40 s.
    const got = byFile(await settledItems(h.browser.worker, tabId, 12, 40_000));
    const reasons = Object.fromEntries(Object.entries(got).map(([k, v]) => [k, [v.state, v.reason]]));

    const expected: Record<string, RegExp> = {
      '404.jpg': /^Could not check: the server answered HTTP 404$/,
      '500.jpg': /^Could not check: the server answered HTTP 500$/,
      'hang.jpg': /^Could not check: no answer within 15 s$/,
      'stall-mid-body.jpg': /^Could not check: no complete answer within 15 s$/,
      'reset-mid-body.jpg': /^Could not check: the download broke off/,
      // fetch() follows at most 20 redirects, then fails like any network error.
      'loop-a.jpg': /^Could not check: network error/,
      // Redirects to a non-HTTP(S) scheme are network errors in fetch(): nothing local is ever read.
      'to-file.jpg': /^Could not check: network error/,
      'to-data.jpg': /^Could not check: network error/,
      'to-extension.jpg': /^Could not check: network error/,
      'empty.jpg': /^Could not check: no image to fingerprint: the file is empty \(0 bytes\)$/,
      // The first try failed (503); a failed fetch is not cached, so it shows as an error for now…
      'flaky.jpg': /^Could not check: the server answered HTTP 503$/,
    };
    for (const [name, reason] of Object.entries(expected)) {
      expect(got[name]?.state, `${name}: ${JSON.stringify(reasons[name])}`).toBe('error');
      expect(got[name]?.reason, name).toMatch(reason);
    }
    expect(got['invalid_datahash_E-dat-CA.jpg']?.state).toBe('tampered');

    // Bounded: one request per faulty URL, except the loop, which fetch() cuts at 20 redirects.
    const asked = (path: string) => seen.filter((s) => s.url === path && fromExtension(s)).length;
    for (const path of ['/net/404.jpg', '/net/500.jpg', '/net/hang.jpg', '/net/stall-mid-body.jpg'])
      expect(asked(path), path).toBe(1);
    expect(asked('/net/loop-a.jpg') + asked('/net/loop-b.jpg')).toBeLessThanOrEqual(21);
    // Nothing behind the non-HTTP redirects was reached: the worker is still the extension's and fine.
    expect(await h.browser.worker.evaluate(() => 1 + 1)).toBe(2);

    // …and a reload retries it: the server is fine now, and the true verdict shows (test certificate).
    await page.reload({ waitUntil: 'domcontentloaded' });
    const again = byFile(await settledItems(h.browser.worker, tabId, 12, 40_000));
    expect(again['flaky.jpg']?.state).toBe('unknown-signer');
    // The 404 is asked again too: errors are not remembered as answers.
    expect(asked('/net/404.jpg')).toBe(2);
    await page.close();
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------------------

/**
 * A JSON-RPC endpoint on 127.0.0.1 in front of the real devnet. The first path segment picks how it
 * misbehaves, so each fault has its own RPC URL (and the extension's cached chain parts, which are
 * versioned by URL, never mix them up):
 * - `/ok`: a transparent proxy;
 * - `/http-500`: every request fails with HTTP 500;
 * - `/hang`: every request is left unanswered;
 * - `/garbage-json`: `eth_call` answers are cut-off JSON;
 * - `/wrong-length`: `eth_call` answers `lookup` with one entry too many (well-formed ABI);
 * - `/future-record`: `eth_call` answers `lookup` with a record dated ten years ahead.
 * Every request is logged with its mode, method and body.
 */
async function startFakeRpc(upstream: string) {
  const log: Array<{ mode: string; method: string; body: string }> = [];
  const held: ServerResponse[] = [];
  const server = createServer(async (req, res) => {
    const mode = (req.url ?? '/').split('?')[0]?.split('/')[1] || 'ok';
    let body = '';
    for await (const chunk of req) body += chunk;
    let call: { id?: number; method?: string; params?: Array<{ data?: Hex }> } = {};
    try {
      call = JSON.parse(body);
    } catch {
      // Logged as is; the extension never sends a batch (batch: false), so one object per request.
    }
    log.push({ mode, method: call.method ?? '?', body });
    if (mode === 'http-500') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
    if (mode === 'hang') return void held.push(res);
    const reply = (result: unknown) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ jsonrpc: '2.0', id: call.id, result }));
    if (call.method === 'eth_call' && mode === 'garbage-json') {
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"jsonrpc":"2.0","result":[0x');
    }
    if (call.method === 'eth_call' && (mode === 'wrong-length' || mode === 'future-record')) {
      const { args } = decodeFunctionData({ abi: registryAbi, data: call.params?.[0]?.data ?? '0x' });
      const [hashes, registrants] = args as [readonly Hex[], readonly Hex[]];
      const cells = hashes.length * registrants.length;
      const future = Math.floor(Date.now() / 1000) + 10 * 365 * 24 * 3600;
      const packed =
        mode === 'wrong-length'
          ? Array.from({ length: cells + 1 }, () => 0n)
          : Array.from({ length: cells }, () => packEntry(future, 0, 0));
      const counts = hashes.map(() => BigInt(registrants.length));
      return reply(
        // encodeFunctionResult gives the bare ABI tuple, as eth_call returns it.
        JSON.parse(
          JSON.stringify(
            encodeFunctionResult({ abi: registryAbi, functionName: 'lookup', result: [packed, counts] }),
          ),
        ),
      );
    }
    const upstreamAnswer = await fetch(upstream, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    res
      .writeHead(upstreamAnswer.status, { 'content-type': 'application/json' })
      .end(await upstreamAnswer.text());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    log,
    close: () =>
      new Promise<void>((r) => {
        for (const res of held) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('registry (RPC) faults', () => {
  let h: Harness;
  let rpc: Awaited<ReturnType<typeof startFakeRpc>>;
  /** Cache key (SHA-256) of the image only the registry knows about, registered by a stranger. */
  const STRANGER_KEY = createHash('sha256').update(fixture('fixtures/c2pa/none_sample1.webp')).digest('hex');
  const devnetChain = (rpcUrl: string) => [{ id: 31337, name: 'Local devnet', rpcUrl, enabled: true }];

  beforeAll(async () => {
    h = await startHarness({ devnet: true });
    rpc = await startFakeRpc(h.devnet?.info.rpcUrl as string);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await rpc?.close();
  });

  /** Opens the page with the chain pointed at `rpcUrl`, and returns its settled items. */
  async function visit(rpcUrl: string, timeoutMs = 30_000) {
    await setSettings(h.browser.worker, { chains: devnetChain(rpcUrl) });
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/e2e/robustness/rpc-faults.html`;
    await page.goto(url);
    const items = byFile(
      await settledItems(h.browser.worker, await tabIdOf(h.browser.worker, url), 3, timeoutMs),
    );
    await page.close();
    return items;
  }

  // Why each fault ends as it does: lookup.ts maps transport failures to LookupError('rpc') and impossible
  // answers to LookupError('bad-response'); chain-evidence.ts turns either into state 'error' when nothing
  // was found elsewhere; verdict.ts shows that as "could not check", never as "no provenance".
  const FAULTS: Array<[string, RegExp, number]> = [
    ['http-500', /^Could not check: Local devnet: .*(HTTP|500|failed)/i, 30_000],
    // viem: 8 s timeout, one retry, for eth_getCode and eth_chainId: ~17 s.
    ['hang', /^Could not check: Local devnet: .*(time|took too long)/i, 60_000],
    ['garbage-json', /^Could not check: Local devnet: /, 30_000],
    [
      'wrong-length',
      /^Could not check: Local devnet: lookup returned \d+ entries and \d+ counts for/,
      30_000,
    ],
    ['future-record', /^Could not check: Local devnet: impossible record time/, 30_000],
  ];

  for (const [mode, reason, timeoutMs] of FAULTS) {
    it(
      `${mode}: "could not check" with the reason, C2PA still shown, bounded requests`,
      async () => {
        const before = rpc.log.length;
        const got = await visit(`${rpc.origin}/${mode}`, timeoutMs);
        // demo/seed.json: a stranger registered none_sample1.webp; only the exact lookup can find that.
        expect(got['none_sample1.webp']?.state, JSON.stringify(got['none_sample1.webp'])).toBe('error');
        expect(got['none_sample1.webp']?.reason).toMatch(reason);
        // none_A.jpg is the trusted publisher's: without a working lookup it is never "verified" (that needs
        // the exact record) and never "no provenance". If the local PDQ index was synced from the events
        // (the faults below corrupt eth_call only), it shows as a lead, "looks like", which is honest.
        const a = got['none_A.jpg'];
        expect(['error', 'registered'], JSON.stringify(a)).toContain(a?.state);
        if (a?.state === 'registered') expect(a.reason).toMatch(/^Looks like an image registered by/);
        else expect(a?.reason).toMatch(reason);
        // The registry failure hides nothing C2PA found (test certificate: unknown signer).
        expect(got['valid_C_c2pars.jpg']?.state).toBe('unknown-signer');
        const calls = rpc.log.slice(before).filter((c) => c.mode === mode);
        console.info(`rpc ${mode}: ${calls.length} requests: ${calls.map((c) => c.method).join(' ')}`);
        // Three images → at most a few lookups; each is eth_chainId + eth_getCode + eth_call with one retry
        // per request, plus the PDQ index sync (eth_chainId, eth_blockNumber, eth_getLogs). 16 allows all
        // of that twice over; a retry loop would blow through it.
        expect(calls.length).toBeGreaterThan(0);
        expect(calls.length).toBeLessThanOrEqual(16);
      },
      timeoutMs + 30_000,
    );
  }

  it('caches none of those failures as "no provenance": fixed RPC, reload, the true verdict', async () => {
    // The extension's own IndexedDB, read from one of its pages: the row of the stranger's image holds
    // the last fault's "could not check", not a "no provenance" that would stick for the chain part's hour.
    const ext = await openExtensionPage(h.browser.context, h.browser.extensionId);
    const row = await ext.evaluate(
      (key) =>
        new Promise<{ verdict?: string } | undefined>((resolve, reject) => {
          const open = indexedDB.open('origin-lens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('items').objectStore('items').get(key);
            get.onsuccess = () => {
              resolve(get.result);
              open.result.close();
            };
            get.onerror = () => reject(get.error);
          };
        }),
      STRANGER_KEY,
    );
    await ext.close();
    expect(row?.verdict).toBe('error');

    // Back on the real devnet, the truth: demo/seed.json registers none_A.jpg by the trusted publisher
    // and none_sample1.webp by a stranger.
    const got = await visit(h.devnet?.info.rpcUrl as string);
    expect(got['none_A.jpg']?.state).toBe('verified');
    expect(got['none_A.jpg']?.reason).toBe(
      'Registered by Origin Lens demo publisher (devnet) on Local devnet',
    );
    expect(got['none_sample1.webp']?.state).toBe('registered');
    expect(got['none_sample1.webp']?.reason).toBe('Registered by a party not on your trusted list');
  });
});

// ---------------------------------------------------------------------------------------------------------

type Corruption = 'forged-partial-row' | 'nested-evidence' | 'url-entry-without-key';

/**
 * Damages rows of the extension's real IndexedDB ('origin-lens', written by Dexie) from one of its own
 * pages, the only place that can reach it. Plain IndexedDB, so nothing of the extension's code runs.
 */
async function corrupt(
  ext: Page,
  edits: Array<{ kind: Corruption; key: string; url: string }>,
): Promise<void> {
  await ext.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('origin-lens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    for (const { kind, key, url } of list) {
      const tx = db.transaction(['items', 'urls'], 'readwrite');
      const items = tx.objectStore('items');
      if (kind === 'forged-partial-row') {
        // Half a row that claims the best verdict: what a torn or hand-edited write could leave.
        await done(items.put({ key, kind: 'image', verdict: 'verified', reason: 'forged' }));
      } else if (kind === 'nested-evidence') {
        // Top-level shape intact, fresh part stamps, but the C2PA evidence inside is garbage (a row from
        // a build with another evidence shape would look like this).
        const row = await done(items.get(key));
        if (!row) throw new Error(`no row ${key}`);
        await done(items.put({ ...row, evidence: { ...row.evidence, c2pa: { garbage: true } } }));
      } else {
        // A URL entry that never expires and names no content.
        await done(tx.objectStore('urls').put({ url, fetchedAt: 0, expiresAt: 8.64e15 }));
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, edits);
}

/**
 * The worker Chrome started after a stop: the one without the marker the old global carried (the old
 * Worker object may still be listed for a moment after its target went away).
 */
async function newWorker(context: BrowserContext): Promise<Worker> {
  for (;;) {
    const worker = await currentWorker(context);
    const marker = await worker
      .evaluate(() => (globalThis as { storageMarker?: number }).storageMarker)
      .catch(() => 'gone');
    if (marker === undefined) return worker;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('storage faults', () => {
  let h: Harness;
  const seen: Seen[] = [];
  let release: () => void = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  const sha256 = (path: string) => createHash('sha256').update(fixture(path)).digest('hex');

  beforeAll(async () => {
    h = await startHarness({
      routes: [
        tap(seen),
        (req, res) => {
          if (req.url !== '/held/in-flight.jpg') return;
          // Answered only once the test has stopped the worker: a check is surely in flight then.
          void held.then(() =>
            res
              .writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'no-store' })
              .end(fixture('fixtures/pdq/images/q1050.jpg')),
          );
          return true;
        },
      ],
    });
  }, 120_000);
  afterAll(async () => {
    release();
    await h?.close();
  });

  const extensionAsked = (path: string) => seen.filter((s) => s.url === path && fromExtension(s)).length;

  describe('corrupted rows are ignored and re-checked', () => {
    const CASES: Array<{ file: string; kind: Corruption | 'untouched'; verdict: string }> = [
      { file: 'invalid_datahash_E-dat-CA.jpg', kind: 'forged-partial-row', verdict: 'tampered' },
      { file: 'valid_C_c2pars.jpg', kind: 'nested-evidence', verdict: 'unknown-signer' },
      { file: 'ai_composite_firefly_photoshop.jpg', kind: 'url-entry-without-key', verdict: 'ai-generated' },
      { file: 'valid_boxhash.jpg', kind: 'untouched', verdict: 'unknown-signer' },
    ];
    let after: Record<string, PageItem>;
    const askedBefore = new Map<string, number>();

    beforeAll(async () => {
      const page = await h.browser.context.newPage();
      const url = `${h.server.origin}/e2e/robustness/storage.html`;
      await page.goto(url);
      const tabId = await tabIdOf(h.browser.worker, url);
      const first = byFile(await settledItems(h.browser.worker, tabId, CASES.length));
      // The starting point is right (fixtures/c2pa/SOURCES.md), so a wrong verdict later is the damage's.
      for (const c of CASES) expect(first[c.file]?.state, c.file).toBe(c.verdict);
      for (const c of CASES) askedBefore.set(c.file, extensionAsked(`/c2pa/${c.file}`));

      const ext = await openExtensionPage(h.browser.context, h.browser.extensionId);
      await corrupt(
        ext,
        CASES.filter((c) => c.kind !== 'untouched').map((c) => ({
          kind: c.kind as Corruption,
          key: sha256(`fixtures/c2pa/${c.file}`),
          url: `${h.server.origin}/c2pa/${c.file}`,
        })),
      );
      await ext.close();

      await page.reload();
      after = byFile(await settledItems(h.browser.worker, tabId, CASES.length));
      await page.close();
    }, 120_000);

    for (const c of CASES) {
      it(`${c.kind}: ${c.file} reads "${c.verdict}" again`, () => {
        expect(after[c.file]?.state, JSON.stringify(after[c.file])).toBe(c.verdict);
        const refetched = extensionAsked(`/c2pa/${c.file}`) - (askedBefore.get(c.file) ?? 0);
        // A damaged row is dropped and the image checked again from its bytes; an intact one is served
        // from the cache without a fetch.
        expect(refetched).toBe(c.kind === 'untouched' ? 0 : 1);
      });
    }
  });

  it('a worker stopped while checks are in flight loses none of the results it had confirmed', async () => {
    const page = await h.browser.context.newPage();
    const url = `${h.server.origin}/e2e/robustness/many.html`;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const worker = h.browser.worker;
    const tabId = await tabIdOf(worker, url);
    const total = 37;
    // Stop the worker as soon as a few results have arrived; the held image guarantees that at least
    // one check is still in flight at that moment.
    let confirmed: PageItem[] = [];
    for (;;) {
      const { items } = await listItems(worker, tabId).catch(() => ({ items: [] as PageItem[] }));
      // "Could not check" is never stored, by design (a failed check must be retried), so it is not a
      // confirmed result; under load one of these fetches can fail.
      confirmed = items.filter((i) => i.state !== 'pending' && i.state !== 'error' && i.url);
      if (confirmed.length >= 5) break;
    }
    // A marker on the old worker's global tells it apart from the one Chrome starts next.
    await worker.evaluate(() => {
      (globalThis as { storageMarker?: number }).storageMarker = 1;
    });
    await stopServiceWorkers(page);
    console.info(`storage: worker stopped with ${confirmed.length} of ${total} results confirmed`);
    const asked = new Map(
      confirmed.map((i) => [i.url as string, extensionAsked(new URL(i.url as string).pathname)]),
    );
    release();

    await page.reload({ waitUntil: 'domcontentloaded' });
    const fresh = await newWorker(h.browser.context);
    const items = byFile(await settledItems(fresh, tabId, total, 60_000));
    // Every confirmed verdict is back, identical, and none of those images was fetched again: they came
    // from IndexedDB, written before the result was sent.
    const lost: string[] = [];
    for (const item of confirmed) {
      const path = new URL(item.url as string).pathname;
      const now = items[path.split('/').pop() as string];
      if (now?.state !== item.state) lost.push(`${path}: ${item.state} → ${now?.state}`);
      if (extensionAsked(path) !== asked.get(item.url as string)) lost.push(`${path}: fetched again`);
    }
    expect(lost).toEqual([]);
    // The held image, in flight at the stop, was checked by the new worker.
    expect(items['in-flight.jpg']?.state).not.toBe('pending');
    await page.close();
  }, 120_000);
});
