/**
 * `origin-lens register <file>... [--ai] [--uri U] [--rpc URL] [--json]`: fingerprints files and registers the
 * hashes for the key in ORIGIN_LENS_KEY (never an argument), in batches.
 *
 * - Images: SHA-256 of the exact bytes (kind 0) and PDQ of the pixels (kind 1), computed exactly as the browser
 *   computes them (lib/fingerprint + the Node decoder that reproduces Chromium's pixels). A PDQ of quality < 50
 *   is not registered: viewers ignore such hashes, so it would cost gas and never match.
 * - Video and audio (MP4, MOV, M4A, WebM, MP3, WAV, … recognised by their bytes): SHA-256 of the exact bytes
 *   (kind 0), the hash the extension looks up for a video or audio file on a page.
 * - Text (.txt, .md, .markdown): SHA-256 of the collapsed text (kind 2). HTML (.html, .htm): one such hash per
 *   paragraph, split exactly as the extension splits the page (lib/scan/text-blocks.ts, on linkedom), so each
 *   registered paragraph is found again where the page is read.
 * - All files are fingerprinted before anything is sent: one unreadable file aborts the run with nothing
 *   registered, instead of leaving a half-registered set.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { formatEther, formatGwei, parseGwei } from 'viem';
import { extractManifestStore } from '../../lib/c2pa/extract-manifest-store.ts';
import { registryDeployed } from '../../lib/chain/deploy-registry.ts';
import { estimateRegisterGas } from '../../lib/chain/estimate-register-gas.ts';
import type { Hex32 } from '../../lib/chain/hex32.ts';
import { toHex32 } from '../../lib/chain/hex32.ts';
import { isccKey } from '../../lib/chain/iscc-key.ts';
import { accountFromEnv, KeyError } from '../../lib/chain/key-from-env.ts';
import {
  batchesOf,
  type RegisterItem,
  registerContent,
  uniqueItems,
} from '../../lib/chain/register-content.ts';
import { REGISTRY_ADDRESS } from '../../lib/chain/registry-address.ts';
import {
  KIND_ISCC,
  KIND_PDQ,
  KIND_SHA256,
  KIND_TEXT,
  type KindCode,
  MAX_BATCH,
} from '../../lib/chain/registry-entry.ts';
import { connectRpc, DEVNET_RPC_URL, walletFor } from '../../lib/chain/rpc-connection.ts';
import { fingerprintImage } from '../../lib/fingerprint/fingerprint-image.ts';
import { blankTextReason, fingerprintText } from '../../lib/fingerprint/fingerprint-text.ts';
import { PDQ_MIN_QUALITY } from '../../lib/fingerprint/hamming.ts';
import { sniffImageType } from '../../lib/fingerprint/image-type.ts';
import { sha256Hex } from '../../lib/fingerprint/sha256.ts';
import { fingerprintMedia, mediaKindOf } from '../../lib/media/media-kind.ts';
import { decodeImageNode } from '../../lib/node/decode-image-node.ts';
import { MAX_LOCAL_FILE_BYTES, readLocalFile } from '../../lib/node/read-local-file.ts';
import { findTextBlocks } from '../../lib/scan/text-blocks.ts';
import type { CliCommand } from '../cli-io.ts';
import { fail, firstLine, intOption, parseCommandArgs } from '../command-args.ts';
import { progressBar } from '../progress-bar.ts';
import {
  itemKey,
  loadRegisterState,
  type RegisterState,
  rememberFingerprint,
  saveRegisterState,
  storedFingerprint,
} from '../register-state.ts';

const USAGE = `Usage: origin-lens register <file>... [--ai] [--uri U] [--manifests-out DIR] [--manifest-base-url URL] [--rpc URL] [--json]
  Registers images (SHA-256 + PDQ), video and audio files (SHA-256), text files (.txt .md: SHA-256 of the
  collapsed text + ISCC Text-Code) and the paragraphs of HTML pages (.html: one hash per paragraph, split as
  the extension splits the page).
  A C2PA-signed image also records the SHA-256 of its manifest store, so stripped copies can recover it.
  --ai        declare the content AI-generated
  --uri U     a URI stored in the registration event (e.g. the canonical page)
  --manifests-out DIR       write each image's manifest store to DIR/<sha256>.c2pa (to publish on any static host)
  --manifest-base-url URL   record URL/<sha256>.c2pa as the URI of images with a manifest store
  --batch-size N            hashes per transaction (1..256, default 256)
  --state FILE              resumable run: fingerprints and mined batches are saved in FILE; run again to resume
  --dry-run                 print the transactions and gas it would take, send nothing (no key needed)
  --gas-price GWEI          with --dry-run: also print the cost
  --rpc URL   JSON-RPC endpoint (default ${DEVNET_RPC_URL})
  --json      machine-readable output
  The registrant's key is read from ORIGIN_LENS_KEY; it is never accepted as an argument.`;

/** Runs this long show a progress bar on stderr. */
const PROGRESS_FROM = 20;
/** Who a dry run without a key estimates for: any address that registered nothing costs the same. */
const DRY_RUN_SENDER = '0x000000000000000000000000000000000000dEaD';

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
  /** ISCC Text-Code of a text file ("ISCC:…"). */
  isccText?: string;
  /** SHA-256 of the image's C2PA manifest store, when it has one. */
  c2paManifestHash?: Hex32;
  /** Size of that store in bytes. */
  c2paManifestBytes?: number;
  /** HTML: the paragraphs registered, in page order. */
  blocks?: Array<{ sha256Collapsed: Hex32; characters: number; preview: string }>;
  items: Array<{ hash: Hex32; kind: KindCode }>;
}

