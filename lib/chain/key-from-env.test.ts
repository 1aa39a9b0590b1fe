import { describe, expect, it } from 'vitest';
import { accountFromEnv, KeyError, keyArgument } from './key-from-env.ts';
import { ANVIL_ACCOUNTS, ANVIL_PUBLISHER_KEY } from './test-chain.ts';

describe('key from env', () => {
  it('reads ORIGIN_LENS_KEY, with or without 0x', () => {
    expect(accountFromEnv({ ORIGIN_LENS_KEY: ANVIL_PUBLISHER_KEY }).address).toBe(ANVIL_ACCOUNTS.publisher);
    expect(accountFromEnv({ ORIGIN_LENS_KEY: ` ${ANVIL_PUBLISHER_KEY.slice(2)}\n` }).address).toBe(
      ANVIL_ACCOUNTS.publisher,
    );
  });

  it('explains a missing or malformed key without echoing it', () => {
    expect(() => accountFromEnv({})).toThrow(KeyError);
    const bad = 'deadbeef-secret';
    try {
      accountFromEnv({ ORIGIN_LENS_KEY: bad });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain(bad);
    }
    expect(() => accountFromEnv({ ORIGIN_LENS_KEY: `0x${'f'.repeat(64)}` })).toThrow(/not a valid/);
  });

  it('spots keys passed as arguments, without repeating them', () => {
    expect(keyArgument(['a.jpg', '--ai'])).toBeUndefined();
    expect(keyArgument(['--key', 'x'])).toBe('option --key');
    expect(keyArgument(['--private-key=0xabc'])).toBe('option --private-key');
    expect(keyArgument(['a.jpg', ANVIL_PUBLISHER_KEY])).toBe('argument 2 (a 64-hex-digit value)');
    expect(keyArgument(['--uri', `${ANVIL_PUBLISHER_KEY.slice(2)}`])).toMatch(/^argument 2/);
    expect(keyArgument([`--rpc=${ANVIL_PUBLISHER_KEY}`])).toMatch(/^argument 1/);
  });
});
