/**
 * `origin-lens register <file>... [--ai] [--uri U] [--rpc URL] [--json]`: fingerprints files and registers the
 * hashes for the key in ORIGIN_LENS_KEY (never an argument), in batches.
 *
 * - Images: SHA-256 of the exact bytes (kind 0) and PDQ of the pixels (kind 1), computed exactly as the browser
 *   computes them (lib/fingerprint + the Node decoder that reproduces Chromium's pixels). A PDQ of quality < 50
 *   is not registered: viewers ignore such hashes, so it would cost gas and never match.
 * - Video and audio (MP4, MOV, M4A, WebM, MP3, WAV, … recognised by their bytes): SHA-256 of the exact bytes
 *   (kind 0), the hash the extension looks up for a video or audio file on a page.
 * - Text (.txt, .md, .markdown, .html, .htm): SHA-256 of the collapsed text (kind 2). For HTML the visible text
 *   of the document is used (tags, scripts, styles and comments removed, entities decoded); collapsing then
 *   removes whitespace and punctuation, so markup layout does not matter.
 * - All files are fingerprinted before anything is sent: one unreadable file aborts the run with nothing
 *   registered, instead of leaving a half-registered set.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { registryDeployed } from '../../lib/chain/deploy-registry.ts';
import type { Hex32 } from '../../lib/chain/hex32.ts';
import { toHex32 } from '../../lib/chain/hex32.ts';
import { accountFromEnv, KEY_ARGUMENT_REFUSED, KeyError, keyArgument } from '../../lib/chain/key-from-env.ts';
import { type RegisterItem, registerContent } from '../../lib/chain/register-content.ts';
import { REGISTRY_ADDRESS } from '../../lib/chain/registry-address.ts';
import { KIND_PDQ, KIND_SHA256, KIND_TEXT, type KindCode } from '../../lib/chain/registry-entry.ts';
import { connectRpc, DEVNET_RPC_URL, walletFor } from '../../lib/chain/rpc-connection.ts';
import {
  fingerprintImage,
  fingerprintText,
  PDQ_MIN_QUALITY,
  sniffImageType,
} from '../../lib/fingerprint/index.ts';
import { fingerprintMedia, mediaKindOf } from '../../lib/media/media-kind.ts';
import type { CliCommand } from '../cli-io.ts';
import { decodeImageNode } from '../decode-image-node.ts';

const USAGE = `Usage: origin-lens register <file>... [--ai] [--uri U] [--rpc URL] [--json]
  Registers images (SHA-256 + PDQ), video and audio files (SHA-256) and text files (.txt .md .html:
  SHA-256 of the collapsed text).
  --ai        declare the content AI-generated
  --uri U     a URI stored in the registration event (e.g. the canonical page)
  --rpc URL   JSON-RPC endpoint (default ${DEVNET_RPC_URL})
  --json      machine-readable output
  The registrant's key is read from ORIGIN_LENS_KEY; it is never accepted as an argument.`;

export const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);

export interface FileFingerprint {
  file: string;
  type: 'image' | 'text' | 'video' | 'audio';
  sha256?: Hex32;
  pdq?: Hex32;
  pdqQuality?: number;
  /** Why no PDQ record is registered for this image. */
  pdqSkipped?: string;
  sha256Collapsed?: Hex32;
  items: Array<{ hash: Hex32; kind: KindCode }>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Visible text of an HTML document, good enough for the collapsed-text hash (which drops layout anyway). */
export function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code =
          e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

/** Fingerprints one file for registration (also used by `devnet` to seed). Throws with a readable reason. */
export async function fingerprintFile(
  path: string,
  displayName: string = basename(path),
): Promise<FileFingerprint> {
  const bytes = new Uint8Array(await readFile(path));
  const ext = extname(path).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext)) {
    const raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const f = await fingerprintText(ext === '.html' || ext === '.htm' ? htmlText(raw) : raw);
    const hash = toHex32(f.sha256Collapsed);
    return { file: displayName, type: 'text', sha256Collapsed: hash, items: [{ hash, kind: KIND_TEXT }] };
  }
  const media = sniffImageType(bytes) ? undefined : mediaKindOf(bytes);
  if (media) {
    const sha256 = toHex32((await fingerprintMedia(bytes, media)).sha256);
    return { file: displayName, type: media, sha256, items: [{ hash: sha256, kind: KIND_SHA256 }] };
  }
  if (!sniffImageType(bytes)) {
    throw new Error(
      `not an image, video or audio file, and not a text file (${[...TEXT_EXTENSIONS].join(' ')})`,
    );
  }
  const f = await fingerprintImage(bytes, '', decodeImageNode);
  const sha256 = toHex32(f.sha256);
  const out: FileFingerprint = {
    file: displayName,
    type: 'image',
    sha256,
    items: [{ hash: sha256, kind: KIND_SHA256 }],
  };
  if (f.pdq) {
    out.pdq = toHex32(f.pdq.hash);
    out.pdqQuality = f.pdq.quality;
    if (f.pdq.quality >= PDQ_MIN_QUALITY) out.items.push({ hash: out.pdq, kind: KIND_PDQ });
    else
      out.pdqSkipped = `PDQ quality ${f.pdq.quality} is below ${PDQ_MIN_QUALITY}: viewers would never match it`;
  } else {
    out.pdqSkipped = f.pdqError ?? 'no perceptual hash';
  }
  return out;
}

