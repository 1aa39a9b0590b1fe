import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { createPdqIndexService } from '../../lib/background/pdq-index-service.ts';
import type { ChainConfig } from '../../lib/chain/chains.ts';
import { contentHashOf } from '../../lib/chain/content-hash.ts';
import { MemoryPdqIndexStore } from '../../lib/chain/pdq-index-store.ts';
import { DEFAULT_REGISTRANTS } from '../../lib/chain/registrants.ts';
import { registrationsFromLogs } from '../../lib/chain/registrations-from-logs.ts';
import { connectRpc } from '../../lib/chain/rpc-connection.ts';
import type { C2paEvidence, ChainRecord } from '../../lib/evidence/types.ts';
import { blankTextReason, fingerprintText } from '../../lib/fingerprint/fingerprint-text.ts';
import { couldNotCheckResult } from '../../lib/i18n/could-not-check.ts';
import { codedReason } from '../../lib/i18n/reason-code.ts';
import type { CheckResult, ItemDetails } from '../../lib/messages/protocol.ts';
import { loadBundledTrustListsNode } from '../../lib/node/c2pa-engine-node.ts';
import { createNodePipeline } from '../../lib/node/node-pipeline.ts';
import { readLocalText } from '../../lib/node/read-local-file.ts';
import type { C2paJson, VerifyRow } from '../../lib/schemas/cli-output-schemas.ts';
import { defaultSettings } from '../../lib/settings/settings.ts';
import type { CliCommand } from '../cli-io.ts';
import { fail, listOption, parseCommandArgs } from '../command-args.ts';

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text']);

const TRUST_CHOICES = ['official', 'interim', 'none'] as const;
const USAGE = `Usage: origin-lens verify <file|url>... [--json] [--rpc URL] [--trust official,interim,none] [--anchors FILE.pem] [--no-remote]`;

/**
 * `verify <file|url>... [--json] [--rpc URL] [--trust official|interim|none] [--anchors FILE.pem]`.
 * The JSON output is a stable contract, documented in README "Command line".
 */
export const run: CliCommand = async (argv, io) => {
  const args = parseCommandArgs(argv, io, {
    command: 'verify',
    usage: USAGE,
    options: {
      json: { type: 'boolean' },
      rpc: { type: 'string' },
      trust: { type: 'string', multiple: true, default: ['official,interim'] },
      anchors: { type: 'string' },
      'no-remote': { type: 'boolean' },
    },
  });
  if (args.exit !== undefined) return args.exit;
  const { values, positionals } = args;
  if (positionals.length === 0) return fail(io, 'verify', 'give one or more files or URLs');
  let trust: Set<string>;
  try {
    trust = new Set(listOption('trust', values.trust, TRUST_CHOICES));
  } catch (e) {
    return fail(io, 'verify', e);
  }
  let chains: ChainConfig[] = [];
  if (values.rpc) {
    try {
      chains = [(await connectRpc(values.rpc)).chain];
    } catch (error) {
      io.stderr(`origin-lens verify: ${(error as Error).message}`);
      return 1;
    }
  }
  const settings = defaultSettings(chains, [...DEFAULT_REGISTRANTS]);
  settings.remoteManifests = !values['no-remote'];
  // The user named the file on the command line: asking the host its manifest names is what they asked for.
  settings.remoteManifestsAnyHost = settings.remoteManifests;
  settings.trust = {
    official: trust.has('official'),
    interim: trust.has('interim'),
    userAnchors: values.anchors ? await readFile(resolve(io.cwd, values.anchors), 'utf8') : '',
  };
  // With --rpc, the trusted registrants' PDQ records are synced from the logs into memory, as the extension
  // does: look-alikes are matched locally, and their recovered credentials read.
  const pdq =
    chains.length > 0
      ? createPdqIndexService({
          chains,
          registrants: settings.registrants,
          store: new MemoryPdqIndexStore(),
          fetch,
        })
      : undefined;
  const pipeline = await createNodePipeline(
    settings,
    io.cwd,
    () => loadBundledTrustListsNode(settings.trust),
    pdq?.index,
    pdq?.textIndex,
  );

  const out: VerifyOutput[] = [];
  for (const source of positionals) {
    try {
      if (TEXT_EXTENSIONS.has(extname(source).toLowerCase()) && !/^https?:/i.test(source)) {
        const text = await readLocalText(resolve(io.cwd, source));
        const blank = blankTextReason(text);
        if (blank) throw new Error(blank);
        const result = await pipeline.checkText(await fingerprintText(text), text);
        out.push(
          await toOutput(
            source,
            result.key ? await pipeline.details(result.key) : null,
            result,
            chains,
            settings.registrants,
          ),
        );
      } else {
        const result = await pipeline.checkImage(source);
        const details = result.key ? await pipeline.details(result.key) : null;
        out.push(await toOutput(source, details, result, chains, settings.registrants));
      }
    } catch (error) {
      out.push({
        source,
        verdict: 'error',
        ...couldNotCheckResult((error as Error).message, pipeline.translate),
        error: (error as Error).message,
      });
    }
  }
  if (values.json) io.stdout(JSON.stringify(out, null, 2));
  else
    for (const row of out)
      io.stdout(`${row.verdict.padEnd(15)} ${row.source}\n${' '.repeat(16)}${row.reason}\n`);
  return out.some((row) => row.verdict === 'error') ? 1 : 0;
};

