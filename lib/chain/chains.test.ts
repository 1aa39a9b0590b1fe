import { describe, expect, it } from 'vitest';
import defaults from '../../public/chains.json' with { type: 'json' };
import {
  DEFAULT_CHAINS,
  enabledChains,
  explorerTxUrl,
  parseChainConfig,
  parseChainConfigs,
} from './chains.ts';

describe('chains', () => {
  it('ships every chain disabled: enabling one is the user’s choice of who sees the hashes', () => {
    expect(DEFAULT_CHAINS).toHaveLength(defaults.length);
    expect(DEFAULT_CHAINS.map((c) => [c.id, c.enabled])).toEqual([
      [1, false],
      [8453, false],
      [10, false],
      [42161, false],
      [84532, false],
      [31337, false],
    ]);
    expect(enabledChains(DEFAULT_CHAINS)).toEqual([]);
    expect(DEFAULT_CHAINS.find((c) => c.id === 31337)?.rpcUrl).toBe('http://127.0.0.1:8545');
    for (const c of DEFAULT_CHAINS.filter((x) => x.id !== 31337)) expect(c.rpcUrl).toMatch(/^https:\/\//);
  });

  it('drops invalid entries and repeated ids', () => {
    const ok = {
      id: 10,
      name: 'OP',
      rpcUrl: 'https://x.example/rpc',
      enabled: true,
      explorerUrl: 'https://e.example/',
    };
    expect(
      parseChainConfigs([
        ok,
        { ...ok, name: 'dup' },
        { ...ok, id: 0 },
        { ...ok, id: 1.5 },
        { ...ok, id: 2, rpcUrl: 'javascript:alert(1)' },
        { ...ok, id: 3, rpcUrl: 'wss://x' },
        { ...ok, id: 4, name: ' ' },
        null,
        'x',
      ]),
    ).toEqual([
      {
        id: 10,
        name: 'OP',
        rpcUrl: 'https://x.example/rpc',
        enabled: true,
        explorerUrl: 'https://e.example',
      },
    ]);
    expect(parseChainConfigs({})).toEqual([]);
    expect(
      parseChainConfig({ id: 5, name: 'n', rpcUrl: 'http://127.0.0.1:1', enabled: 'yes' })?.enabled,
    ).toBe(false);
  });

  it('builds explorer links only when the chain has an explorer', () => {
    const [eth] = DEFAULT_CHAINS;
    expect(eth && explorerTxUrl(eth, '0xabc')).toBe('https://etherscan.io/tx/0xabc');
    expect(
      explorerTxUrl({ id: 31337, name: 'dev', rpcUrl: 'http://127.0.0.1:8545', enabled: true }, '0x1'),
    ).toBeUndefined();
  });
});