const firstLine = (e: unknown): string => (e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e));

export const run: CliCommand = async (argv, io) => {
  const keyArg = keyArgument(argv);
  if (keyArg) {
    io.stderr(`origin-lens register: refused ${keyArg}: ${KEY_ARGUMENT_REFUSED}`);
    return 2;
  }
  let values: { ai?: boolean; uri?: string; rpc?: string; json?: boolean; help?: boolean };
  let files: string[];
  try {
    ({ values, positionals: files } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ai: { type: 'boolean' },
        uri: { type: 'string' },
        rpc: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    io.stderr(`origin-lens register: ${firstLine(e)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (files.length === 0) {
    io.stderr(`origin-lens register: no files given\n${USAGE}`);
    return 2;
  }
  // The key is checked first: no point fingerprinting a thousand files to then fail on a typo in the key.
  let account: ReturnType<typeof accountFromEnv>;
  try {
    account = accountFromEnv(io.env);
  } catch (e) {
    io.stderr(`origin-lens register: ${firstLine(e)}`);
    return 2;
  }

  const fingerprints: FileFingerprint[] = [];
  const failures: Array<{ file: string; error: string }> = [];
  for (const file of files) {
    try {
      fingerprints.push(await fingerprintFile(resolve(io.cwd, file), file));
    } catch (e) {
      failures.push({ file, error: firstLine(e) });
    }
  }
  if (failures.length > 0) {
    for (const f of failures) io.stderr(`origin-lens register: ${f.file}: ${f.error}`);
    io.stderr('origin-lens register: nothing registered');
    if (values.json)
      io.stdout(JSON.stringify({ registered: 0, files: fingerprints, errors: failures }, null, 2));
    return 1;
  }

  try {
    const connection = await connectRpc(values.rpc ?? DEVNET_RPC_URL);
    if (!(await registryDeployed(connection.client))) {
      throw new Error(
        `the registry is not deployed on chain ${connection.chain.id}; run: origin-lens deploy --rpc ${connection.chain.rpcUrl}`,
      );
    }
    const items: RegisterItem[] = fingerprints.flatMap((f) =>
      f.items.map((i) => ({
        ...i,
        ...(values.ai ? { aiGenerated: true } : {}),
        ...(values.uri ? { uri: values.uri } : {}),
      })),
    );
    const transactions: Array<{ txHash: string; items: number; gasUsed: string }> = [];
    const result = await registerContent(walletFor(connection, account), items, {
      onTransaction: (t) => {
        transactions.push({ txHash: t.txHash, items: t.items, gasUsed: String(t.gasUsed) });
        if (!values.json) io.stderr(`  tx ${t.txHash}: ${t.items} hash(es), gas ${t.gasUsed}`);
      },
    });
    const summary = {
      chainId: connection.chain.id,
      registry: REGISTRY_ADDRESS,
      registrant: account.address,
      aiGenerated: Boolean(values.ai),
      ...(values.uri ? { uri: values.uri } : {}),
      registered: result.items,
      gasUsed: String(result.gasUsed),
      files: fingerprints,
      transactions,
    };
    if (values.json) {
      io.stdout(JSON.stringify(summary, null, 2));
    } else {
      for (const f of fingerprints) {
        const lines = [f.file];
        if (f.sha256) lines.push(`  sha256      ${f.sha256}`);
        if (f.pdq)
          lines.push(
            `  pdq         ${f.pdq} (quality ${f.pdqQuality})${f.pdqSkipped ? ' not registered' : ''}`,
          );
        if (f.pdqSkipped) lines.push(`  note        ${f.pdqSkipped}`);
        if (f.sha256Collapsed) lines.push(`  text        ${f.sha256Collapsed}`);
        io.stdout(lines.join('\n'));
      }
      io.stdout(
        `Registered ${result.items} hash(es) for ${account.address} on chain ${connection.chain.id} in ${transactions.length} transaction(s), gas ${result.gasUsed}`,
      );
    }
    return 0;
  } catch (e) {
    io.stderr(`origin-lens register: ${firstLine(e)}`);
    return e instanceof KeyError ? 2 : 1;
  }
};
