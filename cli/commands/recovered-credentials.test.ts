import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../../e2e/support/static-server.ts';
import { extractManifestStore } from '../../lib/c2pa/extract-manifest-store.ts';
import { ANVIL_PUBLISHER_KEY, startTestChain, type TestChain } from '../../lib/chain/test-chain.ts';
import { sha256Hex } from '../../lib/fingerprint/sha256.ts';
import type { CliIo } from '../cli-io.ts';
import { run as register } from './register.ts';
import { type VerifyOutput, run as verify } from './verify.ts';

/**
 * Issue 16 through the CLI: a publisher registers a signed Firefly/Photoshop image with its manifest store
 * (served from a local static host); a copy that went through a "platform" (re-encoded, resized, metadata
 * stripped, made here with sharp) has no credentials of its own, and `verify --rpc` recovers them from the
 * registry: fetched, checked against the on-chain hash, validated by the real engine.
 */
const ROOT = join(import.meta.dirname, '../..');
const ORIGINAL = 'fixtures/c2pa/ai_trained_genfill.jpg';
let chain: TestChain;
let dir: string;
let manifests: string;
let host: StaticServer;
let copy: string;

function io(env: Record<string, string> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, cwd: ROOT };
}

async function verifyJson(args: string[]): Promise<VerifyOutput[]> {
  const stream = io();
  await verify([...args, '--json'], stream);
  return JSON.parse(stream.out.join(''));
}

beforeAll(async () => {
  chain = await startTestChain();
  dir = await mkdtemp(join(tmpdir(), 'origin-lens-recover-'));
  manifests = join(dir, 'manifests');
  host = await startStaticServer({ '/c2pa/': manifests });
  copy = join(dir, 'stripped-copy.jpg');
  const original = await readFile(join(ROOT, ORIGINAL));
  // What a platform does: decode, resize to 1000 px wide, re-encode at quality 80; sharp drops all metadata
  // (APP1 XMP, APP11 JUMBF) unless asked to keep it.
  await writeFile(copy, await sharp(original).resize({ width: 1000 }).jpeg({ quality: 80 }).toBuffer());
  const stream = io({ ORIGIN_LENS_KEY: ANVIL_PUBLISHER_KEY });
  const code = await register(
    [
      ORIGINAL,
      '--rpc',
      chain.anvil.rpcUrl,
      '--manifests-out',
      manifests,
      '--manifest-base-url',
      `${host.origin}/c2pa/`,
      '--json',
    ],
    stream,
  );
  expect(code, stream.err.join('')).toBe(0);
}, 120_000);