/** One row of `verify --json`: the contract is lib/schemas/cli-output-schemas.ts, published in schemas/. */
export type VerifyOutput = VerifyRow;

/** The `c2pa` object of the JSON contract (also the shape of `recovered.c2pa`). */
function c2paJson(c: C2paEvidence): C2paJson {
  return {
    state: c.state,
    trust: c.trust,
    trustList: c.trustList ?? null,
    validationState: c.validationState ?? null,
    aiGenerated: c.aiGenerated,
    codes: c.codes,
    signer: c.signer ?? null,
    claimGenerator: c.claimGenerator ?? null,
    ai: c.ai ?? [],
    actions: c.actions,
    source: c.source ?? null,
    remoteUrl: c.remoteUrl ?? null,
    error: c.error ?? null,
    failures: c.failures ?? null,
    signals: c.signals ?? null,
    signingChain: c.signingChain ?? [],
  };
}

async function toOutput(
  source: string,
  details: ItemDetails | null,
  result: Pick<CheckResult, 'reason' | 'reasonCode' | 'reasonParams'>,
  chains: ChainConfig[],
  registrants: typeof DEFAULT_REGISTRANTS,
): Promise<VerifyOutput> {
  if (!details) {
    const { reason } = result;
    return { source, verdict: 'error', reason, ...codedReason(result), error: reason };
  }
  const { evidence } = details;
  const f = evidence.fingerprints;
  const c = evidence.c2pa;
  const out: VerifyOutput = {
    source,
    kind: f?.kind === 'image' && f.media ? f.media : details.kind,
    ...(f?.kind === 'image' ? { sha256: f.sha256 } : {}),
    ...(f?.kind === 'text' ? { sha256Collapsed: f.sha256Collapsed } : {}),
    verdict: details.verdict,
    reason: details.reason,
    ...codedReason(details),
    variant: details.variant ?? null,
    fingerprints: f,
  };
  if (details.kind === 'image') {
    out.c2pa = c
      ? c2paJson(c)
      : c2paJson({
          state: 'error',
          trust: null,
          aiGenerated: false,
          codes: [],
          actions: [],
          ingredients: [],
          error: 'not read',
        });
    const r = evidence.recovered;
    out.recovered =
      r?.state === 'recovered' && r.c2pa
        ? {
            from: {
              chainId: r.from.chainId,
              registrant: r.from.registrant,
              registrantName: r.from.registrantName ?? null,
              match: r.from.match,
              bits: r.from.bits,
              manifestHash: r.from.manifestHash,
              uri: r.from.uri,
            },
            c2pa: c2paJson(r.c2pa),
            unbound: r.unbound ?? [],
          }
        : null;
    if (r?.state === 'error') out.recoveryError = r.error ?? 'unknown error';
  }
  const ch = evidence.chain;
  let records: ChainRecord[] = ch?.records ?? [];
  // The batched lookup only names trusted registrants; the logs name everyone, with transaction and URI.
  const contentHash = contentHashOf(f);
  const logErrors: string[] = [];
  if (contentHash && chains.length > 0) {
    const fromLogs: ChainRecord[] = [];
    for (const chain of chains) {
      try {
        const { client } = await connectRpc(chain.rpcUrl);
        const result = await registrationsFromLogs(client, {
          chain,
          contentHash,
          registrants,
          fromBlock: 0n,
        });
        fromLogs.push(
          ...result.records.map((r) => ({
            ...r,
            match: (details.kind === 'text' ? 'text' : 'exact') as ChainRecord['match'],
          })),
        );
      } catch (error) {
        logErrors.push(`${chain.name}: ${(error as Error).message}`);
      }
    }
    // Look-alikes (PDQ) and similar text (ISCC) come from the local indexes, not from the exact hash's logs.
    const perceptual = records.filter((r) => r.match === 'perceptual' || r.match === 'similar-text');
    if (fromLogs.length > 0 || logErrors.length === 0) records = [...fromLogs, ...perceptual];
  }
  out.chain = {
    state: ch?.state ?? 'disabled',
    records,
    otherRegistrations: ch?.otherRegistrations ?? 0,
    errors: [...(ch?.errors ?? []), ...logErrors],
  };
  return out;
}
