/**
 * The registry contract against a real anvil (no mocks): storage packing, events, validation, revocation and the
 * griefing guarantees. Reported gas figures are printed (and bounded) here.
 */
import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  concat,
  encodeAbiParameters,
  type Hash,
  keccak256,
  parseEventLogs,
  toHex,
} from 'viem';
import {
  getBlock,
  getCode,
  getStorageAt,
  readContract,
  sendTransaction,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex32 } from '../lib/chain/hex32.ts';
import { registryAbi } from '../lib/chain/registry-abi.ts';
import { CREATE2_DEPLOYER, REGISTRY_ADDRESS, REGISTRY_V1 } from '../lib/chain/registry-address.ts';
import { MAX_BATCH, packEntry } from '../lib/chain/registry-entry.ts';
import { ANVIL_ACCOUNTS, startTestChain, type TestChain } from '../lib/chain/test-chain.ts';
import v1Artifact from './artifacts/origin-registry-v1.json' with { type: 'json' };

let chain: TestChain;
beforeAll(async () => {
  chain = await startTestChain();
});
afterAll(async () => {
  await chain?.stop();
});

let counter = 0;
/** A fresh, distinct content hash per call. */
const h = (label = ''): Hex32 => keccak256(toHex(`content-${label}-${counter++}`));
const ZERO: Hex32 = `0x${'0'.repeat(64)}`;

type Fn = 'register' | 'registerBatch' | 'revoke' | 'revokeBatch';
async function send(from: Address, functionName: Fn, args: readonly unknown[]): Promise<Hash> {
  const wallet = chain.wallet(from);
  // The ABI-level types are bypassed on purpose: these tests send malformed input for the contract to reject.
  const request = {
    address: REGISTRY_ADDRESS,
    abi: registryAbi,
    functionName,
    args,
    account: wallet.account,
    chain: wallet.chain,
  };
  const hash = await writeContract(wallet, request as unknown as Parameters<typeof writeContract>[1]);
  const receipt = await waitForTransactionReceipt(wallet, { hash });
  expect(receipt.status).toBe('success');
  return hash;
}

async function revertName(
  from: Address,
  functionName: Fn,
  args: readonly unknown[],
): Promise<string | undefined> {
  try {
    const request = { address: REGISTRY_ADDRESS, abi: registryAbi, functionName, args, account: from };
    await simulateContract(chain.client, request as unknown as Parameters<typeof simulateContract>[1]);
  } catch (e) {
    if (e instanceof BaseError) {
      const revert = e.walk((x) => x instanceof ContractFunctionRevertedError);
      if (revert instanceof ContractFunctionRevertedError) return revert.data?.errorName ?? 'unknown-revert';
    }
    throw e;
  }
  return undefined;
}

async function lookup(hashes: Hex32[], registrants: Address[]) {
  const [packed, counts] = await readContract(chain.client, {
    address: REGISTRY_ADDRESS,
    abi: registryAbi,
    functionName: 'lookup',
    args: [hashes, registrants],
  });
  return { packed: [...packed], counts: [...counts] };
}

async function receiptOf(hash: Hash) {
  const receipt = await waitForTransactionReceipt(chain.client, { hash });
  const block = await getBlock(chain.client, { blockNumber: receipt.blockNumber });
  return { receipt, time: block.timestamp, logs: parseEventLogs({ abi: registryAbi, logs: receipt.logs }) };
}

const { publisher, stranger, other } = ANVIL_ACCOUNTS;

