/**
 * `origin-lens devnet [--port 8545] [--seed demo/seed.json]`: a local chain for the demo and the end-to-end
 * tests. Starts anvil, deploys the registry through the CREATE2 deployer (so it sits at REGISTRY_ADDRESS, as on
 * any chain), registers the demo records from the seed file, prints the RPC URL and the registry address, and
 * runs until SIGINT/SIGTERM, which stop anvil.
 *
 * Seed file: a JSON array of
 *   { "file": "<path relative to the current directory (the repo)>", "as": "publisher" | "stranger",
 *     "ai"?: boolean, "uri"?: string, "revoke"?: boolean }
 * publisher = anvil account #1, the trusted demo registrant of public/registrants.json (on 31337 only);
 * stranger = anvil account #2, trusted nowhere. anvil signs for its own default accounts, so no key is handled.
 * A seed file that is missing (the default one) or lists missing files is reported and skipped: the devnet
 * still starts.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Address } from 'viem';
import { deployRegistry } from '../../lib/chain/deploy-registry.ts';
import type { Hex32 } from '../../lib/chain/hex32.ts';
import { type RegisterItem, registerContent, revokeContent } from '../../lib/chain/register-content.ts';
import { REGISTRY_ADDRESS } from '../../lib/chain/registry-address.ts';
import { connectRpc, walletFor } from '../../lib/chain/rpc-connection.ts';
import { ANVIL_ACCOUNTS, type AnvilInstance, startAnvil } from '../../lib/node/anvil.ts';
import type { CliCommand, CliIo } from '../cli-io.ts';
import { fail, intOption, parseCommandArgs } from '../command-args.ts';
import { fingerprintFile } from './register.ts';

/** The devnet's accounts are anvil's default ones (public test mnemonic): never trust them outside chain 31337. */
export const DEVNET_ACCOUNTS = ANVIL_ACCOUNTS;

export const DEFAULT_SEED = 'demo/seed.json';

export interface SeedEntry {
  file: string;
  as: 'publisher' | 'stranger';
  ai?: boolean;
  uri?: string;
  revoke?: boolean;
}

/** Validates a seed file's content; throws naming the first bad entry. */
export function parseSeed(value: unknown): SeedEntry[] {
  if (!Array.isArray(value)) throw new Error('the seed file must hold a JSON array');
  return value.map((raw, i) => {
    const e = raw as Record<string, unknown>;
    const where = `seed entry ${i}`;
    if (typeof e !== 'object' || e === null) throw new Error(`${where} is not an object`);
    if (typeof e.file !== 'string' || e.file === '') throw new Error(`${where}: "file" must be a path`);
    if (e.as !== 'publisher' && e.as !== 'stranger')
      throw new Error(`${where}: "as" must be "publisher" or "stranger"`);
    if (e.ai !== undefined && typeof e.ai !== 'boolean') throw new Error(`${where}: "ai" must be a boolean`);
    if (e.uri !== undefined && typeof e.uri !== 'string') throw new Error(`${where}: "uri" must be a string`);
    if (e.revoke !== undefined && typeof e.revoke !== 'boolean')
      throw new Error(`${where}: "revoke" must be a boolean`);
    const entry: SeedEntry = { file: e.file, as: e.as };
    if (e.ai) entry.ai = true;
    if (typeof e.uri === 'string') entry.uri = e.uri;
    if (e.revoke) entry.revoke = true;
    return entry;
  });
}

export interface DevnetInfo {
  rpcUrl: string;
  chainId: number;
  registry: Address;
  publisher: Address;
  stranger: Address;
  /** Hashes registered from the seed file. */
  registered: number;
  revoked: number;
  /** Seed entries that could not be used, with the reason. */
  skipped: Array<{ file: string; reason: string }>;
}

export interface DevnetOptions {
  /** Stops the devnet when aborted (the `run` export wires SIGINT/SIGTERM to it). */
  signal?: AbortSignal;
  onReady?: (info: DevnetInfo) => void;
}

const USAGE = `Usage: origin-lens devnet [--port 8545] [--seed ${DEFAULT_SEED}]
  Starts a local chain (anvil, chain 31337), deploys the registry at ${REGISTRY_ADDRESS},
  registers the demo records from the seed file and runs until Ctrl+C.
  --port N     port on 127.0.0.1 (default 8545; 0 = any free port)
  --seed FILE  seed file (default ${DEFAULT_SEED}; missing default = no seeding)`;

