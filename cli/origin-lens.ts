#!/usr/bin/env -S npx tsx
/**
 * origin-lens: verify files and URLs, hash content, and register it on-chain, with the same lib/ as the
 * extension. Run as `npm run --silent cli -- <command>`. See README "Command line".
 */
import type { CliCommand, CliIo } from './cli-io.ts';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: CliCommand }> }> = {
  verify: {
    summary: 'verify <file|url>... [--json] [--rpc URL] [--trust official|interim|none] [--anchors FILE.pem]',
    load: () => import('./commands/verify.ts'),
  },
  hash: {
    summary: 'hash <file>... | --text "<text>" | --text-file F [--json]',
    load: () => import('./commands/hash.ts'),
  },
  register: {
    summary: 'register <file>... [--ai] [--uri U] [--rpc URL] [--json]   (key from ORIGIN_LENS_KEY)',
    load: () => import('./commands/register.ts'),
  },
  deploy: {
    summary: 'deploy --rpc URL   (key from ORIGIN_LENS_KEY)',
    load: () => import('./commands/deploy.ts'),
  },
  devnet: {
    summary: 'devnet [--port 8545] [--seed demo/seed.json]',
    load: () => import('./commands/devnet.ts'),
  },
};

function usage(): string {
  return [
    'Usage: origin-lens <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.summary}`),
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`origin-lens: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(rest, io);
}

/** Runs the command line on this process's arguments and streams; also the installed `bin/origin-lens.mjs`'s entry. */
export function runAsProcess(): void {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    env: process.env,
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      io.stderr(`origin-lens: ${error.message}`);
      process.exitCode = 1;
    },
  );
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('origin-lens.ts'))
  runAsProcess();