afterAll(async () => {
  await chain?.stop();
  await host?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('register with a manifest store', { timeout: 120_000 }, () => {
  it('writes the store as <sha256>.c2pa and records its hash and URI with both hashes of the image', async () => {
    const store = extractManifestStore(new Uint8Array(await readFile(join(ROOT, ORIGINAL)))) as Uint8Array;
    const hash = await sha256Hex(store);
    expect(await readdir(manifests)).toEqual([`${hash}.c2pa`]);
    expect(new Uint8Array(await readFile(join(manifests, `${hash}.c2pa`)))).toEqual(store);
    const [row] = await verifyJson([ORIGINAL, '--rpc', chain.anvil.rpcUrl]);
    const records = (row as VerifyOutput & { chain: { records: Array<Record<string, unknown>> } }).chain
      .records;
    expect(records.find((r) => r.kind === 'sha256')).toMatchObject({
      c2paManifestHash: `0x${hash}`,
      uri: `${host.origin}/c2pa/${hash}.c2pa`,
      trusted: true,
    });
  });
});

describe('verify --rpc on a copy without credentials', { timeout: 120_000 }, () => {
  it('recovers the original’s Content Credentials from the registry, AI signal included, as a lead', async () => {
    const fetched = () =>
      [...host.hits].filter(([k]) => k.startsWith('/c2pa/')).reduce((n, [, v]) => n + v, 0);
    const before = fetched();
    const [row] = await verifyJson([copy, '--rpc', chain.anvil.rpcUrl]);
    expect(row?.c2pa).toMatchObject({ state: 'none' });
    const recovered = row?.recovered as {
      from: Record<string, unknown>;
      c2pa: Record<string, unknown>;
      unbound: string[];
    };
    expect(recovered.from).toMatchObject({
      chainId: 31337,
      registrantName: 'Origin Lens demo publisher (devnet)',
      match: 'perceptual',
    });
    expect(recovered.from.bits).toBeGreaterThan(0);
    expect(recovered.from.bits).toBeLessThanOrEqual(31);
    expect(recovered.c2pa).toMatchObject({
      state: 'valid',
      trust: 'known',
      aiGenerated: true,
      signer: { issuer: 'Adobe Inc.', commonName: 'cai-prod' },
      source: 'remote',
    });
    expect(recovered.unbound).toEqual(['assertion.dataHash.mismatch']);
    expect(row?.verdict).toBe('ai-generated');
    expect(row?.reason).toBe(
      `Looks like an AI-generated image (Content Credentials recovered from Origin Lens registry, ${recovered.from.bits} bits apart)`,
    );
    // The store was fetched from the publisher's host, and nothing else was asked of it.
    expect(fetched()).toBe(before + 1);
    expect([...host.hits.keys()].every((k) => k.startsWith('/c2pa/'))).toBe(true);
  });

  it('the unmodified original keeps its own embedded credentials (nothing recovered)', async () => {
    const [row] = await verifyJson([ORIGINAL, '--rpc', chain.anvil.rpcUrl]);
    expect(row?.c2pa).toMatchObject({ state: 'valid', source: 'embedded', aiGenerated: true });
    expect(row?.recovered).toBeNull();
    expect(row?.reason).toBe(
      'Edited with AI, declared by Adobe Inc., on the CAI legacy list (frozen January 2026)',
    );
  });

  it('a store that no longer matches the on-chain hash is refused, never shown', async () => {
    const [name] = await readdir(manifests);
    const path = join(manifests, name as string);
    const good = await readFile(path);
    const other = extractManifestStore(
      new Uint8Array(await readFile(join(ROOT, 'fixtures/c2pa/valid_photoshop.png'))),
    ) as Uint8Array;
    await writeFile(path, other);
    try {
      const [row] = await verifyJson([copy, '--rpc', chain.anvil.rpcUrl]);
      expect(row?.recovered).toBeNull();
      expect(row?.recoveryError).toMatch(/not the one registered on-chain/);
      expect(row?.verdict).toBe('registered');
      expect(row?.reason).toMatch(/^Looks like an image registered by Origin Lens demo publisher/);
    } finally {
      await writeFile(path, good);
    }
  });
});

describe('verify --rpc on lightly edited text', { timeout: 120_000 }, () => {
  it('gives the registered passage as a "similar-text" record and a lead', async () => {
    const original =
      'Strong winds brought down trees and power lines across the coast overnight, leaving about 14,000 homes without electricity on Monday morning.';
    await writeFile(join(dir, 'original.txt'), original);
    await writeFile(join(dir, 'edited.txt'), original.replace('Monday', 'Sunday'));
    const stream = io({ ORIGIN_LENS_KEY: ANVIL_PUBLISHER_KEY });
    expect(await register([join(dir, 'original.txt'), '--rpc', chain.anvil.rpcUrl], stream)).toBe(0);
    const [row] = await verifyJson([join(dir, 'edited.txt'), '--rpc', chain.anvil.rpcUrl]);
    const records = (row as VerifyOutput & { chain: { records: Array<Record<string, unknown>> } }).chain
      .records;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'iscc', match: 'similar-text', trusted: true });
    const bits = records[0]?.distance as number;
    expect(bits).toBeGreaterThan(0);
    expect(bits).toBeLessThanOrEqual(12);
    expect(row?.verdict).toBe('registered');
    expect(row?.reason).toBe(
      `Looks like a passage registered by Origin Lens demo publisher (devnet) (${bits} of 64 bits differ)`,
    );
  });
});