async function seed(
  io: CliIo,
  entries: SeedEntry[],
  connection: Awaited<ReturnType<typeof connectRpc>>,
): Promise<Pick<DevnetInfo, 'registered' | 'revoked' | 'skipped'>> {
  const items: Record<SeedEntry['as'], RegisterItem[]> = { publisher: [], stranger: [] };
  const revokes: Record<SeedEntry['as'], Hex32[]> = { publisher: [], stranger: [] };
  const skipped: DevnetInfo['skipped'] = [];
  for (const entry of entries) {
    const path = resolve(io.cwd, entry.file);
    if (!existsSync(path)) {
      skipped.push({ file: entry.file, reason: 'file not found' });
      continue;
    }
    try {
      const f = await fingerprintFile(path, entry.file);
      for (const { hash, kind } of f.items) {
        items[entry.as].push({
          hash,
          kind,
          ...(entry.ai ? { aiGenerated: true } : {}),
          ...(entry.uri ? { uri: entry.uri } : {}),
        });
        if (entry.revoke) revokes[entry.as].push(hash);
      }
    } catch (e) {
      skipped.push({ file: entry.file, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  let registered = 0;
  let revoked = 0;
  for (const who of ['publisher', 'stranger'] as const) {
    const wallet = walletFor(connection, DEVNET_ACCOUNTS[who]);
    registered += (await registerContent(wallet, items[who])).items;
    revoked += (await revokeContent(wallet, revokes[who])).items;
  }
  return { registered, revoked, skipped };
}

export async function runDevnet(argv: string[], io: CliIo, options: DevnetOptions = {}): Promise<number> {
  const args = parseCommandArgs(argv, io, {
    command: 'devnet',
    usage: USAGE,
    options: { port: { type: 'string' }, seed: { type: 'string' } },
  });
  if (args.exit !== undefined) return args.exit;
  if (args.positionals.length > 0) return fail(io, 'devnet', `unexpected argument "${args.positionals[0]}"`);
  const { values } = args;
  let port: number;
  try {
    port = intOption('port', values.port, 8545, { min: 0, max: 65_535 });
  } catch (e) {
    return fail(io, 'devnet', e);
  }
  // Read and validate the seed before starting anything.
  let entries: SeedEntry[] = [];
  const seedPath = resolve(io.cwd, values.seed ?? DEFAULT_SEED);
  if (existsSync(seedPath)) {
    try {
      entries = parseSeed(JSON.parse(await readFile(seedPath, 'utf8')));
    } catch (e) {
      io.stderr(`origin-lens devnet: ${seedPath}: ${(e as Error).message}`);
      return 2;
    }
  } else if (values.seed !== undefined) {
    io.stderr(`origin-lens devnet: seed file not found: ${seedPath}`);
    return 2;
  } else {
    io.stderr(`origin-lens devnet: no ${DEFAULT_SEED} here; starting without demo records`);
  }
  if (options.signal?.aborted) return 0;

  let anvil: AnvilInstance;
  try {
    anvil = await startAnvil({ port, chainId: 31337 });
  } catch (e) {
    io.stderr(
      `origin-lens devnet: could not start anvil on port ${port} (${(e as Error).message.split('\n')[0]})` +
        (port !== 0 ? '; is another devnet running? Try --port 0' : ''),
    );
    return 1;
  }
  try {
    const connection = await connectRpc(anvil.rpcUrl);
    await deployRegistry(walletFor(connection, DEVNET_ACCOUNTS.deployer));
    const seeded = await seed(io, entries, connection);
    for (const s of seeded.skipped) io.stderr(`origin-lens devnet: seed ${s.file} skipped: ${s.reason}`);
    const info: DevnetInfo = {
      rpcUrl: anvil.rpcUrl,
      chainId: anvil.chainId,
      registry: REGISTRY_ADDRESS,
      publisher: DEVNET_ACCOUNTS.publisher,
      stranger: DEVNET_ACCOUNTS.stranger,
      ...seeded,
    };
    io.stdout(
      [
        'Origin Lens devnet',
        `  RPC URL    ${info.rpcUrl} (chain ${info.chainId})`,
        `  Registry   ${info.registry}`,
        `  Publisher  ${info.publisher} (anvil #1, trusted on 31337 only)`,
        `  Stranger   ${info.stranger} (anvil #2)`,
        `  Seeded     ${info.registered} hash(es), ${info.revoked} revoked, ${info.skipped.length} seed entr${info.skipped.length === 1 ? 'y' : 'ies'} skipped`,
        'Running until Ctrl+C.',
      ].join('\n'),
    );
    options.onReady?.(info);
    const stopped = await Promise.race([
      anvil.exited.then(() => 'anvil' as const),
      new Promise<'signal'>((r) => {
        if (options.signal?.aborted) r('signal');
        options.signal?.addEventListener('abort', () => r('signal'), { once: true });
      }),
    ]);
    if (stopped === 'anvil') {
      io.stderr('origin-lens devnet: anvil stopped unexpectedly');
      return 1;
    }
    return 0;
  } catch (e) {
    io.stderr(`origin-lens devnet: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return 1;
  } finally {
    await anvil.stop();
  }
}

export const run: CliCommand = async (argv, io) => {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await runDevnet(argv, io, { signal: controller.signal });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
};
