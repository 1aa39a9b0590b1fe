import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANVIL_PUBLISHER_KEY, startTestChain, type TestChain } from '../../lib/chain/test-chain.ts';
import { localeTranslate } from '../../lib/i18n/locale-file.ts';
import { renderReason } from '../../lib/i18n/render-reason.ts';
import type { CliIo } from '../cli-io.ts';
import { run as register } from './register.ts';
import { type VerifyOutput, run as verify } from './verify.ts';

/** `verify --json` against the real engine, real C2PA files and a real anvil where the publisher registered. */
const ROOT = join(import.meta.dirname, '../..');
let chain: TestChain;
let dir: string;
const PARAGRAPH = 'A paragraph the publisher registered, long enough to be a real quote from a real article.';

function io(env: Record<string, string> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, cwd: ROOT };
}

async function verifyJson(args: string[]): Promise<{ code: number; rows: VerifyOutput[] }> {
  const stream = io();
  const code = await verify([...args, '--json'], stream);
  return { code, rows: JSON.parse(stream.out.join('')) };
}

beforeAll(async () => {
  chain = await startTestChain();
  dir = await mkdtemp(join(tmpdir(), 'origin-lens-verify-'));
  await writeFile(join(dir, 'quote.txt'), `${PARAGRAPH}\n`);
  const stream = io({ ORIGIN_LENS_KEY: ANVIL_PUBLISHER_KEY });
  const code = await register(
    [
      'fixtures/c2pa/none_A.jpg',
      join(dir, 'quote.txt'),
      'fixtures/c2pa-realworld/sony_camera-video_cawg.mp4',
      '--rpc',
      chain.anvil.rpcUrl,
      '--uri',
      'https://news.example/a',
    ],
    stream,
  );
  expect(code, stream.err.join('')).toBe(0);
}, 120_000);
afterAll(async () => {
  await chain?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('origin-lens verify --json', () => {
  it('adds the signals, the classified failures, the signing list and the variant (issue 12)', async () => {
    const { rows } = await verifyJson([
      'fixtures/c2pa-realworld/google_genai_lady.png',
      'fixtures/c2pa-realworld/truepic_lens-ios_capture.jpg',
      'fixtures/c2pa-realworld/sony_camera-video_teletrax.mp4',
    ]);
    const [google, truepic, sony] = rows.map(
      (r) => r.c2pa as Record<string, unknown> & { failures: Record<string, Array<{ code: string }>> },
    );
    expect(google).toMatchObject({
      trust: 'trusted',
      trustList: 'official',
      signals: { label: 'Fully AI-generated' },
    });
    expect(rows[0]?.variant).toBeNull();
    // The Truepic binding is malformed by its writer: not a tamper failure.
    expect(truepic?.failures.tamper).toEqual([]);
    expect(truepic?.failures.malformed?.map((f) => f.code)).toContain('assertion.dataHash.mismatch');
    // Sony/Teletrax: the malformed action list is an earlier manifest's.
    expect(sony?.failures.ingredient?.map((f) => f.code)).toContain('assertion.action.malformed');
    expect(sony?.signingChain).toEqual(expect.any(Array));
  });

  it('reports C2PA evidence per file in the documented shape', async () => {
    const { code, rows } = await verifyJson([
      'fixtures/c2pa/ai_trained_genfill.jpg',
      'fixtures/c2pa/invalid_datahash_E-dat-CA.jpg',
      'fixtures/c2pa/valid_photoshop.png',
      'fixtures/c2pa/none_A.jpg',
    ]);
    expect(code).toBe(0);
    expect(rows.map((r) => [r.source.split('/').pop(), r.verdict])).toEqual([
      ['ai_trained_genfill.jpg', 'ai-generated'],
      ['invalid_datahash_E-dat-CA.jpg', 'tampered'],
      ['valid_photoshop.png', 'verified'],
      ['none_A.jpg', 'no-provenance'], // no --rpc: the registry was not asked
    ]);
    const ai = rows[0];
    expect(ai?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ai?.c2pa).toMatchObject({
      state: 'valid',
      trust: 'known',
      aiGenerated: true,
      signer: { issuer: 'Adobe Inc.' },
    });
    expect(rows[1]?.c2pa).toMatchObject({
      state: 'invalid',
      codes: expect.arrayContaining(['assertion.dataHash.mismatch']),
    });
    expect(rows[3]?.chain).toMatchObject({ state: 'disabled', records: [] });
  });

  it('chooses trust lists: without the interim list Adobe is an unknown signer', async () => {
    const { rows } = await verifyJson(['fixtures/c2pa/valid_photoshop.png', '--trust', 'official']);
    expect(rows[0]).toMatchObject({
      verdict: 'unknown-signer',
      c2pa: { state: 'valid', trust: 'untrusted' },
    });
  });

  it('lists on-chain records with registrant, transaction and URI when given --rpc', async () => {
    const { rows } = await verifyJson([
      'fixtures/c2pa/none_A.jpg',
      join(dir, 'quote.txt'),
      '--rpc',
      chain.anvil.rpcUrl,
    ]);
    const [image, text] = rows;
    expect(image?.verdict).toBe('verified');
    const record = ((image?.chain?.records ?? []) as Array<Record<string, unknown>>)[0];
    expect(record).toMatchObject({
      chainId: 31337,
      trusted: true,
      kind: 'sha256',
      match: 'exact',
      uri: 'https://news.example/a',
      registrantName: 'Origin Lens demo publisher (devnet)',
    });
    expect(record?.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(text).toMatchObject({ kind: 'text', verdict: 'verified' });
    expect(text?.sha256Collapsed).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies video and audio: kind, SHA-256, C2PA, and the exact on-chain record of a video', async () => {
    const { rows } = await verifyJson([
      'fixtures/c2pa-realworld/openai_sora_video.mp4',
      'fixtures/c2pa-realworld/truepic_lens-ios_audio.m4a',
      'fixtures/c2pa-realworld/sony_camera-video_cawg.mp4',
      '--rpc',
      chain.anvil.rpcUrl,
    ]);
    const [sora, audio, sony] = rows;
    expect(sora).toMatchObject({ kind: 'video', verdict: 'ai-generated', c2pa: { state: 'valid' } });
    expect(audio).toMatchObject({ kind: 'audio', verdict: 'verified' });
    expect(sora?.fingerprints).toMatchObject({ kind: 'image', media: 'video' });
    // The Sony video was registered by the demo publisher (beforeAll): the exact SHA-256 matches.
    expect(sony?.kind).toBe('video');
    const record = ((sony?.chain?.records ?? []) as Array<Record<string, unknown>>)[0];
    expect(record).toMatchObject({ kind: 'sha256', match: 'exact', trusted: true });
    expect(record?.contentHash).toBe(`0x${sony?.sha256}`);
  });

  it('says "error", never "no provenance", for what it could not read', async () => {
    await writeFile(join(dir, 'empty.jpg'), new Uint8Array());
    const { code, rows } = await verifyJson([join(dir, 'empty.jpg'), join(dir, 'missing.jpg')]);
    expect(code).toBe(1);
    expect(rows.map((r) => r.verdict)).toEqual(['error', 'error']);
    expect(rows[1]?.reason).toMatch(/^Could not check: /);
    expect(rows[1]).toMatchObject({ reasonCode: 'could-not-check', reasonParams: { kind: 'other' } });
    expect(rows[1]?.reason).toBe(`Could not check: ${rows[1]?.reasonParams?.error}`);
  });

  it('refuses a device or a directory at once instead of reading it forever', async () => {
    const { code, rows } = await verifyJson(['/dev/zero', dir]);
    expect(code).toBe(1);
    expect(rows.map((r) => [r.verdict, r.reason])).toEqual([
      ['error', 'Could not check: not a regular file: /dev/zero'],
      ['error', `Could not check: not a regular file: ${dir}`],
    ]);
  });

  it('gives each reason as a code and parameters beside its English words (issue 17)', async () => {
    const { rows } = await verifyJson([
      'fixtures/c2pa-realworld/google_genai_lady.png',
      'fixtures/c2pa/none_A.jpg',
      '--rpc',
      chain.anvil.rpcUrl,
    ]);
    const [google, registered] = rows;
    expect(google).toMatchObject({ verdict: 'ai-generated', reasonCode: 'ai' });
    expect(registered).toMatchObject({ verdict: 'verified', reasonCode: 'registered' });
    const [en, fr] = [await localeTranslate('en'), await localeTranslate('fr')];
    for (const row of rows) {
      // The code renders back to the very English the row carries, and to French for a French reader.
      expect(renderReason(row, en)).toBe(row.reason);
      expect(renderReason(row, fr)).not.toBe(row.reason);
    }
    expect(renderReason(registered ?? {}, fr)).toMatch(/^Enregistré par /);
  });
});
