/**
 * A tiny counting proxy in front of anvil: the extension's chain setting points here, so every JSON-RPC
 * request it makes is seen, timed and decoded (method; for the registry's `lookup`, how many hashes).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeFunctionData, type Hex } from 'viem';
import { registryAbi } from '../../lib/chain/registry-abi.ts';

export interface RpcRequestLog {
  /** Epoch ms when the request arrived. */
  at: number;
  methods: string[];
  /** Hashes asked in an eth_call to `lookup` (0 for other calls). */
  hashes: number;
}

export interface RpcProxy {
  url: string;
  log: RpcRequestLog[];
  reset: () => void;
  close: () => Promise<void>;
}

function lookupHashes(call: { method?: string; params?: Array<{ data?: Hex; input?: Hex }> }): number {
  if (call.method !== 'eth_call') return 0;
  const data = call.params?.[0]?.data ?? call.params?.[0]?.input;
  if (!data) return 0;
  try {
    const decoded = decodeFunctionData({ abi: registryAbi, data });
    return decoded.functionName === 'lookup' ? (decoded.args[0] as readonly Hex[]).length : 0;
  } catch {
    return 0;
  }
}

export async function startRpcProxy(target: string): Promise<RpcProxy> {
  const log: RpcRequestLog[] = [];
  const server = createServer(async (req, res) => {
    const at = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (req.method === 'OPTIONS') {
      // Host permissions exempt the extension from CORS, so a preflight would be news: count it.
      log.push({ at, methods: ['(preflight)'], hashes: 0 });
      res
        .writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': 'content-type',
          'access-control-allow-methods': 'POST',
        })
        .end();
      return;
    }
    if (req.method === 'POST') {
      try {
        const parsed = JSON.parse(body.toString('utf8')) as unknown;
        const calls = (Array.isArray(parsed) ? parsed : [parsed]) as Array<
          Parameters<typeof lookupHashes>[0]
        >;
        log.push({
          at,
          methods: calls.map((c) => String(c.method)),
          hashes: calls.reduce((n, c) => n + lookupHashes(c), 0),
        });
      } catch {
        log.push({ at, methods: ['(unparsable)'], hashes: 0 });
      }
    }
    try {
      const upstream = await fetch(target, {
        method: req.method,
        headers: { 'content-type': 'application/json' },
        body: req.method === 'POST' ? body : undefined,
      });
      const reply = Buffer.from(await upstream.arrayBuffer());
      // The extension calls from its own origin: answer CORS as public RPC endpoints do.
      res.writeHead(upstream.status, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        'access-control-allow-headers': 'content-type',
      });
      res.end(reply);
    } catch (error) {
      res.writeHead(502).end(String(error));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    reset: () => {
      log.length = 0;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