describe('OriginRegistry', () => {
  it('exposes MAX_BATCH equal to the TypeScript constant', async () => {
    const max = await readContract(chain.client, {
      address: REGISTRY_ADDRESS,
      abi: registryAbi,
      functionName: 'MAX_BATCH',
    });
    expect(max).toBe(BigInt(MAX_BATCH));
  });

  it('registers one hash: packed entry, count and event', async () => {
    const hash = h('single');
    const manifest = h('manifest');
    const tx = await send(publisher, 'register', [hash, 0, 1, manifest, 'https://example.org/a.jpg']);
    const { time, logs } = await receiptOf(tx);
    const { packed, counts } = await lookup([hash], [publisher, stranger]);
    expect(packed).toEqual([packEntry(time, 0, 1), 0n]);
    expect(counts).toEqual([1n]);
    expect(logs).toHaveLength(1);
    expect(logs[0]?.eventName).toBe('Registered');
    expect(logs[0]?.args).toEqual({
      contentHash: hash,
      registrant: publisher,
      kind: 0,
      time,
      flags: 1,
      c2paManifestHash: manifest,
      uri: 'https://example.org/a.jpg',
    });
  });

  it('registers a batch (empty manifest array = none) and emits one event per item', async () => {
    const hashes = [h('b'), h('b'), h('b')];
    const tx = await send(publisher, 'registerBatch', [hashes, [0, 1, 2], [0, 1, 0], [], ['u0', 'u1', 'u2']]);
    const { time, logs } = await receiptOf(tx);
    const { packed, counts } = await lookup(hashes, [publisher]);
    expect(packed).toEqual([packEntry(time, 0, 0), packEntry(time, 1, 1), packEntry(time, 2, 0)]);
    expect(counts).toEqual([1n, 1n, 1n]);
    expect(
      logs.map((l) =>
        l.eventName === 'Registered' ? [l.args.kind, l.args.uri, l.args.c2paManifestHash] : null,
      ),
    ).toEqual([
      [0, 'u0', ZERO],
      [1, 'u1', ZERO],
      [2, 'u2', ZERO],
    ]);
  });

  it('lookup returns the hash-major matrix (hashes × registrants) and skips unregistered hashes', async () => {
    const [a, b, c] = [h('m'), h('m'), h('m')];
    const ta = (await receiptOf(await send(publisher, 'register', [a, 0, 0, ZERO, '']))).time;
    const tb = (await receiptOf(await send(stranger, 'register', [b, 2, 0, ZERO, '']))).time;
    const { packed, counts } = await lookup([a, b, c], [publisher, stranger]);
    expect(packed).toEqual([packEntry(ta, 0, 0), 0n, 0n, packEntry(tb, 2, 0), 0n, 0n]);
    expect(counts).toEqual([1n, 1n, 0n]);
    const empty = await lookup([a], []);
    expect(empty).toEqual({ packed: [], counts: [1n] });
  });

  it('re-registration keeps the first time, can add but not clear the AI flag, and does not raise the count', async () => {
    const hash = h('re');
    const first = (await receiptOf(await send(publisher, 'register', [hash, 1, 0, ZERO, 'v1']))).time;
    await chain.client.request({ method: 'evm_increaseTime' as never, params: [3600] as never });
    const second = await receiptOf(await send(publisher, 'register', [hash, 1, 1, ZERO, 'v2']));
    expect(second.time).toBeGreaterThan(first);
    expect((await lookup([hash], [publisher])).packed).toEqual([packEntry(first, 1, 1)]);
    await send(publisher, 'register', [hash, 1, 0, ZERO, 'v3']);
    expect(await lookup([hash], [publisher])).toEqual({ packed: [packEntry(first, 1, 1)], counts: [1n] });
    const log = second.logs[0];
    expect(log?.eventName === 'Registered' && [log.args.time, log.args.flags, log.args.uri]).toEqual([
      first,
      1,
      'v2',
    ]);
    expect(await revertName(publisher, 'register', [hash, 0, 0, ZERO, ''])).toBe('KindMismatch');
  });

  it('revokes only the caller’s own record; revocation is final', async () => {
    const hash = h('rev');
    const time = (await receiptOf(await send(publisher, 'register', [hash, 0, 1, ZERO, '']))).time;
    // A stranger has nothing to revoke, and has no way to name the publisher's record.
    expect(await revertName(stranger, 'revoke', [hash])).toBe('NotRegistered');
    const { logs } = await receiptOf(await send(publisher, 'revoke', [hash]));
    expect(logs[0]?.eventName).toBe('Revoked');
    expect(logs[0]?.args).toEqual({ contentHash: hash, registrant: publisher, kind: 0 });
    expect(await lookup([hash], [publisher])).toEqual({ packed: [packEntry(time, 0, 3)], counts: [1n] });
    expect(await revertName(publisher, 'revoke', [hash])).toBe('RecordRevoked');
    expect(await revertName(publisher, 'register', [hash, 0, 0, ZERO, ''])).toBe('RecordRevoked');
  });

  it('revokeBatch revokes several own records at once', async () => {
    const hashes = [h('rb'), h('rb')];
    await send(publisher, 'registerBatch', [hashes, [0, 0], [0, 0], [], []]);
    const { logs } = await receiptOf(await send(publisher, 'revokeBatch', [hashes]));
    expect(logs.map((l) => l.eventName)).toEqual(['Revoked', 'Revoked']);
    const { packed } = await lookup(hashes, [publisher]);
    expect(packed.every((p) => (p & 2n) === 2n)).toBe(true);
    expect(await revertName(publisher, 'revokeBatch', [[]])).toBe('EmptyBatch');
  });

  it('rejects bad input with custom errors', async () => {
    const a = h('bad');
    const b = h('bad');
    expect(await revertName(publisher, 'registerBatch', [[], [], [], [], []])).toBe('EmptyBatch');
    expect(await revertName(publisher, 'registerBatch', [[a, b], [0], [0, 0], [], []])).toBe(
      'LengthMismatch',
    );
    expect(await revertName(publisher, 'registerBatch', [[a, b], [0, 0], [0], [], []])).toBe(
      'LengthMismatch',
    );
    expect(await revertName(publisher, 'registerBatch', [[a, b], [0, 0], [0, 0], [ZERO], []])).toBe(
      'LengthMismatch',
    );
    expect(await revertName(publisher, 'registerBatch', [[a, b], [0, 0], [0, 0], [], ['x']])).toBe(
      'LengthMismatch',
    );
    const tooMany = Array.from({ length: MAX_BATCH + 1 }, () => h('many'));
    const zeros = tooMany.map(() => 0);
    expect(await revertName(publisher, 'registerBatch', [tooMany, zeros, zeros, [], []])).toBe(
      'BatchTooLarge',
    );
    expect(await revertName(publisher, 'register', [ZERO, 0, 0, ZERO, ''])).toBe('ZeroHash');
    expect(await revertName(publisher, 'register', [a, 4, 0, ZERO, ''])).toBe('InvalidKind');
    // The revoked bit cannot be set through register, nor any unknown bit.
    expect(await revertName(publisher, 'register', [a, 0, 2, ZERO, ''])).toBe('InvalidFlags');
    expect(await revertName(publisher, 'register', [a, 0, 0x80, ZERO, ''])).toBe('InvalidFlags');
    // One bad item fails the whole batch: nothing half-written.
    expect(await revertName(publisher, 'registerBatch', [[a, b], [0, 7], [0, 0], [], []])).toBe(
      'InvalidKind',
    );
    expect(
      await revertName(publisher, 'registerBatch', [
        tooMany.slice(0, MAX_BATCH),
        zeros.slice(1),
        zeros.slice(1),
        [],
        [],
      ]),
    ).toBeUndefined();
  });

  it('griefing: another registrant cannot hide or change the publisher’s record, only raise the count', async () => {
    const hash = h('grief');
    const time = (await receiptOf(await send(publisher, 'register', [hash, 0, 0, ZERO, 'real']))).time;
    // Same hash, other kind, AI flag, then revoked: all of it lands in the stranger's own slot.
    await send(stranger, 'register', [hash, 1, 1, ZERO, 'fake']);
    await send(stranger, 'register', [hash, 1, 1, ZERO, 'fake again']);
    await send(stranger, 'revoke', [hash]);
    await send(other, 'registerBatch', [[hash, hash], [2, 2], [1, 1], [], []]);
    const { packed, counts } = await lookup([hash], [publisher, stranger, other]);
    expect(packed[0]).toBe(packEntry(time, 0, 0));
    expect(packed[1]).not.toBe(0n);
    expect(counts).toEqual([3n]);
  });

  it('griefing: a stranger registering FIRST takes no slot or right from the publisher', async () => {
    const hash = h('first');
    await send(stranger, 'register', [hash, 0, 1, ZERO, 'squatter']);
    const time = (await receiptOf(await send(publisher, 'register', [hash, 0, 0, ZERO, 'real']))).time;
    await send(stranger, 'revoke', [hash]);
    expect(await revertName(stranger, 'register', [hash, 0, 0, ZERO, ''])).toBe('RecordRevoked');
    const { packed, counts } = await lookup([hash], [publisher, stranger]);
    expect(packed[0]).toBe(packEntry(time, 0, 0));
    expect((packed[1] ?? 0n) & 3n).toBe(3n);
    expect(counts).toEqual([2n]);
    // The publisher can still manage its own record.
    await send(publisher, 'revoke', [hash]);
    expect((await lookup([hash], [publisher])).packed).toEqual([packEntry(time, 0, 2)]);
  });

  it('the count saturates at 65535 instead of wrapping into the registrant bits', async () => {
    const hash = h('sat');
    await send(publisher, 'register', [hash, 0, 0, ZERO, '']);
    // heads is storage slot 0: force the count to its maximum, then add one more registrant.
    const slot = keccak256(encodeAbiParameters([{ type: 'bytes32' }, { type: 'uint256' }], [hash, 0n]));
    const head = await getStorageAt(chain.client, { address: REGISTRY_ADDRESS, slot });
    const saturated = toHex((BigInt(head ?? '0x0') & ~0xffffn) | 0xffffn, { size: 32 });
    await chain.client.request({
      method: 'anvil_setStorageAt' as never,
      params: [REGISTRY_ADDRESS, slot, saturated] as never,
    });
    await send(stranger, 'register', [hash, 0, 0, ZERO, '']);
    const { packed, counts } = await lookup([hash], [publisher, stranger]);
    expect(counts).toEqual([65535n]);
    expect(packed.every((p) => p !== 0n)).toBe(true);
  });

  it('gas: single registration and per hash in a batch of 100', async () => {
    const single = await receiptOf(await send(publisher, 'register', [h('gas'), 0, 0, ZERO, '']));
    const hashes = Array.from({ length: 100 }, () => h('gas100'));
    const zeros = hashes.map(() => 0);
    const batch = await receiptOf(await send(publisher, 'registerBatch', [hashes, zeros, zeros, [], []]));
    const perHash = Number(batch.receipt.gasUsed) / 100;
    console.log(
      `gas: single register ${single.receipt.gasUsed}, batch of 100 ${batch.receipt.gasUsed} (${perHash.toFixed(0)}/hash)`,
    );
    expect(single.receipt.gasUsed).toBeLessThan(80_000n);
    expect(perHash).toBeLessThan(30_000);
  });

  it('v2 accepts kind 3 (ISCC Text-Code: 64 bits in the high 8 bytes) with the same rules as every kind', async () => {
    const code: Hex32 = `0x${'9f'.repeat(8)}${'0'.repeat(48)}`;
    const { logs, time } = await receiptOf(
      await send(publisher, 'register', [code, 3, 1, ZERO, 'https://news.example/a']),
    );
    expect(logs[0]?.args).toMatchObject({ contentHash: code, kind: 3, flags: 1 });
    const { packed } = await lookup([code], [publisher]);
    expect(packed).toEqual([packEntry(time, 3, 1)]);
    expect(await revertName(publisher, 'register', [code, 2, 0, ZERO, ''])).toBe('KindMismatch');
  });
});