/** The manifest stores of these files, as `<hash>.c2pa` in `dir` (what a publisher uploads to its static host). */
export async function writeManifestStores(paths: string[], dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  let written = 0;
  for (const path of paths) {
    const store = extractManifestStore(await readLocalFile(path, MAX_LOCAL_FILE_BYTES));
    if (!store) continue;
    await writeFile(join(dir, `${await sha256Hex(store)}.c2pa`), store);
    written++;
  }
  return written;
}

/** Fingerprints one file for registration (also used by `devnet` to seed). Throws with a readable reason. */
export async function fingerprintFile(
  path: string,
  displayName: string = basename(path),
): Promise<FileFingerprint> {
  const bytes = await readLocalFile(path, MAX_LOCAL_FILE_BYTES);
  const ext = extname(path).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext)) {
    const raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (ext === '.html' || ext === '.htm') return fingerprintHtml(raw, displayName);
    // A blank text's hash is shared by every blank text: registering it would claim them all.
    const blank = blankTextReason(raw);
    if (blank) throw new Error(blank);
    const f = await fingerprintText(raw);
    const hash = toHex32(f.sha256Collapsed);
    const iscc = isccKey(f.isccTextHex);
    return {
      file: displayName,
      type: 'text',
      sha256Collapsed: hash,
      isccText: f.isccText,
      // The exact text (kind 2) and its ISCC Text-Code (kind 3), so lightly edited copies match as leads.
      items: [
        { hash, kind: KIND_TEXT },
        { hash: iscc, kind: KIND_ISCC },
      ],
    };
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
  const store = extractManifestStore(bytes);
  if (store) {
    out.c2paManifestHash = toHex32(await sha256Hex(store));
    out.c2paManifestBytes = store.length;
  }
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

/** The registry items of one file: the manifest hash and its URI go with every hash of a signed image. */
export function registerItems(
  f: FileFingerprint,
  options: { ai?: boolean; uri?: string; 'manifest-base-url'?: string },
): RegisterItem[] {
  const base = options['manifest-base-url']?.replace(/\/+$/, '');
  const uri = f.c2paManifestHash && base ? `${base}/${f.c2paManifestHash.slice(2)}.c2pa` : options.uri;
  return f.items.map((i) => ({
    ...i,
    ...(options.ai ? { aiGenerated: true } : {}),
    ...(uri ? { uri } : {}),
    ...(f.c2paManifestHash ? { c2paManifestHash: f.c2paManifestHash } : {}),
  }));
}

/** The paragraphs of an HTML page, as the extension finds them, each with its collapsed-text key. */
export async function htmlBlockFingerprints(html: string): Promise<NonNullable<FileFingerprint['blocks']>> {
  const blocks = findTextBlocks(parseHTML(html).document);
  return Promise.all(
    blocks.map(async (b) => {
      const f = await fingerprintText(b.text, { iscc: false });
      return {
        sha256Collapsed: toHex32(f.sha256Collapsed),
        characters: f.characters,
        preview: b.text.slice(0, 60),
      };
    }),
  );
}

async function fingerprintHtml(html: string, displayName: string): Promise<FileFingerprint> {
  const blocks = await htmlBlockFingerprints(html);
  if (blocks.length === 0) throw new Error('no paragraphs found in this HTML page');
  const items = [...new Set(blocks.map((b) => b.sha256Collapsed))].map((hash) => ({
    hash,
    kind: KIND_TEXT as KindCode,
  }));
  return {
    file: displayName,
    type: 'text',
    ...(blocks.length === 1 ? { sha256Collapsed: blocks[0]?.sha256Collapsed } : {}),
    blocks,
    items,
  };
}

export const run: CliCommand = async (argv, io) => {
  const args = parseCommandArgs(argv, io, {
    command: 'register',
    usage: USAGE,
    refuseKeyArgument: true,
    options: {
      ai: { type: 'boolean' },
      uri: { type: 'string' },
      'manifests-out': { type: 'string' },
      'batch-size': { type: 'string' },
      state: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'gas-price': { type: 'string' },
      'manifest-base-url': { type: 'string' },
      rpc: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (args.exit !== undefined) return args.exit;
  const { values, positionals: files } = args;
  if (files.length === 0) {
    io.stderr(`origin-lens register: no files given\n${USAGE}`);
    return 2;
  }
  // The key is checked first: no point fingerprinting a thousand files to then fail on a typo in the key.
  // A dry run sends nothing, so it may go without one (gas is then estimated for a fresh registrant).
  const dryRun = Boolean(values['dry-run']);
  let account: ReturnType<typeof accountFromEnv> | undefined;
  try {
    if (!dryRun || io.env.ORIGIN_LENS_KEY) account = accountFromEnv(io.env);
  } catch (e) {
    return fail(io, 'register', e);
  }
  let batchSize: number;
  try {
    batchSize = intOption('batch-size', values['batch-size'], MAX_BATCH, { min: 1, max: MAX_BATCH });
  } catch (e) {
    return fail(io, 'register', e);
  }
  let gasPrice: bigint | undefined;
  try {
    if (values['gas-price'] !== undefined) gasPrice = parseGwei(values['gas-price']);
  } catch {
    return fail(io, 'register', '--gas-price takes a price in gwei, e.g. 0.05');
  }
  const sender = account?.address ?? DRY_RUN_SENDER;
  const progress = (line: string) => {
    if (!values.json) io.stderr(line);
  };

  // With a state file the chain is asked first: the state belongs to one chain, registry and registrant.
  let connection: Awaited<ReturnType<typeof connectRpc>> | undefined;
  let state: RegisterState | undefined;
  const statePath = values.state ? resolve(io.cwd, values.state) : undefined;
  if (statePath) {
    try {
      connection = await connectRpc(values.rpc ?? DEVNET_RPC_URL);
      state = await loadRegisterState(statePath, {
        chainId: connection.chain.id,
        registry: REGISTRY_ADDRESS,
        registrant: sender,
      });
    } catch (e) {
      return fail(io, 'register', e, 1);
    }
  }

  const fingerprints: FileFingerprint[] = [];
  const failures: Array<{ file: string; error: string }> = [];
  for (const [n, file] of files.entries()) {
    const path = resolve(io.cwd, file);
    try {
      const stored = state ? await storedFingerprint(state, path) : undefined;
      const f = stored ?? (await fingerprintFile(path, file));
      if (state && !stored) await rememberFingerprint(state, path, f);
      fingerprints.push(f);
    } catch (e) {
      failures.push({ file, error: firstLine(e) });
    }
    if (files.length >= PROGRESS_FROM && ((n + 1) % 50 === 0 || n + 1 === files.length))
      progress(progressBar(n + 1, files.length, 'files fingerprinted'));
  }
  if (state && statePath) await saveRegisterState(statePath, state);
  if (failures.length > 0) {
    for (const f of failures) io.stderr(`origin-lens register: ${f.file}: ${f.error}`);
    io.stderr('origin-lens register: nothing registered');
    if (values.json)
      io.stdout(JSON.stringify({ registered: 0, files: fingerprints, errors: failures }, null, 2));
    return 1;
  }

  try {
    connection ??= await connectRpc(values.rpc ?? DEVNET_RPC_URL);
    if (!(await registryDeployed(connection.client))) {
      throw new Error(
        `the registry is not deployed on chain ${connection.chain.id}; run: origin-lens deploy --rpc ${connection.chain.rpcUrl}`,
      );
    }
    if (values['manifests-out'] && !dryRun) {
      const dir = resolve(io.cwd, values['manifests-out']);
      const n = await writeManifestStores(
        files.map((f) => resolve(io.cwd, f)),
        dir,
      );
      progress(`  wrote ${n} manifest store(s) to ${dir}`);
    }
    const all = uniqueItems(fingerprints.flatMap((f) => registerItems(f, values)));
    const done = new Set(state?.done ?? []);
    const pending = all.filter((i) => !done.has(itemKey(i)));

    if (dryRun) {
      const estimate = await estimateRegisterGas(connection.client, sender, pending, {
        batchSize,
        onBatch: (n, total) => {
          if (total >= PROGRESS_FROM) progress(progressBar(n, total, 'batches estimated'));
        },
      });
      const plan = {
        dryRun: true,
        chainId: connection.chain.id,
        registry: REGISTRY_ADDRESS,
        registrant: sender,
        files: fingerprints.length,
        hashes: all.length,
        alreadyRegistered: all.length - pending.length,
        transactions: estimate.transactions,
        batchSize,
        gas: String(estimate.gas),
        ...(gasPrice !== undefined
          ? { gasPriceGwei: formatGwei(gasPrice), costEth: formatEther(estimate.gas * gasPrice) }
          : {}),
      };
      if (values.json) io.stdout(JSON.stringify(plan, null, 2));
      else
        io.stdout(
          [
            `Dry run: nothing sent. ${plan.hashes} hash(es) from ${plan.files} file(s) on chain ${plan.chainId}` +
              (plan.alreadyRegistered ? `, ${plan.alreadyRegistered} already done (state file)` : ''),
            `  transactions  ${plan.transactions} (batches of up to ${batchSize})`,
            `  gas           ${plan.gas} (estimated now; a hash you registered before costs less)`,
            plan.costEth !== undefined
              ? `  cost          ${plan.costEth} ETH at ${plan.gasPriceGwei} gwei`
              : '  cost          give --gas-price GWEI to see it',
          ].join('\n'),
        );
      return 0;
    }

    const wallet = walletFor(connection, account as NonNullable<typeof account>);
    const transactions: Array<{ txHash: string; items: number; gasUsed: string }> = [];
    const batches = batchesOf(pending, batchSize);
    let registered = 0;
    let gasUsed = 0n;
    for (const [n, batch] of batches.entries()) {
      const result = await registerContent(wallet, batch, {
        batchSize: batch.length,
        onTransaction: (t) => {
          transactions.push({ txHash: t.txHash, items: t.items, gasUsed: String(t.gasUsed) });
          progress(`  tx ${t.txHash}: ${t.items} hash(es), gas ${t.gasUsed}`);
        },
      });
      registered += result.items;
      gasUsed += result.gasUsed;
      if (state && statePath) {
        state.done.push(...batch.map(itemKey));
        state.txHashes.push(...result.txHashes);
        await saveRegisterState(statePath, state);
      }
      if (batches.length >= 2)
        progress(progressBar(n + 1, batches.length, `transactions, ${registered} hash(es)`));
    }
    const summary = {
      chainId: connection.chain.id,
      registry: REGISTRY_ADDRESS,
      registrant: sender,
      aiGenerated: Boolean(values.ai),
      ...(values.uri ? { uri: values.uri } : {}),
      registered,
      alreadyRegistered: all.length - pending.length,
      gasUsed: String(gasUsed),
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
        else for (const b of f.blocks ?? []) lines.push(`  paragraph   ${b.sha256Collapsed} ${b.preview}…`);
        if (f.isccText) lines.push(`  iscc        ${f.isccText}`);
        if (f.c2paManifestHash)
          lines.push(`  c2pa        ${f.c2paManifestHash} (${f.c2paManifestBytes} bytes manifest store)`);
        io.stdout(lines.join('\n'));
      }
      io.stdout(
        `Registered ${registered} hash(es) for ${sender} on chain ${connection.chain.id} in ${transactions.length} transaction(s), gas ${gasUsed}` +
          (summary.alreadyRegistered
            ? ` (${summary.alreadyRegistered} already done, from the state file)`
            : ''),
      );
    }
    return 0;
  } catch (e) {
    io.stderr(`origin-lens register: ${firstLine(e)}`);
    if (statePath)
      io.stderr(
        `origin-lens register: progress is saved in ${statePath}; run the same command again to resume`,
      );
    return e instanceof KeyError ? 2 : 1;
  }
};
