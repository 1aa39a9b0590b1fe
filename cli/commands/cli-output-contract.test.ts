import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANVIL_PUBLISHER_KEY, startTestChain, type TestChain } from '../../lib/chain/test-chain.ts';
import { HashOutputSchema, VerifyOutputSchema } from '../../lib/schemas/cli-output-schemas.ts';

/**
 * The real CLI, run as a user runs it, against its published output contract: every row it prints must pass
 * the valibot schema and the committed JSON Schema (schemas/*.schema.json, checked with Ajv). The inputs
 * cover every C2PA fixture (conformance and real-world), text, a missing file, and registry records from a
 * real anvil.
 */
const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);
const PARAGRAPH = 'A paragraph the publisher registered, long enough to be a real quote from a real article.';
let chain: TestChain;
let dir: string;

async function cli(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'cli/origin-lens.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; code?: number }) => {
    // Exit code 1 is "some row could not be checked", still a full JSON answer; anything else is a failure.
    if (error.code !== 1 || !error.stdout) throw new Error(`CLI failed: ${error.stderr}`);
    return { stdout: error.stdout };
  });
  return stdout;
}

const ajv = new Ajv({ allErrors: true });
async function jsonSchema(path: string) {
  return ajv.compile(JSON.parse(await readFile(join(ROOT, path), 'utf8')));
}

function valibotIssues(schema: v.GenericSchema, rows: unknown): string[] {
  return (v.safeParse(schema, rows).issues ?? []).map((i) => `${v.getDotPath(i)}: ${i.message}`);
}

async function fixtures(folder: string): Promise<string[]> {
  return (await readdir(join(ROOT, folder)))
    .filter((f) => f !== 'SOURCES.md' && f.includes('.'))
    .map((f) => `${folder}/${f}`);
}

beforeAll(async () => {
  chain = await startTestChain();
  dir = await mkdtemp(join(tmpdir(), 'origin-lens-contract-'));
  await writeFile(join(dir, 'quote.txt'), `${PARAGRAPH}\n`);
  await writeFile(
    join(dir, 'page.html'),
    `<html><body><article><p>${PARAGRAPH}</p><p>${PARAGRAPH} Again.</p></article></body></html>`,
  );
  await cli(
    [
      'register',
      'fixtures/c2pa/none_A.jpg',
      join(dir, 'quote.txt'),
      '--rpc',
      chain.anvil.rpcUrl,
      '--uri',
      'https://news.example/a',
    ],
    { ORIGIN_LENS_KEY: ANVIL_PUBLISHER_KEY },
  );
}, 120_000);
afterAll(async () => {
  await chain?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('verify --json against its published schema', () => {
  it('every C2PA fixture, text, a missing file and registry records', async () => {
    const files = [
      ...(await fixtures('fixtures/c2pa')).filter((f) => !f.endsWith('.c2pa')),
      ...(await fixtures('fixtures/c2pa-realworld')),
      join(dir, 'quote.txt'),
      join(dir, 'missing.jpg'),
    ];
    const rows = JSON.parse(
      await cli(['verify', '--json', '--no-remote', '--rpc', chain.anvil.rpcUrl, ...files]),
    ) as Array<{
      verdict: string;
      chain?: { records: unknown[] };
    }>;
    expect(rows).toHaveLength(files.length);
    // The run covers what the contract describes: records from the chain, errors, and several verdicts.
    expect(rows.some((r) => (r.chain?.records.length ?? 0) > 0)).toBe(true);
    expect(rows.some((r) => r.verdict === 'error')).toBe(true);
    expect(new Set(rows.map((r) => r.verdict)).size).toBeGreaterThanOrEqual(5);

    expect(valibotIssues(VerifyOutputSchema, rows)).toEqual([]);
    const validate = await jsonSchema('schemas/verify-output.schema.json');
    expect(validate(rows), ajv.errorsText(validate.errors)).toBe(true);
  }, 300_000);

  it('the schemas reject a row that breaks the contract (so the checks above can fail)', async () => {
    const validate = await jsonSchema('schemas/verify-output.schema.json');
    const row = { source: 'a.jpg', verdict: 'verified', reason: 'Signed by X' };
    expect(validate([row])).toBe(true);
    for (const bad of [
      { source: 'a.jpg', reason: 'no verdict' },
      { ...row, verdict: 'great' },
      { ...row, sha256: 'XYZ' },
      { ...row, chain: { state: 'ok', records: [{ chainId: 1 }], otherRegistrations: 0, errors: [] } },
      { ...row, reasonParams: { n: [1] } },
    ]) {
      expect(validate([bad]), JSON.stringify(bad)).toBe(false);
      expect(v.is(VerifyOutputSchema, [bad]), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('hash --json against its published schema', () => {
  it('images, text, a page of paragraphs and a missing file', async () => {
    const images = (await fixtures('fixtures/c2pa-realworld')).filter((f) => /\.(jpe?g|png)$/.test(f));
    const rows = JSON.parse(
      await cli([
        'hash',
        '--json',
        '--text',
        PARAGRAPH,
        '--html',
        join(dir, 'page.html'),
        ...images,
        join(dir, 'missing.png'),
      ]),
    ) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1 + 2 + images.length + 1);
    expect(rows.filter((r) => 'pdq' in r).length).toBe(images.length);
    expect(rows.filter((r) => 'error' in r).length).toBe(1);

    expect(valibotIssues(HashOutputSchema, rows)).toEqual([]);
    const validate = await jsonSchema('schemas/hash-output.schema.json');
    expect(validate(rows), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate([{ source: 'x', sha256: 'ab'.repeat(32) }])).toBe(false);
    expect(v.is(HashOutputSchema, [{ source: 'x', sha256: 'ab'.repeat(32) }])).toBe(false);
  }, 120_000);
});
