import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getBlockNumber } from 'viem/actions';
import { afterEach, describe, expect, it } from 'vitest';
import { cappedRpcFetch, MAX_RPC_RESPONSE_BYTES } from './capped-rpc-fetch.ts';
import { createChainClient } from './create-chain-client.ts';

/** A server on this machine that answers every request with `answer`; counts what it managed to send. */
async function startServer(answer: (res: ServerResponse, sent: { bytes: number }) => void) {
  const sent = { bytes: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res, sent));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  servers.push(close);
  return { url, sent };
}

const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

/** Writes 1 MB chunks with backpressure until `total` bytes are sent or the client goes away. */
function stream(res: ServerResponse, sent: { bytes: number }, total: number) {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const more = () => {
    while (sent.bytes < total && !res.destroyed) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    if (!res.destroyed) res.end();
  };
  more();
}

describe('cappedRpcFetch', () => {
  it('gives the transport the answer as it came: status, headers and body', async () => {
    const { url } = await startServer((res) =>
      res.writeHead(500, { 'content-type': 'application/json', 'x-rpc': 'node-7' }).end('{"error":"busy"}'),
    );
    const response = await cappedRpcFetch(fetch, 5000)(url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-rpc')).toBe('node-7');
    expect(await response.json()).toEqual({ error: 'busy' });
  });

  it('keeps a body-less answer body-less', async () => {
    const { url } = await startServer((res) => res.writeHead(204).end());
    const response = await cappedRpcFetch(fetch, 5000)(url);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('refuses a declared length over the cap without reading it', async () => {
    const total = 64 * 1024 * 1024;
    const { url, sent } = await startServer((res, s) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(total) });
      stream(res, s, total);
    });
    await expect(cappedRpcFetch(fetch, 5000, 1000)(url)).rejects.toThrow(
      `the RPC answer is too large (${total} bytes, limit 1000)`,
    );
    expect(sent.bytes).toBeLessThan(total);
  });

  it('cuts off an endless answer that declares no length at the cap', async () => {
    const { url, sent } = await startServer((res, s) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      stream(res, s, Number.POSITIVE_INFINITY);
    });
    await expect(cappedRpcFetch(fetch, 5000, 4 * 1024 * 1024)(url)).rejects.toThrow(
      'the RPC answer is too large (over 4194304 bytes)',
    );
    expect(sent.bytes).toBeGreaterThan(4 * 1024 * 1024);
  });

  it('makes a lying endpoint’s oversized answer a failed call of the chain client, not a worker holding it', async () => {
    const { url } = await startServer((res, s) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      stream(res, s, MAX_RPC_RESPONSE_BYTES + 8 * 1024 * 1024);
    });
    const client = createChainClient({ id: 1, name: 'liar', rpcUrl: url, enabled: true }, { retryCount: 0 });
    await expect(getBlockNumber(client, { cacheTime: 0 })).rejects.toThrow(/the RPC answer is too large/);
  });
});
