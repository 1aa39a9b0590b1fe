import { describe, expect, it } from 'vitest';
import { anvilBinaryPath, startAnvil } from './anvil.ts';

async function chainId(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    });
    return Number.parseInt(((await res.json()) as { result: string }).result, 16);
  } catch {
    return undefined;
  }
}

describe('startAnvil', () => {
  it('starts two nodes on free ports, answers, and stops', async () => {
    const t0 = performance.now();
    const [a, b] = await Promise.all([startAnvil(), startAnvil({ chainId: 4242 })]);
    console.log(`two anvils up in ${(performance.now() - t0).toFixed(0)} ms`);
    try {
      expect(a.port).not.toBe(b.port);
      expect(a.rpcUrl).toBe(`http://127.0.0.1:${a.port}`);
      expect(await chainId(a.rpcUrl)).toBe(31337);
      expect(await chainId(b.rpcUrl)).toBe(4242);
      expect(b.chainId).toBe(4242);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(await chainId(a.rpcUrl)).toBeUndefined();
    await a.exited;
    await a.stop(); // idempotent
  });

  it('reports a node that cannot start (port taken)', async () => {
    const a = await startAnvil();
    try {
      await expect(startAnvil({ port: a.port, startTimeoutMs: 5000 })).rejects.toThrow(/anvil/);
    } finally {
      await a.stop();
    }
  });

  it('reports a missing binary', async () => {
    await expect(startAnvil({ binary: '/nonexistent/anvil' })).rejects.toThrow(/ENOENT/);
    expect(anvilBinaryPath()).toMatch(/anvil-linux-amd64\/bin\/anvil$/);
  });
});
