import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REGISTRANTS,
  findTrustedRegistrant,
  parseRegistrant,
  parseRegistrants,
  registrantsForChain,
} from './registrants.ts';

const DEVNET_PUBLISHER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('registrants', () => {
  it('ships the devnet demo publisher (anvil #1) trusted on 31337 only: its key is public', () => {
    expect(DEFAULT_REGISTRANTS).toEqual([
      expect.objectContaining({ address: DEVNET_PUBLISHER, chains: [31337] }),
    ]);
    expect(registrantsForChain(DEFAULT_REGISTRANTS, 31337)).toEqual([DEVNET_PUBLISHER]);
    for (const id of [1, 8453, 10, 42161, 84532]) {
      expect(registrantsForChain(DEFAULT_REGISTRANTS, id)).toEqual([]);
      expect(findTrustedRegistrant(DEFAULT_REGISTRANTS, DEVNET_PUBLISHER, id)).toBeUndefined();
    }
  });

  it('matches addresses case-insensitively and per chain', () => {
    const list = parseRegistrants([
      { address: DEVNET_PUBLISHER.toLowerCase(), name: 'A', chains: [1, 10] },
      { address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', name: 'B', site: 'https://b.example' },
    ]);
    expect(list[0]?.address).toBe(DEVNET_PUBLISHER);
    expect(findTrustedRegistrant(list, DEVNET_PUBLISHER.toUpperCase().replace('0X', '0x'), 10)?.name).toBe(
      'A',
    );
    expect(findTrustedRegistrant(list, DEVNET_PUBLISHER, 8453)).toBeUndefined();
    expect(findTrustedRegistrant(list, '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc', 8453)?.site).toBe(
      'https://b.example',
    );
    expect(registrantsForChain([...list, ...list], 10)).toHaveLength(2);
  });

  it('drops malformed entries; a malformed chain list never widens trust', () => {
    expect(parseRegistrant({ address: '0x123', name: 'x' })).toBeNull();
    expect(parseRegistrant({ address: DEVNET_PUBLISHER, name: '' })).toBeNull();
    expect(parseRegistrant({ address: DEVNET_PUBLISHER, name: 'x', chains: '31337' })).toBeNull();
    expect(parseRegistrant({ address: DEVNET_PUBLISHER, name: 'x', chains: [31337, -1] })).toBeNull();
    expect(parseRegistrants('nope')).toEqual([]);
  });
});