describe('OriginRegistry v1 (the previous version, kinds 0..2)', () => {
  it('still deploys at its own address under its own salt, and rejects kind 3 that v2 added', async () => {
    const wallet = chain.wallet(ANVIL_ACCOUNTS.deployer);
    const tx = await sendTransaction(wallet, {
      account: wallet.account,
      chain: wallet.chain,
      to: CREATE2_DEPLOYER,
      data: concat([REGISTRY_V1.salt, v1Artifact.bytecode as Hex32]),
    });
    await waitForTransactionReceipt(wallet, { hash: tx });
    expect((await getCode(chain.client, { address: REGISTRY_V1.address }))?.toLowerCase()).toBe(
      v1Artifact.deployedBytecode.toLowerCase(),
    );
    expect(REGISTRY_V1.address).not.toBe(REGISTRY_ADDRESS);
    const request = (kind: number) => ({
      address: REGISTRY_V1.address,
      abi: v1Artifact.abi as unknown as typeof registryAbi,
      functionName: 'register' as const,
      args: [h('v1'), kind, 0, ZERO, ''] as const,
      account: publisher,
    });
    await expect(
      simulateContract(chain.client, request(3) as unknown as Parameters<typeof simulateContract>[1]),
    ).rejects.toThrow(/InvalidKind/);
    await expect(
      simulateContract(chain.client, request(2) as unknown as Parameters<typeof simulateContract>[1]),
    ).resolves.toBeDefined();
  });
});
